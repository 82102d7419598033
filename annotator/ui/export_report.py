"""The export report in the interface language, for the export dialog.

``ExportReport.summary_lines`` (core) says the report in English for the command line; this
says the same, line for line, through Qt's translations: every phrase through ``tr`` (counts
with ``%n``, so Arabic gets its six plural forms), and the reasons of report.py's ``REASONS``,
``DOCUMENT_REASONS``, ``EXTRA_REASONS`` and ``ADJUSTMENTS`` translated from those tables (they
are marked there for lupdate, context ``ExportReportText``). In English it reads exactly as
``summary_lines``; in Arabic, names that stay Latin (files, folders, reason keys
unknown here) are isolated left to right.
"""
from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject

from annotator.core.exporters.report import ADJUSTMENTS, DOCUMENT_REASONS, EXTRA_REASONS, ExportReport
from annotator.core.exporters.report import REASONS as SPAN_REASONS
from annotator.ui.i18n import ltr, path_text

SPLIT_NAMES = {"train": QT_TRANSLATE_NOOP("ExportReportText", "train"),
               "dev": QT_TRANSLATE_NOOP("ExportReportText", "dev"),
               "test": QT_TRANSLATE_NOOP("ExportReportText", "test")}
# Why a file of an earlier export was removed: the wordings of exporters/__init__.py (English
# there, for the command line); {split} is a split name. Another wording is shown as it is.
REMOVED_REASONS = (
    (re.compile(r"the (\w+) split is empty"), QT_TRANSLATE_NOOP("ExportReportText", "the {split} split is empty")),
    (re.compile(r"this export is split \(--split\)"),
     QT_TRANSLATE_NOOP("ExportReportText", "this export is split (--split)")),
    (re.compile(r"this export has no (\w+) split"),
     QT_TRANSLATE_NOOP("ExportReportText", "this export has no {split} split")),
    (re.compile(r"this export does not write it"),
     QT_TRANSLATE_NOOP("ExportReportText", "this export does not write it")),
)
INDENT = "  "


class ExportReportText(QObject):
    """The words of an export report. Not subclassed: its ``tr`` context is its name."""

    def lines(self, report: ExportReport) -> list[str]:
        """``report.summary_lines()``, in the interface language."""
        lines = [self.tr("{exported} of %n document(s) exported", "", report.documents_seen).format(
            exported=report.documents_exported)]
        lines += self._left_out(report.documents_left_out, DOCUMENT_REASONS)
        adjusted = sum(report.spans_adjusted.values())
        lines.append(self.tr("{exported} of %n entity span(s) exported", "", report.spans_seen).format(
            exported=report.spans_exported) + (self.tr(", %n adjusted", "", adjusted) if report.spans_adjusted else ""))
        for reason, count in sorted(report.spans_adjusted.items()):
            lines.append(INDENT + self.tr("adjusted, {reason}: {count}").format(
                reason=self._reason(reason, ADJUSTMENTS), count=count))
        lines += self._left_out(report.spans_left_out, SPAN_REASONS)
        if report.claims_seen:
            lines.append(self.tr("{exported} of %n claim(s) exported", "", report.claims_seen).format(
                exported=report.claims_exported))
            lines += self._left_out(report.claims_left_out, SPAN_REASONS)
        if report.extras or report.extras_left_out:
            extras = report.extras
            lines.append(self.tr("{attributes}, {relations}, {notes}, {normalizations} exported").format(
                attributes=self.tr("%n attribute(s)", "", extras["attributes"]),
                relations=self.tr("%n relation(s)", "", extras["relations"]),
                notes=self.tr("%n note(s)", "", extras["notes"]),
                normalizations=self.tr("%n normalization(s)", "", extras["normalizations"])))
            lines += self._left_out(report.extras_left_out, EXTRA_REASONS)
        if report.tokens:
            lines.append(self.tr("{sentences}, {tokens}").format(
                sentences=self.tr("%n sentence(s)", "", report.sentences),
                tokens=self.tr("%n token(s)", "", report.tokens))
                + (self.tr("; %n sentence break(s) inside entities ignored", "", report.sentences_joined)
                   if report.sentences_joined else ""))
        for name, counts in report.splits.items():
            lines.append(INDENT + self.tr("{split}: {documents}, {spans}").format(
                split=self.split_name(name), documents=self.tr("%n document(s)", "", counts["documents"]),
                spans=self.tr("%n span(s)", "", counts["spans"])))
        for name in report.empty_splits:
            if report.split_unit == "folder":
                warning = self.tr("warning: the {split} split got no document; no {split} folder was written "
                                  "(too few documents for --split)")
            else:
                warning = self.tr("warning: the {split} split got no document; no {split} file was written "
                                  "(too few documents for --split)")
            lines.append(INDENT + warning.format(split=self.split_name(name)))
        for name, why in report.removed:
            lines.append(self.tr("removed the old {name}: {why}").format(name=path_text(name),
                                                                        why=self.removed_reason(why)))
        return lines

    def split_name(self, name: str) -> str:
        return self.tr(SPLIT_NAMES[name]) if name in SPLIT_NAMES else ltr(name)

    def removed_reason(self, why: str) -> str:
        for pattern, words in REMOVED_REASONS:
            found = pattern.fullmatch(why)
            if found:
                return self.tr(words).format(split=self.split_name(found.group(1)) if found.groups() else "")
        return ltr(why)

    def _reason(self, key: str, words: dict) -> str:
        return self.tr(words[key]) if key in words else ltr(key)

    def _left_out(self, counter, words: dict) -> list[str]:
        return [INDENT + self.tr("left out, {reason}: {count}").format(reason=self._reason(reason, words), count=count)
                for reason, count in sorted(counter.items())]


def report_lines(report: ExportReport) -> list[str]:
    """The export report in the interface language (English: as ``summary_lines``)."""
    return ExportReportText().lines(report)
