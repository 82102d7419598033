"""Import of saved web pages and of a WARC crawl: wall time, pages/s, peak memory.

    python bench/bench_import_html.py [--pages 1000] [--keep DIR]

Generates N pages of about 60 kB (menus, ticker, share buttons, inline script and
style, a long article with a figure, related links, footer), imports the folder
into a fresh project, then writes the same pages as HTTP responses into a
.warc.gz (plus one image record per ten pages) and imports that, each in a
fresh process. Peak memory is the child's ``ru_maxrss``.
"""
from __future__ import annotations

import argparse
import io
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WORDS = ("الحكومة وزير المجلس الاقتصاد أعلن قال الرئيس المنطقة البلاد مصادر الأمن التعاون اتفاق "
         "السياسية العاصمة الأسبوع المقبل الماضي المئة مليون دولار الطاقة النفط المياه الجانبين "
         "المفاوضات الدولية العربية المحلية المواطنين المشاريع التنمية الصحة التعليم البرلمان").split()


def sentence(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n))


def page(i: int, rng: random.Random) -> str:
    menu = "".join(f'<li><a href="/s/{k}">{sentence(rng, 2)}</a></li>' for k in range(60))
    related = "".join(f'<li><a href="/a/{k}">{sentence(rng, 8)}</a></li>' for k in range(15))
    paragraphs = "".join(f"<p>{sentence(rng, 60)} رقم {i}-{k}.</p>" for k in range(40))
    script = "<script>" + "var cfg=" + json.dumps({f"k{k}": "x" * 40 for k in range(150)}) + ";</script>"
    style = "<style>" + "".join(f".c{k}{{margin:{k}px;color:#{k:06x}}}" for k in range(300)) + "</style>"
    title = f"{sentence(rng, 7)} {i}"
    return f"""<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>{title} | صحيفة المثال</title><meta property="og:site_name" content="صحيفة المثال">
<meta property="article:published_time" content="2024-01-{1 + i % 28:02d}T08:00:00Z">
<link rel="canonical" href="https://example.news/a/{i}">{style}{script}</head><body>
<header><nav class="menu"><ul>{menu}</ul></nav><div class="ticker">عاجل: {sentence(rng, 12)}</div></header>
<div class="ad-banner"><a href="/ad">{sentence(rng, 6)}</a></div>
<main><article><h1>{title}</h1><div class="byline">بقلم <span>{sentence(rng, 2)}</span>
<time datetime="2024-01-01">1 يناير 2024</time></div>
<div class="share"><a>شارك</a> <a>فيسبوك</a> <a>تويتر</a></div>
<figure><img src="/i/{i}.jpg"><figcaption>{sentence(rng, 9)} (رويترز)</figcaption></figure>
<div class="article-body">{paragraphs}</div></article>
<aside class="related"><h3>اقرأ أيضاً</h3><ul>{related}</ul></aside></main>
<footer><p>جميع الحقوق محفوظة © 2024</p><ul>{menu}</ul></footer>{script}</body></html>"""


def generate(folder: Path, count: int) -> int:
    rng = random.Random(14)
    total = 0
    for i in range(count):
        data = page(i, rng).encode("utf-8")
        (folder / f"page-{i:05d}.html").write_bytes(data)
        total += len(data)
    return total


def build_warc(folder: Path, path: Path) -> int:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    records = 0
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        for n, file in enumerate(sorted(folder.glob("*.html"))):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(f"https://example.news/fetch/{n}", "response",
                                                          payload=io.BytesIO(file.read_bytes()), http_headers=headers))
            records += 1
            if n % 10 == 0:
                headers = StatusAndHeaders("200 OK", [("Content-Type", "image/jpeg")], protocol="HTTP/1.1")
                writer.write_record(writer.create_warc_record(f"https://example.news/i/{n}.jpg", "response",
                                                              payload=io.BytesIO(bytes(5000)), http_headers=headers))
    return records


def child(target: str, db: str) -> None:
    warnings.simplefilter("ignore", FutureWarning)
    from annotator.core.importing import import_paths
    from annotator.core.store import open_project

    store = open_project(Path(db), annotator="bench")
    start = time.perf_counter()
    report = import_paths(store, [target])
    wall = time.perf_counter() - start
    store.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"wall": wall, "peak_mb": peak, **report.totals()}))


def run(target: Path, db: Path) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", str(target), str(db)],
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--keep", type=Path)
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    with tempfile.TemporaryDirectory() as tmp:
        base = args.keep or Path(tmp)
        pages = base / "pages"
        pages.mkdir(parents=True, exist_ok=True)
        size = generate(pages, args.pages)
        print(f"{args.pages} pages, {size / args.pages / 1000:.0f} kB each on average")
        r = run(pages, base / "html.db")
        print(f"HTML folder: {r['wall']:.1f} s, {args.pages / r['wall']:.0f} pages/s, peak {r['peak_mb']:.0f} MB, "
              f"imported {r['imported']}, failed {r['failed']}")
        warc = base / "crawl.warc.gz"
        records = build_warc(pages, warc)
        r = run(warc, base / "warc.db")
        print(f"WARC ({warc.stat().st_size / 1e6:.1f} MB gz, {records} pages + images): {r['wall']:.1f} s, "
              f"{records / r['wall']:.0f} pages/s, peak {r['peak_mb']:.0f} MB, imported {r['imported']}, "
              f"duplicates {r['duplicates']}")


if __name__ == "__main__":
    main()
