"""Several annotators: who is annotating, hand-outs, progress, agreement, adjudication.
(Merging their files runs SQL and lives in core.store.merge.)"""
