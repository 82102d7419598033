"""brat as brat writes it: a span across a line break, and notes or attributes on what is left out."""
from annotator.core.importing import import_paths
from annotator.core.store import open_project

TEXT = "قال وزير الخارجية\nسيرغي لافروف إن موسكو مستعدة.\n"


def write(folder, ann):
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    (folder / "a.ann").write_text(ann, encoding="utf-8")
    return folder / "a.txt"


def test_a_span_across_a_line_break_is_one_span(tmp_path):
    start, end = TEXT.index("الخارجية"), TEXT.index("لافروف") + len("لافروف")
    middle = TEXT.index("\n")
    path = write(tmp_path, f"T1\tPERS {start} {middle};{middle + 1} {end}\tالخارجية سيرغي لافروف\n")
    store = open_project(tmp_path / "p.db", annotator="a")
    file = import_paths(store, [path]).files[0]
    assert file.error is None, file.error
    [span] = store.spans(store.documents()[0].id)
    assert (span.start, span.end, span.label) == (start, end, "PERS") and "ref" not in span.attributes
    assert not any("discontinuous" in w["message"] for w in file.warnings)


def test_attributes_and_notes_on_events_are_warned_not_refused(tmp_path):
    moscow = TEXT.index("موسكو")
    ann = (f"T1\tGPE {moscow} {moscow + 5}\tموسكو\n"
           "E1\tStatement:T1\n"
           "A1\tNegated E1\n"
           "#1\tAnnotatorNotes E1\tan event note\n"
           "A2\tConfidence T1 High\n"
           "#2\tAnnotatorNotes T1\tthe capital\n")
    store = open_project(tmp_path / "p.db", annotator="a")
    file = import_paths(store, [write(tmp_path, ann)]).files[0]
    assert file.error is None, file.error
    [span] = store.spans(store.documents()[0].id)
    assert span.attributes["Confidence"] == "High" and span.attributes["note"] == "the capital"
    messages = " ".join(w["message"] for w in file.warnings)
    assert "1 brat attribute referring to an event" in messages and "1 brat note referring to an event" in messages
    assert "1 brat event left out" in messages
