"""The project's entity model in the window: training it, showing its state,
and going where it is least sure.

Training runs ``python -m annotator train --db FILE --json`` in a child process
(QProcess), never on the GUI thread nor in a worker thread: feature extraction
is pure Python and would hold the GIL for a minute on a big project, stalling
the window as surely as the GUI thread; and a killed process (the window
closing) leaves the file consistent, since the model and the articles'
uncertainty are each written in one transaction at the end. One training at a
time: asking while one runs starts another right after it.

It starts on command (Assist ▸ Train the model now) and after an article is
marked done when ``due_for_training`` (every N newly finished articles, a
project setting). When it ends, the window reads the model again: the
status-bar label, the suggestions (rebuilt with the new model) and the
document list's *Unsure* column.

The child's commits look like another program's to the window
(ExternalChanges); while it runs they are told apart by what the window shows
(``shown_signature``), so a training does not reload the whole window.
"""
from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, QProcessEnvironment, Qt, Signal
from PySide6.QtWidgets import QLabel

import annotator
from annotator.core.assist.learn.project import due_for_training, model_settings, model_state
from annotator.core.store import queries
from annotator.core.store.search import UNFINISHED
from annotator.ui.plain import plain_tooltip

# The folder holding the annotator package: ``-m annotator`` resolves from there.
PACKAGE_PARENT = Path(annotator.__file__).resolve().parents[1]
UNCERTAIN_FIRST_KEY = "assist/uncertain_first"


def training_command(db) -> list[str]:
    return ["-m", "annotator", "train", "--db", str(Path(db).resolve()), "--json"]


def error_text(stderr: str, db) -> str:
    """The reason a training failed, from the child's stderr: click's last line
    ("Error: FILE: no finished article ...") or a traceback's, without the file name."""
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    if not lines:
        return ""
    last = lines[-1].removeprefix("Error: ")
    for name in (str(Path(db).resolve()), str(db)):
        last = last.removeprefix(f"{name}: ")
    return last


def ranked_uncertain(summaries, uncertainty: dict[str, float]) -> list[str]:
    """Unfinished articles (the current annotator's status) with a stored
    uncertainty, least sure first; ties in list order."""
    found = [(-uncertainty[s.id], i, s.id) for i, s in enumerate(summaries)
             if s.status in UNFINISHED and s.id in uncertainty]
    return [doc_id for _, _, doc_id in sorted(found)]


