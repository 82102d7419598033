"""Arabic text: import normalisation and search folding (``normalise``), encodings,
the tokenizer, snapping selections to words and clitics, word matching, span edges.
Pure Python; offsets are code points, half-open."""
from annotator.core.text.normalise import *  # noqa: F403  (the package's first module, as before)
from annotator.core.text.normalise import __all__ as __all__
