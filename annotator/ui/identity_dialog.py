"""Who is annotating: asked at first start, switchable from the Team menu."""
from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout

from annotator.core.team.identity import default_annotator

SETTING = "annotator"


class AnnotatorDialog(QDialog):
    """One line for the name; OK only when it is not blank."""

    def __init__(self, current: str, first_time: bool, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Who is annotating?") if first_time else self.tr("Switch annotator"))
        intro = QLabel(self.tr("Your annotator name is saved on every span, claim and document status you make, "
                               "so several people's work can be merged and compared. Use the same name on every "
                               "computer.") if first_time else
                       self.tr("New annotations and statuses will carry this name. The document list and the "
                               "article then show this annotator's own work."))
        intro.setWordWrap(True)
        self.name = QLineEdit(current)
        self.name.selectAll()
        self.name.setPlaceholderText(self.tr("e.g. salma"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.name.textChanged.connect(self._check)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.name)
        layout.addWidget(self.buttons)
        self._check()
        self.resize(420, self.sizeHint().height())

    def _check(self) -> None:
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(bool(self.value()))

    def value(self) -> str:
        return self.name.text().strip()


def ask_annotator(parent, current: str, first_time: bool = False) -> str | None:
    dialog = AnnotatorDialog(current, first_time, parent)
    return dialog.value() if dialog.exec() == QDialog.Accepted else None


def can_show_windows() -> bool:
    """Is there a screen a dialog would appear on? Not with Qt's offscreen or minimal
    platforms (tests, servers, CI), where the name comes from --annotator,
    $ANNOTATOR_NAME or the system user instead of a question."""
    from PySide6.QtGui import QGuiApplication
    return QGuiApplication.platformName() not in ("offscreen", "minimal", "vnc") and bool(QGuiApplication.screens())


def first_start_annotator(settings: QSettings, given: str | None) -> str:
    """The name from --annotator, or the remembered one, or asked now (first start)."""
    if given:
        settings.setValue(SETTING, given)
        return given
    remembered = settings.value(SETTING)
    if remembered:
        return str(remembered)
    if not can_show_windows():
        # No screen (offscreen, a server): a dialog nobody can see would wait forever.
        return default_annotator()
    name = ask_annotator(None, default_annotator(), first_time=True)
    if name:
        settings.setValue(SETTING, name)
        return name
    return default_annotator()          # cancelled: asked again next time
