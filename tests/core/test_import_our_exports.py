"""import recognises every file our export writes, without --format: by the manifest beside it,
by a name ending in the export format (train.conll-nested, data.hf), by the content where the
suffix leaves it open (a CoNLL file with several tag columns is nested). Each test exports the
annotated sample project with the real exporters and imports the files back under those names."""
import json
import shutil
from pathlib import Path

import pytest
from import_helpers import only

from annotator.core import exporters
from annotator.core.importers import InputError, detect_format
from annotator.core.importing import import_paths
from annotator.core.store import open_project


def import_into_new(tmp_path, paths, options=None, name="imported.db"):
    """The import report and what it made: (text, sorted (label, start, end)) per document."""
    store = open_project(tmp_path / name, annotator="huda")
    try:
        report = import_paths(store, paths, options or {})
        made = [(store.document(d.id).text, sorted((s.label, s.start, s.end) for s in store.spans(d.id, "entity")))
                for d in store.documents()]
        return report, made
    finally:
        store.close()


def refused(report):
    """The one file of an import report, refused (``import_helpers.only`` is for one accepted)."""
    [file] = report.files
    assert file.error
    return file


def has_nested(made) -> bool:
    return any(a[1] <= b[1] and b[2] <= a[2] and a != b for _, spans in made for a in spans for b in spans)


# what the file holds, the import format that reads it back, and the report's format
READ_BACK = [
    ("conll-nested", "train.conll-nested", "conll-nested", "conll-nested (BIO)"),   # the name says it
    ("conll-nested", "ner.conll", "conll-nested", "conll-nested (BIO)"),            # the manifest says it
    ("conll-nested", "ner.txt", "conll-nested", "conll-nested (BIO)"),              # not a text file
    ("conll", "ner.txt", "conll", "conll (BIO)"),
    ("conll", "ner.conll", "conll", "conll (BIO)"),
    ("spacy", "x.spacy.jsonl", "prodigy", "prodigy"),
    ("spacy", "x.json", "prodigy", "prodigy"),                                      # not Label Studio
    ("jsonl", "all.data", "jsonl", "jsonl"),                                        # a suffix of no format
    ("claims-tsv", "c.claims-tsv", "tsv", "tsv"),
]


@pytest.mark.parametrize("fmt, name, reader, reported", READ_BACK)
def test_our_export_imports_back_under_its_name_without_format(project, tmp_path, fmt, name, reader, reported):
    out = tmp_path / name
    exporters.export(project, fmt, out)
    report, made = import_into_new(tmp_path, [out])
    file = only(report)
    assert (file.error, file.format) == (None, reported)
    given, made_given = import_into_new(tmp_path, [out], {"format": reader}, "given.db")
    assert made == made_given and file.spans == only(given).spans      # as with --format READER
    assert made and file.imported == len(made)
    if fmt in ("conll-nested", "spacy", "jsonl"):
        assert has_nested(made)                     # the NORP inside the OCC came back
    if fmt == "conll":
        assert not has_nested(made)


def test_split_files_are_recognised_by_the_manifest_of_their_export(project, tmp_path):
    out = tmp_path / "ner.tags"                                 # a suffix of no format
    exporters.export(project, "conll-nested", out, {"split": [50, 50]})
    files = json.loads((tmp_path / "ner.tags.manifest.json").read_text(encoding="utf-8"))["files"]
    assert files == {"train": "ner.train.tags", "test": "ner.test.tags"}
    report, made = import_into_new(tmp_path, [tmp_path / name for name in files.values()])
    assert report.ok and [f.format for f in report.files] == ["conll-nested (BIO)"] * 2
    assert has_nested(made)


def test_a_nested_conll_without_its_manifest_is_recognised_by_its_tag_columns(project, tmp_path):
    for fmt in ("conll", "conll-nested"):
        exporters.export(project, fmt, tmp_path / f"{fmt}.conll")
        (tmp_path / f"{fmt}.conll.manifest.json").unlink()
    flat, made_flat = import_into_new(tmp_path, [tmp_path / "conll.conll"], name="flat.db")
    nested, made_nested = import_into_new(tmp_path, [tmp_path / "conll-nested.conll"], name="nested.db")
    assert (only(flat).format, only(nested).format) == ("conll (BIO)", "conll-nested (BIO)")
    assert has_nested(made_nested) and not has_nested(made_flat)
    assert set(made_flat[0][1]) < set(made_nested[0][1])       # the flat file lost the inner entities


def test_a_conll_export_renamed_txt_without_its_manifest_is_read_as_conll(project, tmp_path):
    exporters.export(project, "conll-nested", tmp_path / "ner.conll")
    (tmp_path / "ner.conll.manifest.json").unlink()
    shutil.copy(tmp_path / "ner.conll", tmp_path / "ner.txt")
    as_conll, made_conll = import_into_new(tmp_path, [tmp_path / "ner.conll"], name="conll.db")
    as_txt, made_txt = import_into_new(tmp_path, [tmp_path / "ner.txt"], name="txt.db")
    assert only(as_txt).format == "conll-nested (BIO)" and made_txt == made_conll and has_nested(made_txt)
    # An article in short lines stays an article.
    article = tmp_path / "short.txt"
    article.write_text("قال الوزير\nإن الوفد\nوصل أمس\n", encoding="utf-8")
    assert detect_format(article) == "text"


