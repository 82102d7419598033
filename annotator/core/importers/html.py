"""Saved web pages (``.html``, ``.htm``): one article per page.

The bytes are decoded here, not by the extraction library: a byte-order mark,
then the charset the server sent (WARC records), then the page's own
``<meta charset>`` / ``http-equiv`` declaration, else the project's detector
(``encoding.decode_bytes``), so Windows-1256 pages come out right. ``--encoding``
forces a codec.

The main text is found by trafilatura (title, body paragraphs without menus,
tickers, share buttons, ads, related links and footers; author, date, canonical
URL, site name). What it lacks for Arabic news pages is added here:

* the published date from ``article:published_time`` / ``<time datetime>`` in
  full (trafilatura keeps the day only), image captions (``<figcaption>``) as
  metadata and never as body text;
* the title is not repeated as the first body paragraph;
* **fallback** for old table-and-``<br>`` layouts, where the extraction returns
  the page as one or two huge lines (or table cells joined by ``|``), or
  nothing: the page's text is rendered with its line breaks kept, from the
  table cell / block that holds most of the page's own text, lines made only
  of links dropped, and cut by the page-dump rules (``pagedump.py``).

Paragraphs are joined by a blank line (``"\\n\\n"``) as for copied pages. The text
is normalised (``text.normalise``) here; the driver's normalisation then finds
nothing left to do. Right-to-left text is never reordered: it stays in logical
order as in the page.
"""
from __future__ import annotations

import codecs
import re
from pathlib import Path
from typing import Iterator

import lxml.html
from lxml import etree

from annotator.core.importers.base import MAX_RECORD_BYTES, FileNotes, InputError, RawDocument
from annotator.core.importers.pagedump import split_page_dump
from annotator.core.importers.textfile import PARAGRAPH_BREAK  # as for copied pages
from annotator.core.importers.textstream import decode_text
from annotator.core.text import normalise

_HEAD_BYTES = 4096                      # where a <meta charset> must be (HTML spec: first 1024; be lenient)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.I)
_HTTP_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9_:.\-]+)""", re.I)
# Declared Western charsets on Arabic pages are usually wrong (the CMS default): detect instead.
_UNTRUSTED = {"latin-1", "iso8859-1", "cp1252", "ascii"}
_SKIP_TAGS = ("script", "style", "noscript", "template", "iframe", "select", "option", "button",
              "form", "svg", "object", "embed", "head", "nav", "aside", "footer")
_FURNITURE = re.compile(r"(?:^|[\s_-])(?:nav|navbar|menu|footer|header|share|sharing|social|ticker|breaking|"
                        r"marquee|related|ads?|advert|banner|sidebar|widget|comments?|tags|breadcrumbs?|"
                        r"most-?read|newsletter|cookie|popup)(?:$|[\s_-])", re.I)
_BLOCK_TAGS = {"p", "div", "td", "th", "tr", "table", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
               "blockquote", "section", "article", "header", "footer", "center", "dd", "dt", "dl", "pre",
               "figure", "figcaption", "main", "aside", "nav", "hr", "address", "body", "tbody", "thead"}
_CONTAINERS = ("table", "tr", "td", "th", "div", "ul", "ol", "section", "article", "aside", "nav")
_HEAD_DATE = re.compile(r"[\d٠-٩]{1,4}\s*[/.\-]\s*[\d٠-٩]{1,2}\s*[/.\-]\s*[\d٠-٩]{1,4}")
_BYLINE = re.compile(r"^(?:بقلم|كتب|كتبت|إعداد|اعداد|by)\s*[:：]?\s*", re.I)
_WORD = re.compile(r"\w", re.U)


# --- decoding -------------------------------------------------------------

def decode_page(data: bytes, name: str, options: dict, notes: FileNotes | None = None,
                http_charset: str | None = None) -> str:
    """The page's text: --encoding, BOM, HTTP charset, <meta> charset, else detection."""
    forced = options.get("encoding")
    declared = None
    if not forced and not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        for candidate in (http_charset, _meta_charset(data)):
            codec = _codec(candidate)
            if codec and codec not in _UNTRUSTED:
                declared = codec
                break
    if declared:
        try:
            text = data.decode(declared)
            if notes is not None:
                notes.encoding, notes.had_bom, notes.mojibake_from = declared, False, None
            return text.removeprefix("\ufeff")
        except UnicodeDecodeError:
            if notes is not None:
                notes.warn(None, f"the page says it is {declared} but is not; the encoding was detected instead")
    return decode_text(data, name, forced, notes)


def _meta_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:_HEAD_BYTES])
    return m.group(1).decode("ascii", "replace") if m else None


