"""View ▸ Settings (Ctrl+,): language, theme, article font and line spacing,
snapping, the project's label colours and keys, and its entity model's
retraining and confidence threshold.

Personal preferences are kept in QSettings (they follow the person); label
colours and keys are part of the project's schema, and the model's settings
are project settings (they follow the project, so everyone annotating it sees,
types and is suggested the same).
"""
from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from annotator.core.assist.learn.project import model_settings, set_model_settings
from annotator.core.schema import RESERVED_KEYS, Schema, SchemaError
from annotator.ui import i18n, themes
from annotator.ui.fonts import ordered_arabic_families
from annotator.ui.line_spacing import MAX_FACTOR, MIN_FACTOR, line_spacing
from annotator.ui.plain import plain_tooltip
from annotator.ui.screen_fit import fit_size
from annotator.ui.side_panels import label_tooltip_text, shown_label
from annotator.ui.snap_modes import snap_modes

translate = QCoreApplication.translate

SAMPLE = "قال وزير الخارجية الأردني أيمن الصفدي، الأحد، إن «التعاون مستمر» مع لبنان."
KEY_PATTERN = re.compile(r"^[0-9a-z]?$")


def colour_icon(colour: str) -> QIcon:
    pixmap = QPixmap(28, 16)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


class LabelTable(QTableWidget):
    """Label, colour (click to choose), key (editable) per schema label."""

    NAME, COLOUR, KEY = range(3)

    def __init__(self, schema: Schema, parent=None):
        super().__init__(len(schema.labels), 3, parent)
        self.schema = schema
        self.colours = {label.name: label.colour for label in schema.labels}
        self.setHorizontalHeaderLabels([self.tr("Label"), self.tr("Colour"), self.tr("Key")])
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(self.NAME, QHeaderView.Stretch)
        for row, label in enumerate(schema.labels):
            item = QTableWidgetItem(shown_label(label.name, label.display(i18n.current_language())))
            item.setFlags(Qt.ItemIsEnabled | Qt.ItemIsSelectable)
            item.setToolTip(plain_tooltip(label_tooltip_text(label)))
            self.setItem(row, self.NAME, item)
            button = QPushButton(colour_icon(label.colour), i18n.ltr(label.colour))
            button.clicked.connect(lambda _=False, name=label.name: self.choose_colour(name))
            self.setCellWidget(row, self.COLOUR, button)
            key = QTableWidgetItem(label.key or "")
            key.setTextAlignment(Qt.AlignCenter)
            self.setItem(row, self.KEY, key)

    def _row(self, name: str) -> int:
        return self.schema.label_names().index(name)

    def choose_colour(self, name: str) -> None:
        title = self.tr("Colour of {label}").format(label=name)
        colour = QColorDialog.getColor(QColor(self.colours[name]), self, title)
        if colour.isValid():
            self.set_colour(name, colour.name())

    def set_colour(self, name: str, colour: str) -> None:
        self.colours[name] = colour.lower()
        button = self.cellWidget(self._row(name), self.COLOUR)
        button.setIcon(colour_icon(colour))
        button.setText(i18n.ltr(colour.lower()))   # in Arabic "#ffa56e" read "ffa56e#"

    def set_key(self, name: str, key: str) -> None:
        self.item(self._row(name), self.KEY).setText(key)

    def keys(self) -> dict[str, str]:
        return {label.name: self.item(row, self.KEY).text().strip().lower()
                for row, label in enumerate(self.schema.labels)}


def key_problems(schema: Schema, keys: dict[str, str]) -> list[str]:
    """What is wrong with giving the labels these keys (empty list: nothing)."""
    problems = []
    owners = {role.key: role.name for role in schema.claim_roles if role.key}
    for name, key in keys.items():
        if not key:
            continue
        if not KEY_PATTERN.match(key):
            problems.append(translate("SettingsDialog",
                                      "{label}: the key must be one letter a–z or a digit, not “{key}”.")
                            .format(label=name, key=key))
        elif key in RESERVED_KEYS:
            problems.append(translate("SettingsDialog",
                                      "{label}: “{key}” is used by the application (reserved: {reserved}).")
                            .format(label=name, key=key, reserved=" ".join(sorted(RESERVED_KEYS))))
        elif key in owners:
            problems.append(translate("SettingsDialog", "{label}: “{key}” is already the key of {other}.")
                            .format(label=name, key=key, other=owners[key]))
        else:
            owners[key] = name
    return problems


