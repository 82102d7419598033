"""The sample project the export tests share (export_sample.py) is what they assume."""


def test_sample_project_is_what_the_export_tests_assume(project):
    docs = project.documents()
    assert [d.status for d in docs] == ["done", "in_progress", "in_progress"]
    first = project.document(docs[0].id)
    labels = {(s.label, first.text[s.start:s.end]) for s in project.spans(first.id, "entity")}
    assert ("NORP", "الروسي") in labels and ("OCC", "وزير الخارجية الروسي") in labels
    [inside] = [s for s in project.spans(first.id, "entity") if s.label == "GPE" and first.text[s.start - 1] == "و"]
    assert first.text[inside.start:inside.end] == "الصين"
    claims = project.claims(first.id)
    assert len(claims) == 2 and len(claims[0].content) == 2 and claims[0].source.layer == "entity"
