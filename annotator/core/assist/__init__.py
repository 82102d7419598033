"""Annotating faster: annotate-all, suggestions (recognisers and their evaluation) and the
learned entity model. (The project search runs SQL and lives in core.store.search.)"""