def schema_with(schema: Schema, colours: dict[str, str], keys: dict[str, str]) -> Schema:
    """A copy of ``schema`` with the given label colours and keys (validated)."""
    data = schema.to_dict()
    for label in data["labels"]:
        label["colour"] = colours.get(label["name"], label["colour"])
        label["key"] = keys.get(label["name"], label["key"])
    return Schema.from_json(data, source=schema.name)


class SettingsDialog(QDialog):
    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
        self.settings = window.settings
        self.setWindowTitle(self.tr("Settings"))
        fit_size(self, 620, 560)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._appearance_tab(), self.tr("&Appearance"))
        self.tabs.addTab(self._annotation_tab(), self.tr("A&nnotation"))
        self.tabs.addTab(self._labels_tab(), self.tr("&Labels and keys"))
        self.tabs.addTab(self._model_tab(), self.tr("&Model"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel | QDialogButtonBox.Apply)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.buttons.button(QDialogButtonBox.Apply).clicked.connect(self.apply)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.buttons)
        self._check_keys()

    # --- tabs ----------------------------------------------------------------
    def _appearance_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.language = QComboBox()
        for code, text in ((i18n.SYSTEM, self.tr("As the system (Arabic on an Arabic system)")),
                           (i18n.ARABIC, "العربية"), (i18n.ENGLISH, "English")):
            self.language.addItem(text, code)
        self.language.setCurrentIndex(self.language.findData(i18n.chosen_language(self.settings)))
        self.language_note = QLabel(self.tr("The interface language changes when you next start the application."))
        self.language_note.setWordWrap(True)
        self.language_note.setVisible(False)
        self.language.currentIndexChanged.connect(lambda: self.language_note.setVisible(self.language_changed()))
        self.theme = QComboBox()
        self.theme.addItem(self.tr("Light"), themes.LIGHT)
        self.theme.addItem(self.tr("Dark"), themes.DARK)
        self.theme.setCurrentIndex(self.theme.findData(themes.chosen_theme(self.settings)))
        font = self.window_.view.font()
        self.font_family = QComboBox()
        families = ordered_arabic_families()
        if font.family() not in families:
            families.insert(0, font.family())
        self.font_family.addItems(families)
        self.font_family.setCurrentText(font.family())
        self.font_size = QSpinBox()
        self.font_size.setRange(8, 72)
        self.font_size.setValue(font.pointSize())
        self.spacing = QDoubleSpinBox()
        self.spacing.setRange(MIN_FACTOR, MAX_FACTOR)
        self.spacing.setSingleStep(0.1)
        self.spacing.setDecimals(1)
        self.spacing.setValue(line_spacing(self.window_.view))
        self.preview = QLabel(SAMPLE)
        self.preview.setWordWrap(True)
        self.preview.setLayoutDirection(Qt.RightToLeft)
        self.preview.setAlignment(Qt.AlignRight | Qt.AlignAbsolute | Qt.AlignVCenter)   # right even when mirrored
        self.font_family.currentTextChanged.connect(self._update_preview)
        self.font_size.valueChanged.connect(self._update_preview)
        self._update_preview()
        form.addRow(self.tr("Interface &language:"), self.language)
        form.addRow("", self.language_note)
        form.addRow(self.tr("&Theme:"), self.theme)
        form.addRow(self.tr("Article &font:"), self.font_family)
        form.addRow(self.tr("Font &size:"), self.font_size)
        form.addRow(self.tr("Line s&pacing:"), self.spacing)
        form.addRow(self.tr("Preview:"), self.preview)
        return page

    def _annotation_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(self.tr("When you select part of a word:")))
        self.snap_group = QButtonGroup(self)
        self.snap_buttons = {}
        current = self.window_.view.snap_mode()
        for mode, text in snap_modes():
            button = QRadioButton(text)
            button.setChecked(mode == current)
            self.snap_group.addButton(button)
            self.snap_buttons[mode] = button
            layout.addWidget(button)
        layout.addStretch(1)
        return page

    def _labels_tab(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        note = QLabel(self.tr("Colours and keys are saved in the project, so everyone working on it sees the same. "
                              "Click a colour to change it; type a key (a letter or digit, or nothing)."))
        note.setWordWrap(True)
        self.labels = LabelTable(self.window_.store.schema)
        self.labels.itemChanged.connect(self._check_keys)
        self.labels.setEnabled(not self.window_.store.readonly)
        self.key_errors = QLabel()
        self.key_errors.setWordWrap(True)
        self.key_errors.setStyleSheet("color: #c62828;")
        layout.addWidget(note)
        layout.addWidget(self.labels, 1)
        layout.addWidget(self.key_errors)
        return page

    def _model_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        current = model_settings(self.window_.store)
        note = QLabel(self.tr("The entity model learns from the finished articles and suggests entities with its "
                              "confidence. These settings are saved in the project, so everyone working on it "
                              "shares them."))
        note.setWordWrap(True)
        self.retrain_every = QSpinBox()
        self.retrain_every.setRange(0, 10000)
        self.retrain_every.setSpecialValueText(self.tr("never"))
        self.retrain_every.setValue(int(current["retrain_every"]))
        self.retrain_every.setToolTip(self.tr("Train again in the background after this many newly finished "
                                              "articles (0: only when asked, Assist ▸ Train the model now)."))
        self.threshold = QSpinBox()
        self.threshold.setRange(0, 100)
        self.threshold.setSuffix("%")
        self.threshold.setValue(round(100 * float(current["threshold"])))
        self.threshold.setToolTip(self.tr("The model's suggestions it is less sure of than this are not shown."))
        for widget in (self.retrain_every, self.threshold):
            widget.setEnabled(not self.window_.store.readonly)
        form.addRow(note)
        form.addRow(self.tr("&Retrain after every N finished articles:"), self.retrain_every)
        form.addRow(self.tr("&Hide suggestions below confidence:"), self.threshold)
        return page

    # --- state ---------------------------------------------------------------
    def _update_preview(self) -> None:
        self.preview.setFont(QFont(self.font_family.currentText(), self.font_size.value()))

    def _check_keys(self) -> bool:
        problems = key_problems(self.window_.store.schema, self.labels.keys())
        self.key_errors.setText("\n".join(problems))
        for which in (QDialogButtonBox.Ok, QDialogButtonBox.Apply):
            self.buttons.button(which).setEnabled(not problems)
        return not problems

    def language_changed(self) -> bool:
        return self.language.currentData() != i18n.chosen_language(self.settings)

    def snap_mode(self) -> str:
        return next(mode for mode, button in self.snap_buttons.items() if button.isChecked())

    def apply(self) -> bool:
        """Apply and remember everything; False (nothing applied) if the keys are invalid."""
        if not self._check_keys():
            return False
        window = self.window_
        store = window.store
        if not store.readonly:
            schema = store.schema
            changed = (self.labels.colours != {l.name: l.colour for l in schema.labels}
                       or self.labels.keys() != {l.name: l.key or "" for l in schema.labels})
            if changed:
                try:
                    new = schema_with(schema, self.labels.colours, self.labels.keys())
                except SchemaError as error:
                    self.key_errors.setText(str(error))
                    return False
                store.set_schema(new)
                window.schema_changed()
            self._apply_model_settings()
        if self.language_changed():
            window.statusBar().showMessage(self.language_note.text(), 10000)
        self.settings.setValue(i18n.LANGUAGE_KEY, self.language.currentData())
        theme = self.theme.currentData()
        self.settings.setValue(themes.THEME_KEY, theme)
        themes.apply_theme(QApplication.instance(), theme)
        window.apply_theme(theme)
        window.set_font(QFont(self.font_family.currentText(), self.font_size.value()))
        window.set_line_spacing(self.spacing.value())
        window.set_snap_mode(self.snap_mode())
        self.settings.sync()
        return True

    def _apply_model_settings(self) -> None:
        store, window = self.window_.store, self.window_
        before = model_settings(store)
        every, threshold = self.retrain_every.value(), self.threshold.value() / 100
        if (every, threshold) == (int(before["retrain_every"]), float(before["threshold"])):
            return
        set_model_settings(store, retrain_every=every, threshold=threshold)
        window.assist.training.show_state()
        if threshold != float(before["threshold"]):
            window.assist.suggestions.sources_changed()      # shown again with the new threshold

    def accept(self) -> None:
        if self.apply():
            super().accept()
