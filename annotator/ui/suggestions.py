"""Suggestions in the window: computed in the background, shown faded and dashed,
accepted or rejected by key.

When suggestions are on (Assist ▸ Show suggestions, Ctrl+Shift+S, remembered),
opening an article starts a ``QRunnable`` on a one-thread pool. It opens
its own read-only connection to the project (SQLite connections stay in their
thread), builds or reuses the suggester (the project gazetteer is rebuilt only
when entity annotations changed, gazetteer files and plugins are loaded once)
and sends back the entity and claim suggestions; the view never waits. A
result for an article no longer shown, or an older request, is dropped.

The learned model's suggestions (source ``model:project`` / ``model:default``)
carry its confidence (the mean marginal probability of their tags) as their
score; those below the project's threshold are not proposed at all (core),
and those below ``UNSURE_SCORE`` are painted lighter with a dotted outline, so
a guess reads as a guess. The focused one's tag shows the confidence.

A document's *stored* suggestions (spans of the layer ``suggestion``: another
tool's pre-annotations imported with it, e.g. Label Studio predictions, source
``labelstudio:<model>``) are read by the worker with the document and offered
like the recognisers' (core: ``Suggester.document_entities``).

Suggestions are kept in memory only (the recognisers' are never stored as
spans; stored ones stay as imported): they count as annotations once accepted. Accepting one writes it like a typed annotation
(origin ``suggestion``, one undo step) and an entity keeps where it came from
in its attributes (``suggested_by``: the source, ``confidence``: the score), so
evaluation and exports can tell accepted guesses from typed annotations. A
claim suggestion becomes a claim whose source/via point at the entity of the
same extent when there is one.
Rejected suggestions are remembered for the session (per article), so they do
not come back when the article is shown again.

One proposal is drawn per place (the one span rule), but where recognisers or
models disagree on the very same words (two Label Studio prediction sets, a
stored prediction and the learned model) the losing labels come with the drawn
suggestion (core: ``Suggestion.alternatives``) and are named wherever it is
described: the tooltip over it, the status bar when it is focused, its context
menu. Any of them is accepted instead through the same edit path
(``AcceptSuggestions``, so ``suggested_by`` and ``confidence`` are that
model's): its label key (or a click on the label in the palette) with the
suggestion focused, or the context menu (right click). Another label key tags
the words by hand. Rejecting the drawn one puts the best alternative in its
place; rejecting all rejects the alternatives too.

Keys, on the article: Tab / Shift+Tab next / previous suggestion, Enter
accepts it, a label key accepts its words with that label (an alternative's
label: that alternative), Delete or Backspace rejects it (when no annotation is
selected), Shift+Enter accepts all in the article, Shift+Backspace rejects all.
A click on a suggestion focuses it; a right click also opens its menu (accept,
accept an alternative instead, reject).
"""
from __future__ import annotations

import json
import threading

from PySide6.QtCore import QEvent, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMenu

from annotator.core.assist.learn.project import PROJECT_MODEL, model_settings
from annotator.core.assist.suggest import MODEL_SOURCE, ClaimSuggestion, Suggestion, build_suggester, score_text
from annotator.core.assist.suggest.gazetteer import ProjectGazetteer
from annotator.core.edits import AcceptSuggestions, AddSpan, DeleteSpans
from annotator.core.model import SUGGESTION_LAYER, Span
from annotator.core.store import open_project
from annotator.ui.claims_panel import role_name
from annotator.ui.overlays import Mark

SETTING = "assist/suggestions"
UNSURE_SCORE = 0.6               # the model's suggestions below this confidence look unsure


def is_model(item) -> bool:
    return isinstance(item, Suggestion) and item.source.startswith(MODEL_SOURCE)