def http_charset(content_type: str | None) -> str | None:
    m = _HTTP_CHARSET.search(content_type or "")
    return m.group(1) if m else None


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().lower()
    if label in ("windows-1256", "cp-1256", "x-cp1256"):
        label = "cp1256"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


# --- extraction -----------------------------------------------------------

def extract_article(text: str, url: str | None = None) -> dict | None:
    """{"title", "paragraphs", "meta", "fallback"} for one decoded page, or None if it has no text."""
    import trafilatura  # imported on first use: a second or so off the application's start

    try:
        tree = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError):
        return None
    own = _page_meta(tree)
    page_title = _page_title(tree)
    found = trafilatura.bare_extraction(
        _copy(tree), url=url, with_metadata=True, include_comments=False, include_tables=False,
        include_images=False, favor_precision=True, deduplicate=False)
    doc = found.as_dict() if found is not None and hasattr(found, "as_dict") else (found or {})
    lines = [line.strip() for line in (doc.get("text") or "").split("\n")]
    lines = [line for line in lines if line]
    title = _clean(own.get("og_title") or doc.get("title") or own.get("h1") or page_title)
    meta = {}
    for key, value in (("url", own.get("canonical") or doc.get("url") or url),
                       ("published", own.get("published") or doc.get("date")),
                       ("author", own.get("author") or doc.get("author")),
                       ("source", own.get("site") or doc.get("sitename")),
                       ("description", own.get("description") or doc.get("description"))):
        if value:
            meta[key] = _clean(value)
    captions = own.get("captions", [])
    fallback = _needs_fallback(lines)
    if fallback:
        dumped = _fallback(tree, title, page_title, own.get("h1"))
        if dumped is None:
            return None
        title, lines, found_meta = dumped
        for key, value in found_meta.items():
            meta.setdefault(key, value)
    caption_keys = {_key(c) for c in captions}
    lines = [line for line in lines if _key(line) not in caption_keys]
    while lines and title and _key(lines[0]) == _key(title):      # the title repeated as a paragraph
        lines.pop(0)
    if meta.get("author"):
        meta["author"] = _BYLINE.sub("", meta["author"]).strip() or meta["author"]
    if captions:
        meta["caption"] = captions[0]
        if len(captions) > 1:
            meta["other_captions"] = captions[1:]
    if not lines:
        return None
    return {"title": title, "paragraphs": lines, "meta": meta, "fallback": fallback}


def _copy(tree):
    # trafilatura prunes the tree it is given; the fallback needs it whole.
    return lxml.html.document_fromstring(lxml.html.tostring(tree, encoding="unicode"))


def _needs_fallback(lines: list[str]) -> bool:
    """Nothing (or a few words) found, table cells joined into one line, or the page as one or two huge lines."""
    if not lines:
        return True
    if any(line.startswith("|") or line.count(" | ") >= 3 for line in lines):
        return True
    words = [len(line.split()) for line in lines]
    return sum(words) < 10 or (len(lines) <= 2 and max(words) >= 120)


def _clean(value) -> str:
    return " ".join(str(value).split())


def _key(s: str) -> str:
    return " ".join(s.split()).strip(" .:،-–—|")


def _page_title(tree) -> str:
    el = tree.find(".//title")
    return _clean(el.text_content()) if el is not None else ""


def _page_meta(tree) -> dict:
    """What the page says of itself, before any pruning: meta tags, <time>, <h1>, captions."""
    out: dict = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").lower()
        value = (el.get("content") or "").strip()
        if not value:
            continue
        if key in ("article:published_time", "datepublished", "pubdate", "publishdate", "date",
                   "og:published_time", "article:published"):
            out.setdefault("published", value)
        elif key in ("author", "article:author") and not value.startswith("http"):
            out.setdefault("author", value)
        elif key == "og:site_name":
            out.setdefault("site", value)
        elif key == "og:title":
            out.setdefault("og_title", value)
        elif key in ("description", "og:description"):
            out.setdefault("description", value)
    for el in tree.iter("link"):
        if (el.get("rel") or "").lower() == "canonical" and el.get("href"):
            out["canonical"] = el.get("href").strip()
            break
    if "published" not in out:
        for el in tree.iter("time"):
            if el.get("datetime"):
                out["published"] = el.get("datetime").strip()
                break
    h1 = tree.find(".//h1")
    if h1 is not None:
        out["h1"] = _clean(h1.text_content())
    captions = []
    for el in tree.iter("figcaption"):
        caption = _clean(el.text_content())
        if caption and caption not in captions:
            captions.append(caption)
    out["captions"] = captions
    return out


# --- fallback: the page's text with its line breaks, cut by the page-dump rules