def test_the_manifest_counts_only_for_the_files_it_lists(project, tmp_path):
    exporters.export(project, "jsonl", tmp_path / "ner.txt")      # (CoNLL would be told by its content)
    shutil.copy(tmp_path / "ner.txt", tmp_path / "copy.txt")            # a copy: not what the manifest lists
    shutil.copy(tmp_path / "ner.txt.manifest.json", tmp_path / "copy.txt.manifest.json")
    assert detect_format(tmp_path / "ner.txt") == "jsonl" and detect_format(tmp_path / "copy.txt") == "text"
    (tmp_path / "ner.txt.manifest.json").write_text("{not json", encoding="utf-8")    # a damaged manifest
    assert detect_format(tmp_path / "ner.txt") == "text"


def test_an_explicit_format_wins_over_the_manifest(project, tmp_path):
    out = tmp_path / "ner.txt"
    exporters.export(project, "conll", out)
    report, made = import_into_new(tmp_path, [out], {"format": "text", "plain": True})
    assert only(report).format.startswith("text") and made[0][1] == []
    assert " B-" in made[0][0]                                  # the tags became text


# --- exports that hold no articles: the same clear refusal, whatever their name ------------------
@pytest.mark.parametrize("fmt, name, says", [
    ("hf", "data.hf", "this is Hugging Face token classification data"),
    ("hf", "data.json", "this is Hugging Face token classification data"),            # by the manifest
    ("claims-jsonl", "c.claims-jsonl", "this is a file of claims (one claim per line"),
    ("claims-jsonl", "c.txt", "this is a file of claims (one claim per line"),         # by the manifest
    ("csv", "spans.txt", "this is a table of annotations (one row per span"),          # by the manifest
])
def test_exports_without_articles_are_refused_whatever_their_name(project, tmp_path, fmt, name, says):
    out = tmp_path / name
    exporters.export(project, fmt, out)
    report, made = import_into_new(tmp_path, [out])
    file = refused(report)
    assert file.file == str(out) and file.error.startswith(says) and "import the jsonl" in file.error
    assert "unknown file type" not in file.error and made == []


def test_a_spacy_docbin_is_refused_with_what_to_import_instead(tmp_path):
    out = tmp_path / "train.spacy"              # a DocBin needs spaCy to export: its bytes stand for it
    out.write_bytes(b"\x78\x9c\x00binary")
    report, made = import_into_new(tmp_path, [out])
    file = refused(report)
    assert file.file == str(out) and file.error.startswith("this is a spaCy DocBin")
    assert "import the jsonl or spacy JSONL export" in file.error and made == []
    with pytest.raises(InputError):
        detect_format(out)


def test_a_manifest_or_features_file_named_directly_says_what_to_import(project, tmp_path):
    exporters.export(project, "conll", tmp_path / "ner.conll", {"split": [50, 50]})
    exporters.export(project, "hf", tmp_path / "ner.jsonl")
    report, made = import_into_new(tmp_path, [tmp_path / "ner.conll.manifest.json", tmp_path / "ner.jsonl.features.json"])
    manifest, features = report.files
    assert manifest.file == str(tmp_path / "ner.conll.manifest.json") and made == []
    assert manifest.error.startswith("this is the manifest our export writes beside its data")
    assert "import the data files it lists: ner.test.conll, ner.train.conll" in manifest.error
    assert features.error.startswith("this is the features file of a Hugging Face export")


def test_names_of_export_formats():
    names = {"x.conll-nested": "conll-nested", "x.hf": "jsonl", "x.claims-jsonl": "jsonl",
             "x.claims-tsv": "tsv", "x.spacy.jsonl": "jsonl", "x.CONLL-NESTED": "conll-nested",
             "x.conll": "conll", "x.csv": "csv"}
    assert {name: detect_format(Path(name)) for name in names} == names


def test_a_folder_of_exports_reads_the_files_named_after_their_format(project, tmp_path):
    folder = tmp_path / "exports"
    folder.mkdir()
    exporters.export(project, "conll-nested", folder / "ner.conll-nested")
    exporters.export(project, "hf", folder / "ner.hf")
    report, made = import_into_new(tmp_path, [folder])
    by_name = {Path(f.file).name: f for f in report.files}
    assert by_name["ner.conll-nested"].format == "conll-nested (BIO)" and has_nested(made)
    assert by_name["ner.hf"].error.startswith("this is Hugging Face token classification data")
    assert all(by_name[name].ignored for name in by_name if name.endswith((".manifest.json", ".features.json")))
