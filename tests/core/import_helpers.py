"""Helpers the import tests share (fixtures live in conftest.py)."""


def only(report):
    """The one file of an import report, after checking it was not refused."""
    [file] = report.files
    assert file.error is None, file.error
    return file