def _fallback(tree, title: str, page_title: str, h1: str | None):
    body = tree.find(".//body")
    if body is None:
        return None
    _prune(body)
    block = max((el for el in body.iter(*_CONTAINERS, "body")), key=_own_text_length, default=body)
    lines = _render_lines(block)
    if not lines:
        return None
    # A short head line with a date (``بغداد - خاص | 2009/04/18``) before the first paragraph is the date.
    meta: dict = {}
    first_long = next((i for i, line in enumerate(lines) if len(line.split()) > 25), len(lines))
    for i in range(first_long):
        m = _HEAD_DATE.search(lines[i])
        if m and len(lines[i].split()) <= 10:
            meta["published"] = m.group(0).replace(" ", "")
            lines.pop(i)
            break
    # The title: the first line when the <title> or <h1> holds it, else the <h1> or <title>.
    heads = [_key(t) for t in (h1, page_title, title) if t]
    if not (lines and any(_key(lines[0]) and _key(lines[0]) in head for head in heads)):
        lines.insert(0, h1 or title or page_title)
    articles = split_page_dump("\n".join(lines))
    if not articles:
        return None
    main = max(articles, key=lambda a: sum(len(p) for p in a.paragraphs))
    for key in ("published", "updated", "date", "source", "dateline", "caption", "caption_credit"):
        if key in main.meta:
            meta.setdefault("published" if key == "date" else key, main.meta[key])
    return main.title, list(main.paragraphs), meta


def _prune(root) -> None:
    drop = []
    for el in root.iter():
        if not isinstance(el.tag, str):
            drop.append(el)                       # comments, processing instructions
        elif el.tag in _SKIP_TAGS or el.tag == "figcaption":
            drop.append(el)
        elif _FURNITURE.search(f"{el.get('class', '')} {el.get('id', '')}") and el.tag != "body":
            drop.append(el)
    for el in drop:
        if el.getparent() is not None:
            el.drop_tree()


def _own_text_length(el) -> int:
    """Characters of text in ``el`` outside nested containers (a layout cell's own text)."""
    total = len((el.text or "").strip())
    for child in el:
        if isinstance(child.tag, str) and child.tag not in _CONTAINERS:
            total += len(child.text_content().strip())
        total += len((child.tail or "").strip())
    return total


def _render_lines(block) -> list[str]:
    """Lines of the block: breaks at <br> and block elements; a line made only of links is dropped."""
    lines: list[str] = []
    current: list[str] = []
    linked = [0, 0]                               # characters in links, all characters (this line)

    def add(text: str | None, in_link: bool):
        if text:
            current.append(text)
            n = len(_WORD.findall(text))
            linked[1] += n
            if in_link:
                linked[0] += n

    def newline():
        line = _clean("".join(current))
        if line and not (linked[1] and linked[0] >= 0.9 * linked[1]):
            lines.append(line)
        current.clear()
        linked[0] = linked[1] = 0

    def walk(el, in_link: bool):
        tag = el.tag if isinstance(el.tag, str) else ""
        in_link = in_link or tag == "a"
        if tag == "br" or tag in _BLOCK_TAGS:
            newline()
        add(el.text, in_link)
        for child in el:
            walk(child, in_link)
            add(child.tail, in_link)
        if tag in _BLOCK_TAGS:
            newline()

    walk(block, False)
    newline()
    return lines


# --- the reader -----------------------------------------------------------

def article_document(text: str, name: str, notes: FileNotes, url: str | None = None,
                     line: int | None = 1) -> RawDocument | None:
    """The RawDocument of one decoded page (normalised), or None if no article text was found."""
    found = extract_article(text, url)
    if found is None:
        return None
    body, report = normalise(PARAGRAPH_BREAK.join(found["paragraphs"]))
    notes.add_normalisation(report.as_dict())
    title, report = normalise(found["title"])
    notes.add_normalisation(report.as_dict())
    meta = {"file": name, **found["meta"]}
    if found["fallback"]:
        meta["extraction"] = "page text (old layout)"
    return RawDocument(text=body, title=title.strip(), meta=meta, line=line)


def read(path: Path, options: dict, notes: FileNotes) -> Iterator[RawDocument]:
    size = path.stat().st_size
    if size > MAX_RECORD_BYTES:
        raise InputError(path, None, f"a web page of {size / (1 << 20):.0f} MB is too large "
                         f"(limit {MAX_RECORD_BYTES >> 20} MB)")
    notes.format = "html"
    text = decode_page(path.read_bytes(), str(path), options, notes)
    notes.position = size
    document = article_document(text, path.name, notes)
    if document is None:
        raise InputError(path, None, "no article text was found in this page",
                         "save the page again (\"Web page, complete\") or copy its text into a .txt")
    if document.meta.get("extraction"):
        notes.format = "html (old layout, page-dump rules)"
    yield document
