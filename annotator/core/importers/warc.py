"""Web crawls (``.warc``, ``.warc.gz``, as in CC-News): every HTML page fetched is an article.

Records are streamed with warcio's ``ArchiveIterator`` (memory stays flat
whatever the file's size). Only HTTP ``response`` records with status 200 and
an HTML content type are read; each goes through the same decoding and
extraction as a saved page (``html.py``), with the HTTP charset first. Meta:
``url`` (WARC-Target-URI unless the page names a canonical URL, then that one,
the fetched URL kept as ``fetched_url``), ``fetched`` (WARC-Date). Pages
without article text, undecodable or too large are skipped with a note;
requests, metadata, redirects and images are passed over silently (they are not
pages). Duplicate texts (the same article fetched twice) are left out by the
import driver like any duplicate. ``notes.position`` is the compressed bytes
read, for progress and cancel.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

from annotator.core.importers.base import MAX_RECORD_BYTES, FileNotes, InputError, RawDocument
from annotator.core.importers.html import article_document, decode_page, http_charset


def read(path: Path, options: dict, notes: FileNotes) -> Iterator[RawDocument]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    notes.format = "warc"
    pages = 0
    with open(path, "rb") as handle:
        try:
            records = ArchiveIterator(handle, check_digests=False)
            number = 0
            for record in records:
                number += 1
                notes.position = handle.tell()
                document = _page(record, number, options, notes)
                if document is not None:
                    pages += 1
                    yield document
        except ArchiveLoadFailed as error:
            raise InputError(path, None, f"not a readable WARC file: {error}",
                             "a .warc or .warc.gz as written by a crawler (warcio, wget --warc-file)") from None
    notes.position = path.stat().st_size
    if not pages and not notes.skipped:
        raise InputError(path, None, "the WARC file holds no HTML page with status 200")


def _page(record, number: int, options: dict, notes: FileNotes) -> RawDocument | None:
    if record.rec_type != "response" or record.http_headers is None:
        return None
    if record.http_headers.get_statuscode() != "200":
        return None
    content_type = record.http_headers.get_header("Content-Type") or ""
    if "html" not in content_type.lower():
        return None
    url = record.rec_headers.get_header("WARC-Target-URI") or ""
    where = f"record {number} ({url})"
    data = record.content_stream().read(MAX_RECORD_BYTES + 1)
    if len(data) > MAX_RECORD_BYTES:
        notes.skip(None, f"{where}: page larger than {MAX_RECORD_BYTES >> 20} MB")
        return None
    if not data.strip():
        notes.skip(None, f"{where}: empty page")
        return None
    encoding = notes.encoding
    try:
        text = decode_page(data, url, options, None, http_charset(content_type))
    except InputError as error:
        notes.skip(None, f"{where}: {error.reason}")
        return None
    finally:
        notes.encoding = encoding
    document = article_document(text, Path(url.split("?")[0]).name or url, notes, url=url, line=None)
    if document is None:
        notes.skip(None, f"{where}: no article text found")
        return None
    meta = document.meta
    meta.pop("file", None)
    if meta.get("url") and meta["url"] != url:
        meta["fetched_url"] = url
    meta.setdefault("url", url)
    fetched = record.rec_headers.get_header("WARC-Date")
    if fetched:
        meta["fetched"] = fetched
    meta["warc_record"] = number
    return document
