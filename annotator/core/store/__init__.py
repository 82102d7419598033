"""The project file: the only package that runs SQL.

``project`` opens project files and holds :class:`Store` (documents, spans,
claims, statuses, settings, the learned model, events); ``migrations`` changes
the file's tables from version to version; ``search`` keeps the folded
full-text index and answers searches (``facets``: which documents have each label and
annotator, for its filters; ``reindex``: building a missing index); ``merge`` joins annotators' files;
``backup`` copies the file through SQLite's backup API; ``queries`` reads
what the team, assist and import code need in one place.
"""
from annotator.core.store.project import (
                                          CorruptProject,
                                          NewerProject,
                                          NotAProject,
                                          ProjectError,
                                          ProjectLocked,
                                          ReadOnlyError,
                                          ReadOnlyProject,
                                          SpanError,
                                          SpanInUse,
                                          Store,
                                          now,
                                          open_project,
)

__all__ = ["CorruptProject", "NewerProject", "NotAProject", "ProjectError", "ProjectLocked", "ReadOnlyError",
           "ReadOnlyProject", "SpanError", "SpanInUse", "Store", "now", "open_project"]