class _Suggesters:
    """The suggester per project file, kept between articles (thread-safe)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.key = None
        self.suggester = None
        self.signature = None
        self.stale = False              # annotations were relabelled or moved in this window

    def get(self, store):
        # The model's settings (threshold) and its info (a training here or in another
        # window) are part of the key: a new model means a new suggester.
        model = store.model_info(PROJECT_MODEL) or {}
        key = (str(store.path), json.dumps(store.setting("suggest", {}), sort_keys=True), store.schema.to_json(),
               json.dumps(model_settings(store), sort_keys=True), model.get("created"), model.get("seconds_total"))
        signature = ProjectGazetteer.signature(store)
        with self.lock:
            if key != self.key:
                self.suggester = build_suggester(store, project=ProjectGazetteer.from_store(store))
                self.key, self.signature = key, signature
            elif signature != self.signature or self.stale:
                self.suggester.project = ProjectGazetteer.from_store(store)
                self.signature, self.stale = signature, False
            return self.suggester

    def forget(self) -> None:
        with self.lock:
            self.key = None


class _Signals(QObject):
    done = Signal(int, str, object, object)
    failed = Signal(int, str)


class _Worker(QRunnable):
    def __init__(self, path, doc_id: str, generation: int, suggesters: _Suggesters, signals: _Signals):
        super().__init__()
        self.path, self.doc_id, self.generation = path, doc_id, generation
        self.suggesters, self.signals = suggesters, signals

    def run(self) -> None:
        try:
            store = open_project(self.path, readonly=True, verify=False)   # the window checked it
            try:
                suggester = self.suggesters.get(store)
                doc = store.document(self.doc_id)
                entities = suggester.document_entities(store, self.doc_id, doc.text)
                claims = suggester.claims(doc.text, existing_claims=store.claims(self.doc_id))
            finally:
                store.close()
        except Exception as error:     # noqa: BLE001 - a plugin's error is shown, never fatal
            try:
                self.signals.failed.emit(self.generation, f"{type(error).__name__}: {error}")
            except RuntimeError:
                pass
            return
        try:
            self.signals.done.emit(self.generation, self.doc_id, entities, claims)
        except RuntimeError:            # the window was closed meanwhile
            pass


def _key(item) -> tuple:
    if isinstance(item, ClaimSuggestion):
        return ("claim", item.content)
    return ("entity", item.start, item.end, item.label)


def _unrejected(item, rejected: set):
    """``item`` as it is offered after this session's rejections: an entity suggestion whose
    label was rejected gives way to its best alternative left; None when nothing is left."""
    if isinstance(item, ClaimSuggestion):
        return None if _key(item) in rejected else item
    labels = {p.label for p in item.proposals() if _key(p) in rejected}
    return item.without(labels) if labels else item


class Suggestions(QObject):
    """The suggestions of the article shown, and what the keys do with them."""

    changed = Signal()

    def __init__(self, window):
        super().__init__(window)
        self.w = window
        self.enabled = str(window.settings.value(SETTING, "false")).lower() == "true"
        self.items: list = []            # Suggestion | ClaimSuggestion, reading order
        self.focused: int | None = None
        self.doc_id: str | None = None
        self.generation = 0
        self.running = False
        self.rejected: dict[str, set] = {}
        self.suggesters = _Suggesters()
        self.signals = _Signals(self)
        self.signals.done.connect(self._done)
        self.signals.failed.connect(self._failed)
        # One worker at a time; paging quickly through articles drops the waiting requests.
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.menu: QMenu | None = None   # the context menu of a suggestion, while it is open
        window.view.viewport().installEventFilter(self)
        window.view.suggestion_tip = self.tooltip

    # --- computing ----------------------------------------------------------
    def set_enabled(self, on: bool) -> None:
        self.enabled = on
        self.w.settings.setValue(SETTING, "true" if on else "false")
        if on:
            self.refresh()
        else:
            self.generation += 1
            self._set_items([])

    def refresh(self) -> None:
        """Compute the suggestions of the article shown, in the background."""
        self.generation += 1
        self._set_items([])
        if not self.enabled or self.w.doc is None:
            return
        self.doc_id = self.w.doc.id
        self.running = True
        self.pool.clear()
        self.pool.start(_Worker(self.w.store.path, self.doc_id, self.generation, self.suggesters, self.signals))

    def sources_changed(self) -> None:
        """Gazetteer files or plugins were added or removed, the model was trained
        or its threshold changed: build the suggester again."""
        self.suggesters.forget()
        self.refresh()

    def _done(self, generation: int, doc_id: str, entities, claims) -> None:
        if generation != self.generation or self.w.doc is None or self.w.doc.id != doc_id:
            return
        self.running = False
        rejected = self.rejected.get(doc_id, set())
        items = [s for s in (_unrejected(s, rejected) for s in [*entities, *claims]) if s is not None]
        self._set_items(sorted(items, key=lambda s: (s.start, -s.end)))
        entity_count = sum(1 for s in self.items if not isinstance(s, ClaimSuggestion))
        self.w.statusBar().showMessage(
            self.tr("{entities} entity and {claims} claim suggestions — Tab goes through them, Enter accepts, "
                    "Delete rejects, Shift+Enter accepts all").format(entities=entity_count,
                                                                      claims=len(self.items) - entity_count), 8000)

    def _failed(self, generation: int, message: str) -> None:
        if generation == self.generation:
            self.running = False
            self.w.statusBar().showMessage(self.tr("Suggestions failed: {message}").format(message=message), 10000)

    # --- showing ------------------------------------------------------------
    def _set_items(self, items, focused: int | None = None) -> None:
        self.items = items
        self.focused = focused if focused is not None and 0 <= focused < len(items) else None
        self._paint()
        self.changed.emit()

    def _paint(self) -> None:
        marks = []
        colours = self.w.colours
        roles = getattr(self.w.claim_editor, "role_colours", {}) or {}
        for group, item in enumerate(self.items):
            if isinstance(item, ClaimSuggestion):
                for role, (a, b) in item.parts():
                    tag = self.tr("claim: {role}").format(role=role_name(role))
                    style = "underline" if role == "content" else "box"
                    marks.append(Mark(a, b, roles.get(role, "#ee3377"), tag, group, style))
            else:
                colour = colours.get(item.label)
                colour = colour.name() if colour else "#9e9e9e"
                shown = self.w.label_name(item.label)
                # Other labels proposed for the same words are named in the focused tag ("GPE or LOC").
                also = self.tr("or {labels}").format(labels=" / ".join(self._labels_of(item.alternatives))) \
                    if item.alternatives else ""
                if is_model(item):
                    style = "unsure" if item.score < UNSURE_SCORE else "box"
                    note = " ".join(filter(None, (f"{item.score:.0%}", also)))
                    marks.append(Mark(item.start, item.end, colour, shown, group, style, note))
                else:
                    marks.append(Mark(item.start, item.end, colour, shown, group, note=also))
        self.w.view.set_suggestions(marks, self.focused)

    def focus(self, index: int | None) -> None:
        self.focused = index if index is not None and 0 <= index < len(self.items) else None
        self._paint()
        self.changed.emit()
        if self.focused is None:
            return
        item = self.items[self.focused]
        self.w.select_span(None)
        cursor = self.w.view.textCursor()
        cursor.clearSelection()
        self.w.view.setTextCursor(cursor)
        self.w.view.reveal(max(0, item.start), item.end)
        text = self.w.doc.text
        if isinstance(item, ClaimSuggestion):
            who = self.tr("; ").join(f"{role_name(role)}: {text[a:b]}"
                                     for role, (a, b) in item.parts() if role != "content")
            what = self.tr("claim ({quote_type}) {parts}").format(quote_type=item.attributes.get("quote_type", ""),
                                                                  parts=who or self.tr("no cue"))
        else:
            where = item.source if item.score is None else f"{item.source} {item.score:.2f}"
            what = f"{self.w.label_name(item.label)}: {text[item.start:item.end]} ({where})"
            if item.alternatives:       # another model read the same words otherwise: said at once
                self.w.statusBar().showMessage(
                    self.tr("Suggestion {number}/{count}: {what}; {also}")
                    .format(number=self.focused + 1, count=len(self.items), what=what,
                            also=self.alternatives_text(item)), 15000)
                return
        self.w.statusBar().showMessage(
            self.tr("Suggestion {number}/{count}: {what} — Enter accepts, Delete rejects, Tab goes on")
            .format(number=self.focused + 1, count=len(self.items), what=what), 8000)

    # --- describing a suggestion and the other labels proposed for its words ------------
    def _labels_of(self, proposals) -> list[str]:
        """The labels of ``proposals`` as the interface shows them, each once, in order."""
        return list(dict.fromkeys(self.w.label_name(p.label) for p in proposals))

    def _label_key(self, label: str) -> str:
        found = next((lab for lab in self.w.store.schema.labels if lab.name == label), None)
        return found.key if found is not None and found.key else ""

    def proposal_text(self, proposal: Suggestion, with_key: bool = False) -> str:
        """``LOC by labelstudio:modelB (no score)``, ``GPE by model:default (0.72; key 3)``: a
        proposal's label in the interface's language, its model and its score."""
        score = self.tr("no score") if proposal.score is None else score_text(proposal.score)
        label, key = self.w.label_name(proposal.label), self._label_key(proposal.label)
        if with_key and key:
            return self.tr("{label} by {source} ({score}; key {key})").format(label=label, source=proposal.source,
                                                                              score=score, key=key)
        return self.tr("{label} by {source} ({score})").format(label=label, source=proposal.source, score=score)

    def alternatives_text(self, item: Suggestion) -> str:
        """``also proposed: LOC by labelstudio:modelB (no score; key 4)``, or "" without alternatives."""
        if not item.alternatives:
            return ""
        return self.tr("also proposed: {alternatives}").format(
            alternatives=self.tr("; ").join(self.proposal_text(a, with_key=True) for a in item.alternatives))

    def tooltip(self, mark: Mark) -> str | None:
        """What hovering a suggestion shows (the article view asks): what it is, which model
        proposed it with which score, the other labels proposed for the same words, and how to
        take one of them."""
        if not 0 <= mark.group < len(self.items):
            return None
        item = self.items[mark.group]
        if isinstance(item, ClaimSuggestion):
            return self.tr("Suggestion: {what} — click, then Enter accepts, Delete rejects").format(what=mark.label)
        lines = [self.tr("Suggestion: {proposal}").format(proposal=self.proposal_text(item, with_key=True))]
        if item.alternatives:
            lines.append(self.alternatives_text(item))
            lines.append(self.tr("Click it, then Enter accepts or another label's key accepts that one; "
                                 "right click to choose"))
        else:
            lines.append(self.tr("Click it, then Enter accepts, Delete rejects; right click for a menu"))
        return "\n".join(lines)

    def step(self, direction: int) -> None:
        if not self.items:
            return
        if self.focused is None:
            here = self.w.view.first_visible_position()
            after = [i for i, s in enumerate(self.items) if s.start >= here]
            self.focus(after[0] if after and direction > 0 else (len(self.items) - 1 if direction < 0 else 0))
        else:
            self.focus((self.focused + direction) % len(self.items))

    def eventFilter(self, obj, event) -> bool:
        # A click (no drag) on a suggestion focuses it; the view goes on as usual.
        if event.type() == QEvent.MouseButtonRelease and self.items and not self.w.view.textCursor().hasSelection():
            mark = self.w.view.suggestion_at(event.position().toPoint())      # as the right click and hover
            if mark is not None and not self.w.view.spans_at(event.position().toPoint()):
                self.focus(mark.group)
        # A right click on a suggestion: its own menu (accept, accept another label proposed
        # for the same words instead, reject) in place of the text's.
        elif event.type() == QEvent.ContextMenu and self.items:
            mark = self.w.view.suggestion_at(event.pos())
            if mark is not None and 0 <= mark.group < len(self.items) and not self.w.view.spans_at(event.pos()):
                self.focus(mark.group)
                self.open_menu(mark.group, event.globalPos())
                return True
        return False

    def open_menu(self, index: int, where) -> QMenu:
        """The menu of suggestion ``index``: Accept, an Accept … instead per alternative (its
        label key shown beside it), Reject. Opened without waiting (``popup``)."""
        item = self.items[index]
        menu = QMenu(self.w.view)
        menu.setLayoutDirection(QApplication.layoutDirection())     # the interface's, not the article's
        menu.setAttribute(Qt.WA_DeleteOnClose)
        writable = not self.w.store.readonly
        if isinstance(item, ClaimSuggestion):
            accept = menu.addAction(self.tr("Accept the claim suggestion"))
            accept.triggered.connect(lambda: self._accept_at(item, None))
            accept.setEnabled(writable)
        else:
            for number, proposal in enumerate(item.proposals()):
                text = (self.tr("Accept {proposal}") if number == 0 else self.tr("Accept {proposal} instead")).format(
                    proposal=self.proposal_text(proposal))
                key = self._label_key(proposal.label)
                action = menu.addAction(text + ("\t" + key if key else ""))
                action.setData(proposal.label)
                action.setEnabled(writable)
                action.triggered.connect(lambda _=False, label=proposal.label: self._accept_at(item, label))
        menu.addSeparator()
        reject = menu.addAction(self.tr("Reject the suggestion") + "\t"
                                + QKeySequence(Qt.Key_Delete).toString(QKeySequence.NativeText))
        reject.triggered.connect(lambda: self._reject_at(item))
        self.menu = menu
        menu.destroyed.connect(lambda *_: setattr(self, "menu", None) if self.menu is menu else None)
        menu.popup(where)
        return menu

    def _index_of(self, item) -> int | None:
        """Where ``item`` is now (the list may have changed while its menu was open)."""
        return next((i for i, s in enumerate(self.items) if s is item), None)

    def _accept_at(self, item, label: str | None) -> None:
        index = self._index_of(item)
        if index is not None:
            self.focus(index)
            if label is None:
                self.accept_focused()
            else:
                self.accept_as(label)

    def _reject_at(self, item) -> None:
        index = self._index_of(item)
        if index is not None:
            self.focus(index)
            self.reject_focused()

    # --- accepting and rejecting ----------------------------------------------
    def accept_focused(self) -> bool:
        if self.focused is None or self.w.store.readonly:
            return False
        item = self.items[self.focused]
        if isinstance(item, ClaimSuggestion):
            change, text = AcceptSuggestions(self.w.doc.id, (), (item,)), self.tr("accept claim suggestion")
            self._submit(change, text, None)
            return True
        return self.accept_as(item.label)

    def accept_as(self, label: str) -> bool:
        """A label key (or a click on the label in the palette, or the context menu) with an
        entity suggestion focused and nothing selected: its words get ``label``. The drawn
        label, or an alternative's (another model proposed it for the same words), accepts that
        proposal through the one edit path (``AcceptSuggestions``: origin ``suggestion``,
        ``suggested_by`` and ``confidence`` the proposing model's); any other label tags the
        words by hand (origin ``manual``), as a label key tags a selection. False when no
        entity suggestion is focused."""
        if self.focused is None or self.w.store.readonly or self.w.doc is None:
            return False
        item = self.items[self.focused]
        if isinstance(item, ClaimSuggestion):
            return False
        chosen = item.proposal(label)
        preview = Span(doc_id=self.w.doc.id, start=item.start, end=item.end, label=label)
        if chosen is None:
            span = Span(doc_id=self.w.doc.id, start=item.start, end=item.end, label=label,
                        annotator=self.w.store.annotator, origin="manual")
            self._submit(AddSpan(span), self.tr("tag {label}").format(label=self.w.label_name(label)), preview)
        elif chosen.label == item.label:
            self._submit(AcceptSuggestions(self.w.doc.id, (item,)),
                         self.tr("accept {label} suggestion").format(label=self.w.label_name(label)), preview)
        else:
            self._submit(AcceptSuggestions(self.w.doc.id, (chosen,)),
                         self.tr("accept {label} suggestion of {source}").format(label=self.w.label_name(label),
                                                                                 source=chosen.source), preview)
        return True

    def _submit(self, change, text: str, preview) -> None:
        """Accept the focused suggestion through ``change`` (one undo step); then the next one
        is focused."""
        index = self.focused
        item = self.items[index]
        applied = self.w.editor.submit(change, text, preview=preview)
        if applied is None or applied.refused:
            return                # refused (the status bar says why) or waiting to be saved: it stays
        items = [s for s in self.items if s != item]      # (showing the span may have dropped it already)
        self._set_items(items)
        self.focus(min(index, len(items) - 1) if items else None)

    def reject_focused(self) -> bool:
        """Delete/Backspace with a suggestion focused and no annotation selected."""
        if self.focused is None or self.w.selected_span_id is not None:
            return False
        index = self.focused
        item = self.items[index]
        self.rejected.setdefault(self.w.doc.id, set()).add(_key(item))
        self._forget_stored([item])
        # Another model proposed other labels for the same words: the best of them takes its place.
        after = item.without({item.label}) if isinstance(item, Suggestion) else None
        items = self.items[:index] + ([after] if after is not None else []) + self.items[index + 1:]
        self._set_items(items)
        self.focus(index if after is not None else (min(index, len(items) - 1) if items else None))
        return True

    def reject_all(self) -> None:
        if self.w.doc is None or not self.items:
            return
        # Every proposal, the alternatives named with the drawn ones included.
        proposals = [p for s in self.items for p in (s.proposals() if isinstance(s, Suggestion) else (s,))]
        self.rejected.setdefault(self.w.doc.id, set()).update(_key(p) for p in proposals)
        self._forget_stored(proposals)
        count = len(self.items)
        self._set_items([])
        self.w.statusBar().showMessage(self.tr("Rejected %n suggestion(s) in this article", "", count),
                                       5000)

    def _forget_stored(self, rejected) -> None:
        """Rejected predictions imported with the article (the ``suggestion`` layer) are deleted
        through the edit path, one undo step, so they stay rejected in the next session; the
        other recognisers' rejections last for the session."""
        if self.w.store.readonly or self.w.doc is None:
            return
        wanted = {_key(item) for item in rejected if isinstance(item, Suggestion)}
        stored = tuple(s for s in self.w.store.spans(self.w.doc.id, layer=SUGGESTION_LAYER)
                       if _key(s) in wanted)
        if stored:
            self.w.editor.submit(DeleteSpans(stored), self.tr("reject %n prediction(s)", "", len(stored)))

    def accept_all(self) -> None:
        """Every suggestion of the article as annotations: one change, one undo step; what
        the rules refuse is left out and counted (as suggest --apply does)."""
        if self.w.doc is None or not self.items or self.w.store.readonly:
            return
        entities = tuple(s for s in self.items if not isinstance(s, ClaimSuggestion))
        claims = tuple(s for s in self.items if isinstance(s, ClaimSuggestion))
        applied = self.w.editor.submit(AcceptSuggestions(self.w.doc.id, entities, claims),
                                       self.tr("accept %n suggestion(s)", "", len(self.items)))
        if applied is None:
            return
        saved_spans = len(applied.change.changes[0].spans)
        saved_claims = len(applied.change.changes) - 1
        self._set_items([])
        message = self.tr("Accepted {entities} entity and {claims} claim suggestions").format(
            entities=saved_spans, claims=saved_claims)
        if applied.refused:
            message += self.tr("; {count} refused ({reason})").format(count=len(applied.refused),
                                                                      reason=applied.refused[0][1])
        self.w.statusBar().showMessage(message, 8000)

    def spans_changed(self, removed, added) -> None:
        """Annotations changed: the project gazetteer is out of date, and the entity
        suggestions they now cover go."""
        self.suggesters.stale = True
        if not self.items or self.w.doc is None:
            return
        taken = {(s.start, s.end) for s in added if s.doc_id == self.w.doc.id}
        if not taken:
            return
        keep = [s for s in self.items if isinstance(s, ClaimSuggestion) or (s.start, s.end) not in taken]
        if len(keep) != len(self.items):
            focused = self.items[self.focused] if self.focused is not None else None
            self._set_items(keep, keep.index(focused) if focused in keep else None)


def wait_for(suggestions: Suggestions, timeout_ms: int = 10000) -> None:
    """Tests and scripts: process events until the background computation is back."""
    import time
    deadline = time.monotonic() + timeout_ms / 1000
    while suggestions.running and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.005)
