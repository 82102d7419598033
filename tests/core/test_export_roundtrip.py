"""import(export(x)) == x: JSONL and brat exactly, CoNLL and HF at token level against a fresh tokenization."""
from export_sample import entities, expected_flat, read_brat_export

from annotator.core import exporters
from annotator.core.exporters.readers import read_conll, read_hf
from annotator.core.exporters.tagging import decode
from annotator.core.importing import import_paths
from annotator.core.store import open_project
from annotator.core.text.tokenize import tokenize


def where(span):
    return None if span is None else (span.start, span.end)


def claims(store, doc_id):
    return claim_tuples(store.claims(doc_id))


def claim_tuples(found):
    """Claims (stored, or RawClaims read from a file) as comparable tuples."""
    return sorted((tuple(where(s) for s in c.content), where(c.cue), where(c.source), where(c.via),
                   tuple(sorted(c.attributes.items()))) for c in found)


def test_jsonl_round_trip_with_claims(project, tmp_path):
    out = tmp_path / "all.jsonl"
    exporters.export(project, "jsonl", out, {"suggestions": True})
    other = open_project(tmp_path / "copy.db", annotator="huda")
    try:
        assert import_paths(other, [out]).ok
        assert [d.id for d in other.documents()] == [d.id for d in project.documents()]
        for doc in project.documents():
            assert other.document(doc.id).text == project.document(doc.id).text
            assert sorted((s.label, s.start, s.end, s.annotator) for s in other.spans(doc.id, "entity")) == \
                sorted((s.label, s.start, s.end, s.annotator) for s in project.spans(doc.id, "entity"))
            assert claims(other, doc.id) == claims(project, doc.id)
        again = tmp_path / "again.jsonl"
        exporters.export(other, "jsonl", again, {"suggestions": True})
        assert again.read_bytes() == out.read_bytes()
    finally:
        other.close()


def test_brat_round_trip_spans_and_claims(project, tmp_path):
    out = tmp_path / "brat"
    exporters.export(project, "brat", out)
    docs = read_brat_export(out)
    assert sorted(docs) == sorted(d.id for d in project.documents())
    for doc_id, doc in docs.items():
        assert doc.text == project.document(doc_id).text
        assert sorted((s.label, s.start, s.end) for s in doc.spans) == entities(project, doc_id)
        assert claim_tuples(doc.claims) == claims(project, doc_id)


def test_conll_round_trip_at_token_level(project, tmp_path):
    out = tmp_path / "ner.conll"
    exporters.export(project, "conll", out)
    rows = [row for sentence in read_conll(out) for row in sentence]
    position = 0
    for doc in project.documents():
        text = project.document(doc.id).text
        tokens = tokenize(text)
        mine = rows[position:position + len(tokens)]
        position += len(tokens)
        assert [word for word, _ in mine] == [t.text for t in tokens]
        found = [(label, tokens[i].start, tokens[j - 1].end) for i, j, label in decode([tags[0] for _, tags in mine])]
        assert found == expected_flat(project, doc.id, tokens)
    assert position == len(rows)


def test_hf_round_trip_at_token_level(project, tmp_path):
    out = tmp_path / "ner.jsonl"
    exporters.export(project, "hf", out, {"scheme": "bioes"})
    rows, names = read_hf(out)
    for doc in project.documents():
        text = project.document(doc.id).text
        tokens = tokenize(text)
        mine = [r for r in rows if r["document_id"] == doc.id]
        assert [r["sentence_id"] for r in mine] == list(range(len(mine)))
        words = [w for r in mine for w in r["tokens"]]
        offsets = [tuple(o) for r in mine for o in r["offsets"]]
        assert words == [t.text for t in tokens] and offsets == [(t.start, t.end) for t in tokens]
        tags = [names[n] for r in mine for n in r["ner_tags"]]
        found = [(label, tokens[i].start, tokens[j - 1].end) for i, j, label in decode(tags)]
        assert found == expected_flat(project, doc.id, tokens)


def test_conll_nested_round_trip_keeps_every_entity(project, tmp_path):
    out = tmp_path / "nested.conll"
    exporters.export(project, "conll-nested", out)
    rows = [row for sentence in read_conll(out) for row in sentence]
    position = 0
    for doc in project.documents():
        tokens = tokenize(project.document(doc.id).text)
        mine = rows[position:position + len(tokens)]
        position += len(tokens)
        depth = max(len(tags) for _, tags in mine)
        found = sorted((label, tokens[i].start, tokens[j - 1].end)
                       for level in range(depth)
                       for i, j, label in decode([tags[level] if level < len(tags) else "O" for _, tags in mine]))
        grown = sorted((label, next(t.start for t in tokens if t.end > s), [t.end for t in tokens if t.start < e][-1])
                       for label, s, e in entities(project, doc.id))
        assert found == grown


def test_brat_export_imports_back_with_its_claims(project, tmp_path):
    out = tmp_path / "brat"
    exporters.export(project, "brat", out)
    other = open_project(tmp_path / "copy.db", annotator="huda")
    try:
        report = import_paths(other, [out / f"{doc.id}.txt" for doc in project.documents()], {"format": "brat"})
        assert report.ok, report.as_dict()
        texts = {project.document(d.id).text: d.id for d in project.documents()}
        assert len(other.documents()) == len(project.documents())
        for doc in other.documents():
            original = texts[other.document(doc.id).text]
            assert sorted((s.label, s.start, s.end) for s in other.spans(doc.id, "entity")) == \
                entities(project, original)

            def choice_only(found):       # brat carries choice attributes, not free text
                return [c[:4] + (tuple(kv for kv in c[4] if kv[0] != "note"),) for c in found]
            assert choice_only(claims(other, doc.id)) == choice_only(claims(project, original))
        assert any(other.claims(d.id) for d in other.documents())
    finally:
        other.close()


def test_a_whole_export_folder_imports_without_its_sidecar_files(project, tmp_path):
    out = tmp_path / "brat"
    exporters.export(project, "brat", out)
    assert exporters.manifest_path(out, folder=True).exists()
    other = open_project(tmp_path / "copy.db", annotator="huda")
    try:
        report = import_paths(other, [out], {})
        assert report.ok, report.as_dict()
        assert len(other.documents()) == len(project.documents())
    finally:
        other.close()