class ModelTraining(QObject):
    """The training process, the status-bar label and "most uncertain" navigation."""

    stateChanged = Signal()          # a training started or ended (menu actions follow)
    trained = Signal(bool)           # a training ended: True when it succeeded

    def __init__(self, window):
        super().__init__(window)
        self.w = window
        self.process: QProcess | None = None
        self.pending = False          # asked for while one ran: run again after it
        self.began = 0.0
        self._shown: tuple | None = None
        self.state: dict = {}
        self.label = QLabel()
        self.label.setTextFormat(Qt.PlainText)
        self.label.setContentsMargins(12, 0, 12, 0)       # apart from the annotator's label beside it
        window.statusBar().addPermanentWidget(self.label)
        self.show_state()

    # --- training ------------------------------------------------------------
    def running(self) -> bool:
        return self.process is not None

    def start(self, automatic: bool = False) -> bool:
        """Start a training in the background; True when one started."""
        bar = self.w.statusBar()
        if self.w.store.readonly:
            bar.showMessage(self.tr("The project is open read-only: the model cannot be saved in it."), 8000)
            return False
        if self.running():
            self.pending = True
            bar.showMessage(self.tr("The model is being trained; it will train again when this training ends."), 6000)
            return False
        process = QProcess(self)
        process.setProgram(sys.executable)
        process.setArguments(training_command(self.w.store.path))
        process.setWorkingDirectory(str(PACKAGE_PARENT))
        env = QProcessEnvironment.systemEnvironment()
        # -m finds the package from the working directory, unless Python is told not to
        # look there (PYTHONSAFEPATH): the path says it again. UTF-8 for the JSON's Arabic.
        env.insert("PYTHONPATH", os.pathsep.join(p for p in (str(PACKAGE_PARENT), env.value("PYTHONPATH")) if p))
        env.insert("PYTHONIOENCODING", "utf-8")
        process.setProcessEnvironment(env)
        process.finished.connect(self._finished)
        process.errorOccurred.connect(self._error)
        self.process, self.pending, self.began = process, False, time.monotonic()
        self._shown = queries.shown_signature(self.w.store)
        self.w.external.own_writes = self._own_writes
        process.start()
        self.show_state()
        bar.showMessage(self.tr("Training the model in the background after %n newly finished article(s)…", "",
                                self.state["due"]) if automatic
                        else self.tr("Training the model in the background…"), 6000)
        self.stateChanged.emit()
        return True

    def stop(self) -> None:
        """The window closes: end the training (it has written nothing half)."""
        process, self.process = self.process, None
        if process is None:
            return
        process.finished.disconnect(self._finished)
        process.errorOccurred.disconnect(self._error)
        process.kill()
        process.waitForFinished(2000)     # a killed process exits at once; only reaps it

    def _own_writes(self) -> bool:
        """ExternalChanges, on a commit by another connection during a training:
        True when nothing the window shows changed (the child saved the model)."""
        now = queries.shown_signature(self.w.store)
        if now == self._shown:
            return True
        self._shown = now
        return False

    def _error(self, error) -> None:
        if error == QProcess.FailedToStart and self.process is not None:     # no finished() follows
            self._ended(False, self.process.errorString(), None)

    def _finished(self, exit_code: int, exit_status) -> None:
        process = self.process
        out = bytes(process.readAllStandardOutput()).decode("utf-8", "replace")
        err = bytes(process.readAllStandardError()).decode("utf-8", "replace")
        ok = exit_status == QProcess.NormalExit and exit_code == 0
        result = None
        if ok:
            try:
                result = json.loads(out)
            except ValueError:
                ok, err = False, self.tr("unreadable output: {text}").format(text=out[-200:])
        self._ended(ok, err, result)

    def _ended(self, ok: bool, err: str, result) -> None:
        if self.process is not None:
            self.process.deleteLater()
        self.process = None
        external = self.w.external
        external.check()                  # the child's last commits: ours unless the signature moved
        external.own_writes = None
        seconds = time.monotonic() - self.began
        bar = self.w.statusBar()
        if ok:
            self._show_trained(result, seconds)
        else:
            reason = error_text(err, self.w.store.path) or self.tr("the training process stopped")
            bar.showMessage(self.tr("The model was not trained: {reason}").format(reason=reason), 15000)
        self.refresh()
        self.stateChanged.emit()
        self.trained.emit(ok)
        # A failed training is not retried by itself: the next request or finished article will.
        if self.pending or (ok and not self.w.store.readonly and due_for_training(self.w.store)):
            self.start(automatic=not self.pending)

    def _show_trained(self, result: dict, seconds: float) -> None:
        f1 = ((result.get("scores") or {}).get("micro") or {}).get("f1")
        documents = result.get("documents", 0)
        if f1 is None:
            text = self.tr("Model trained on %n article(s) in {seconds:.0f} s (too few to measure its F1)", "",
                           documents)
        else:
            text = self.tr("Model trained on %n article(s) in {seconds:.0f} s · cross-validated F1 {f1:.2f}", "",
                           documents)
        self.w.statusBar().showMessage(text.format(seconds=seconds, f1=f1 or 0), 10000)

    def refresh(self) -> None:
        """Read the model again after a training: its state, the articles' uncertainty
        and the suggestions (the suggester is built again with the new model)."""
        self.show_model()
        self.w.assist.suggestions.sources_changed()

    def show_model(self) -> None:
        """The label and the Unsure column as the file holds them now."""
        self.show_state()
        self.w.doc_list.set_uncertainty(self.w.store.uncertainty())

    # --- automatic training ------------------------------------------------
    def article_finished(self) -> None:
        """An article was marked done: train when enough are finished since the last time."""
        if self.w.store.readonly or self.running():
            self.show_state()
            return
        if due_for_training(self.w.store):
            self.start(automatic=True)
        else:
            self.show_state()

    # --- the label -------------------------------------------------------------
    def show_state(self) -> None:
        self.state = state = model_state(self.w.store)
        info = state["info"]
        if self.running():
            text = self.tr("Model: training…")
        elif state["kind"] == "project" and state["stale"]:
            text = self.tr("Model: stale · retrain")
        elif state["kind"] == "project" and state.get("use") == "default":
            # Trained, but on the finished articles the default model still finds more: it suggests.
            text = self.tr("Model: default (better so far) · project F1 {f1:.2f}").format(f1=state["f1"] or 0)
        elif state["kind"] == "project" and state["f1"] is not None:
            text = self.tr("Model: ready · F1 {f1:.2f} (%n article(s))", "", info.get("documents", 0)).format(
                f1=state["f1"])
        elif state["kind"] == "project":
            text = self.tr("Model: ready (%n article(s))", "", info.get("documents", 0))
        elif state["kind"] == "default":
            text = self.tr("Model: default (ANERcorp)")
        else:
            text = self.tr("Model: none")
        self.label.setText(text)
        self.label.setToolTip(plain_tooltip(self.details(state)))

    def details(self, state: dict) -> str:
        """The label's tooltip: what the model learned from and how well it does."""
        info, lines = state["info"], []
        if self.running():
            lines.append(self.tr("Training in the background since {seconds:.0f} s; the window stays usable.")
                         .format(seconds=time.monotonic() - self.began))
        if state["kind"] == "project":
            lines.append(self.tr("The project's model, trained {when} on {documents} ({tokens}, {entities}) "
                                 "in {seconds:.1f} s.")
                         .format(when=str(info.get("created", "?")).replace("T", " "),
                                 documents=self.tr("%n finished article(s)", "", info.get("documents", 0)),
                                 tokens=self.tr("%n token(s)", "", info.get("tokens", 0)),
                                 entities=self.tr("%n entities", "", info.get("entities", 0)),
                                 seconds=float(info.get("seconds", 0))))
            scores = info.get("scores") or {}
            if state["f1"] is not None:
                lines.append(self.tr("Cross-validated F1 ({folds} parts by article): {f1:.2f}")
                             .format(folds=scores.get("folds", "?"), f1=state["f1"]))
                lines += [f"  {label}: F1 {value['f1']:.2f}" for label, value in sorted(scores.items())
                          if isinstance(value, dict) and label != "micro" and "f1" in value]
            default_f1 = ((info.get("default_scores") or {}).get("micro") or {}).get("f1")
            if state.get("use") == "default" and default_f1 is not None:
                lines.append(self.tr("The default model (ANERcorp) does better on the finished articles "
                                     "(F1 {f1:.2f}): it suggests until the project's model catches up.")
                             .format(f1=default_f1))
            if state["stale"]:
                lines.append(self.tr("The schema's labels changed since, or the default model it builds on: "
                                     "it is retrained on the next occasion."))
        elif state["kind"] == "default":
            lines.append(self.tr("The default model, trained on ANERcorp (CC BY-SA 4.0), its labels mapped to the "
                                 "project's, suggests until the project's own model is trained."))
        else:
            lines.append(self.tr("No model: train one from the finished articles (Assist ▸ Train the model now)."))
        settings = model_settings(self.w.store)
        every = int(settings["retrain_every"])
        lines.append(self.tr("%n article(s) finished since the last training; it retrains after every {every}.",
                             "", state["due"]).format(every=every) if every > 0
                     else self.tr("%n article(s) finished since the last training; automatic training is off.",
                                  "", state["due"]))
        lines.append(self.tr("Suggestions below {percent:.0f}% confidence are hidden.")
                     .format(percent=100 * float(settings["threshold"])))
        return "\n".join(lines)

    # --- where the model is least sure -----------------------------------------
    def most_uncertain(self, say: bool = True) -> tuple[str, float] | None:
        """The next unfinished article by stored uncertainty (least sure first) and its
        uncertainty: the first, or when the current article is one of them the one
        after it, so the key goes down the list. ``say``: tell in the status bar when
        there is none."""
        uncertainty = self.w.doc_list.uncertainty       # as the Unsure column shows it (read after each training)
        ranked = ranked_uncertain(self.w.doc_list.model.rows, uncertainty)
        here = self.w.doc.id if self.w.doc is not None else None
        if here in ranked:
            ranked = ranked[ranked.index(here) + 1:] + ranked[:ranked.index(here)]
        if ranked:
            return ranked[0], uncertainty[ranked[0]]
        if say and not uncertainty:
            self.w.statusBar().showMessage(self.tr("No article has an uncertainty yet: train the model first "
                                                   "(Assist ▸ Train the model now)."), 8000)
        elif say:
            self.w.statusBar().showMessage(self.tr("No other unfinished article has an uncertainty: train the "
                                                   "model again to score them."), 8000)
        return None

    def open_most_uncertain(self) -> None:
        found = self.most_uncertain()
        if found is not None:
            self.w.open_document(found[0])
            self.w.statusBar().showMessage(self.tr("The model is {percent:.0f}% unsure about this article.")
                                           .format(percent=100 * found[1]), 6000)

    def next_after_done(self) -> str | None:
        """Where "Mark done" goes with the option on: the least sure unfinished article."""
        found = self.most_uncertain(say=False) if self.uncertain_first() else None
        return found[0] if found else None

    def uncertain_first(self) -> bool:
        return str(self.w.settings.value(UNCERTAIN_FIRST_KEY, "false")).lower() == "true"

    def set_uncertain_first(self, on: bool) -> None:
        self.w.settings.setValue(UNCERTAIN_FIRST_KEY, "true" if on else "false")

