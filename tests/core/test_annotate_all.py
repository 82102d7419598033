"""Annotate all occurrences: whole words after clitic stripping, folded, conflicts skipped."""
import pytest

from annotator.core.assist.annotate_all import find_candidates, find_in_text
from annotator.core.edits import AddSpans, Batch, DeleteSpans, apply
from annotator.core.model import Document, Span
from annotator.core.store import open_project
from annotator.core.text.wordmatch import NameMatcher, clitic_variants


def texts(text, found):
    return [text[a:b] for a, b, *_ in found]


def test_clitics_are_left_out_and_longer_words_never_match():
    text = "الصين والصين بالصين للصين وللصين الصينية فالصينُ كالصين وبالصين صين"
    found = find_in_text(text, "الصين")
    assert texts(text, found) == ["الصين", "الصين", "الصين", "لصين", "لصين", "الصينُ", "الصين", "الصين"]
    assert all(skipped == "" for *_, skipped in found)
    starts = [text.index(w) for w in ("والصين", "بالصين")]
    assert [a for a, *_ in found[1:3]] == [s + 1 for s in starts]          # only the entity part


def test_names_without_the_article_and_folding():
    text = "وصل أَحمد إلى موسكو ثم لموسكو وبموسكو، وقال احمد: موسكوفيتش"
    assert texts(text, find_in_text(text, "موسكو")) == ["موسكو", "موسكو", "موسكو"]
    assert texts(text, find_in_text(text, "أحمد")) == ["أَحمد", "احمد"]


def test_multi_word_names_need_the_same_separators():
    text = "وزير الخارجية الروسي، ووزير  الخارجية الروسي\nوزير الخارجية\nالروسي"
    assert texts(text, find_in_text(text, "وزير الخارجية الروسي")) == ["وزير الخارجية الروسي", "وزير  الخارجية الروسي"]


def test_whole_word_wins_over_a_clitic_reading():
    matcher = NameMatcher()
    matcher.add("بكين", "GPE")
    matcher.add("كين", "PERS")
    text = "زار بكين ووصل وبكين"
    assert [(text[a:b], v, cut) for a, b, v, cut in matcher.find(text)] == [("بكين", "GPE", 0), ("بكين", "GPE", 1)]
    assert (0, "والصين") in clitic_variants("والصين") and (1, "الصين") in clitic_variants("والصين")
    assert (1, "الصين") in clitic_variants("للصين")


def test_conflicts_are_reported():
    text = "زار الصين ثم والصين وجامعة الصين"
    spans = [Span("d", text.index("الصين"), text.index("الصين") + 5, "GPE"),
             Span("d", text.index("وجامعة") + 1, len(text), "ORG"),
             Span("d", text.index("ثم"), text.index("والصين") + 3, "EVENT")]
    found = find_in_text(text, "الصين", spans, allow_nested=True)
    assert [s for *_, s in found] == ["already tagged GPE", "crosses EVENT", ""]
    found = find_in_text(text, "الصين", spans, allow_nested=False)
    assert found[2][2] == "overlaps ORG"


@pytest.fixture
def store(tmp_path):
    store = open_project(tmp_path / "p.db", annotator="nour")
    store.add_document(Document("a", text="أعلنت الصين أمس أن بكين والصين تتفقان، وقالت وزارة خارجية الصين..."))
    store.add_document(Document("b", text="سافر الوفد إلى الصين ثم عاد من بالصين."))
    store.add_document(Document("c", text="الصين في الأخبار."))
    store.add_document(Document("d", text="لا ذكر هنا."))
    store.set_status("c", "done")
    yield store
    store.close()


def test_candidates_in_this_and_unfinished_articles(store):
    text = store.document("a").text
    source = store.add_span(Span("a", text.index("الصين"), text.index("الصين") + 5, "GPE"))
    here = find_candidates(store, source, "document")
    assert [(c.doc_id, c.text, c.label) for c in here] == [("a", "الصين", "GPE")] * 2
    assert here[0].before.endswith("بكين و") and here[0].after.startswith(" تتفقان")
    everywhere = find_candidates(store, source, "unfinished")
    assert [c.doc_id for c in everywhere] == ["a", "a", "b", "b"]            # c is done, d has none
    applied = apply(store, AddSpans(tuple(c.span("nour") for c in everywhere)))
    assert len(applied.change.spans) == 4 and not applied.refused
    assert find_candidates(store, source, "unfinished") == []
    skipped = find_candidates(store, source, "unfinished", include_skipped=True)
    assert {c.skipped for c in skipped} == {"already tagged GPE"}


def test_batches_are_one_transaction(store):
    text = store.document("b").text
    first = Span("b", text.index("الصين"), text.index("الصين") + 5, "GPE")
    crossing = Span("b", text.index("الصين") + 2, text.index("ثم") + 2, "ORG")
    applied = apply(store, AddSpans((first, crossing)))
    saved, refused = applied.change.spans, applied.refused
    assert [s.label for s in saved] == ["GPE"] and refused[0][0] == crossing
    # undo and redo are all or nothing: a failure rolls the deletions back too
    with pytest.raises(Exception):
        apply(store, Batch((DeleteSpans(saved), AddSpans((crossing, crossing), partial=False))))
    assert [s.id for s in store.spans("b")] == [saved[0].id]
    apply(store, applied.inverse)
    assert store.spans("b") == []
    apply(store, applied.change)
    assert [s.id for s in store.spans("b")] == [saved[0].id]        # ids come back (redo)


def test_tanween_tells_an_adjective_from_a_name():
    text = "أصاب صاروخاً روسياً سفينة، وقالت روسيا إن"
    assert texts(text, find_in_text(text, "روسيا")) == ["روسيا"]
    assert texts(text, find_in_text(text, "روسياً")) == ["روسياً"]
