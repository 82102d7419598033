"""Import of saved web pages (.html/.htm) and crawls (.warc/.warc.gz) through the real import path."""
import io
import warnings
from pathlib import Path

import pytest

pytest.importorskip("trafilatura")
pytest.importorskip("warcio")

from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

from annotator.core.importers import detect_format  # noqa: E402
from annotator.core.importing import import_paths  # noqa: E402
from annotator.core.store import open_project  # noqa: E402

DATA = Path(__file__).parent.parent / "data" / "html"
FURNITURE = ("الرئيسية", "عاجل", "انقطاع الكهرباء", "شارك", "فيسبوك", "واتساب", "تخفيضات", "اقرأ أيضاً",
             "رئيس الوزراء يستقبل", "معرض الكتاب", "جميع الحقوق", "من نحن", "dataLayer", "ticker", "إعلان")

MODERN_PARAGRAPHS = [
    "التقى وزير الخارجية، صباح اليوم الثلاثاء، نظيره الأردني في العاصمة عمّان، وبحث الجانبان سبل تعزيز "
    "التعاون الثنائي في مجالات الطاقة والمياه والنقل.",
    "وقال الوزير في مؤتمر صحافي مشترك إن «العلاقات بين البلدين تشهد مرحلة جديدة»، مشيراً إلى توقيع ثلاث "
    "مذكرات تفاهم خلال الزيارة التي تستمر يومين.",
    "من جهته، أكد الوزير الأردني أن بلاده ترحب بأي مبادرة تهدف إلى خفض التوتر في المنطقة، داعياً إلى عقد "
    "اجتماع إقليمي موسّع قبل نهاية العام الجاري.",
    "وتأتي الزيارة بعد أسابيع من اتصالات مكثفة بين الجانبين، في ظل أزمة اقتصادية تضغط على الموازنات "
    "العامة، وارتفاع أسعار الوقود بنسبة 12 في المئة منذ يناير.",
]


@pytest.fixture(autouse=True)
def _quiet():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FutureWarning)      # lxml truth-testing inside trafilatura
        yield


@pytest.fixture
def store(tmp_path):
    store = open_project(tmp_path / "p.db", annotator="tester")
    yield store
    store.close()


def only_document(store):
    [summary] = store.documents()
    return store.document(summary.id)


def test_suffixes_are_registered():
    assert detect_format(Path("a.html")) == "html" and detect_format(Path("a.HTM")) == "html"
    assert detect_format(Path("crawl.warc")) == "warc" and detect_format(Path("crawl.warc.gz")) == "warc"
    with pytest.raises(Exception):
        detect_format(Path("backup.tar.gz"))


def test_modern_utf8_page(store):
    report = import_paths(store, [DATA / "modern-utf8.html"])
    assert report.ok, report.as_dict()
    assert report.files[0].encoding == "utf-8"
    doc = only_document(store)
    assert doc.title == "وزير الخارجية يلتقي نظيره الأردني في عمّان"
    assert doc.text.split("\n\n") == MODERN_PARAGRAPHS
    assert doc.title not in doc.text
    for furniture in FURNITURE:
        assert furniture not in doc.text, furniture
    assert "الوزيران خلال المؤتمر" not in doc.text
    assert doc.meta["caption"] == "الوزيران خلال المؤتمر الصحافي المشترك في عمّان (رويترز)"
    assert doc.meta["published"] == "2024-03-12T09:30:00+03:00"
    assert doc.meta["author"] == "سارة المصري"
    assert doc.meta["url"] == "https://alofuq.example/politics/2024/03/12/fm-amman"
    assert doc.meta["source"] == "صحيفة الأفق"


def test_windows_1256_page_declared_by_meta_charset(store):
    report = import_paths(store, [DATA / "gulf-cp1256.html"])
    assert report.ok and report.files[0].encoding == "cp1256"
    doc = only_document(store)
    assert doc.title == "الأسهم الخليجية تغلق على ارتفاع"
    paragraphs = doc.text.split("\n\n")
    assert len(paragraphs) == 3
    assert paragraphs[0].startswith("أغلقت معظم أسواق الأسهم الخليجية على ارتفاع في تعاملات الأحد")
    assert paragraphs[1] == ("وارتفع المؤشر الرئيسي للسوق السعودية 1.2 في المئة، فيما صعد مؤشر سوق دبي 0.8 "
                             "في المئة بدعم من أسهم العقارات، وسجلت بورصة قطر مكاسب طفيفة.")
    for furniture in ("عاجل", "المركزي يرفع", "فيسبوك", "أخبار ذات صلة", "النفط يصعد", "جميع الحقوق", "طاقة"):
        assert furniture not in doc.text, furniture
    assert doc.meta["author"] == "خالد العتيبي"
    assert doc.meta["url"] == "http://gulfeco.example/markets/12345.html"
    assert doc.meta["published"] == "2023-11-05"


def test_wrong_declared_charset_is_detected_instead(tmp_path, store):
    page = (DATA / "gulf-cp1256.html").read_bytes().replace(b'charset="windows-1256"', b'charset="utf-8"')
    path = tmp_path / "lying.html"
    path.write_bytes(page)
    report = import_paths(store, [path])
    assert report.ok and report.files[0].encoding == "cp1256"
    assert any("says it is utf-8" in w["message"] for w in report.files[0].warnings)
    assert only_document(store).title == "الأسهم الخليجية تغلق على ارتفاع"


def test_old_table_layout_falls_back_to_page_dump_rules(store):
    report = import_paths(store, [DATA / "table-layout-cp1256.htm"])
    assert report.ok and report.files[0].encoding == "cp1256"
    assert "old layout" in report.files[0].format
    doc = only_document(store)
    assert doc.title == "البرلمان يقر الموازنة العامة بعد جلسة ماراثونية"
    paragraphs = doc.text.split("\n\n")
    assert len(paragraphs) == 4
    assert paragraphs[0].startswith("بغداد - صوّت مجلس النواب مساء أمس")
    assert paragraphs[3].endswith("من الإيرادات النفطية.")
    for furniture in ("الرئيسية", "محليات", "الأكثر قراءة", "الطماطم", "طباعة", "أرسل لصديق", "جميع الحقوق",
                      "2009/04/18", "openWin"):
        assert furniture not in doc.text, furniture
    assert doc.meta["published"] == "2009/04/18"
    assert doc.meta["extraction"] == "page text (old layout)"


def test_rtl_text_kept_in_logical_order(tmp_path, store):
    sentence = "أعلنت شركة Apple عن إيرادات بلغت 89.5 مليار دولار في الربع (Q3 2024) بزيادة 5% عن العام الماضي."
    body = "".join(f"<p>{sentence} فقرة رقم {n} من التقرير الاقتصادي المفصل حول نتائج الشركات.</p>" for n in range(4))
    html = (f'<html dir="rtl"><head><meta charset="utf-8"><title>نتائج أبل</title></head><body>'
            f'<nav><a href="/">الرئيسية</a></nav><article><h1>نتائج أبل الفصلية</h1>{body}</article></body></html>')
    path = tmp_path / "rtl.html"
    path.write_text(html, encoding="utf-8")
    assert import_paths(store, [path]).ok
    doc = only_document(store)
    assert doc.text.split("\n\n")[0] == f"{sentence} فقرة رقم 0 من التقرير الاقتصادي المفصل حول نتائج الشركات."
    assert "\u200f" not in doc.text and "\u202b" not in doc.text


def test_folder_of_pages(tmp_path, store):
    report = import_paths(store, [DATA])
    assert report.ok and report.totals()["imported"] == 3


def test_page_without_text_is_refused(tmp_path, store):
    path = tmp_path / "empty.html"
    path.write_text("<html><body><nav><a href='/'>الرئيسية</a></nav></body></html>", encoding="utf-8")
    report = import_paths(store, [path])
    assert report.files[0].error and store.documents() == []


def _response(writer, url, body: bytes, content_type="text/html; charset=utf-8", status="200 OK",
              date="2024-05-01T10:00:00Z"):
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers,
                                       warc_headers_dict={"WARC-Date": date})
    writer.write_record(record)


def make_warc(path: Path) -> Path:
    modern = (DATA / "modern-utf8.html").read_bytes()
    gulf = (DATA / "gulf-cp1256.html").read_bytes()
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=str(path).endswith(".gz"))
        _response(writer, "https://alofuq.example/p/1", modern)
        _response(writer, "http://gulfeco.example/markets/12345.html", gulf, "text/html; charset=windows-1256",
                  date="2024-05-01T10:00:05Z")
        _response(writer, "https://alofuq.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(200), "image/png")
        _response(writer, "https://alofuq.example/old", b"<html>moved</html>", status="301 Moved Permanently")
        _response(writer, "https://alofuq.example/p/1?utm=x", modern, date="2024-05-01T10:00:09Z")   # duplicate
        req = writer.create_warc_record("https://alofuq.example/p/1", "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
        writer.write_record(req)
    return path


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_warc_pages_imported_streamed_and_deduplicated(tmp_path, store, name):
    path = make_warc(tmp_path / name)
    seen = []
    report = import_paths(store, [path], progress=lambda done, total, file: seen.append((done, total)))
    assert report.ok, report.as_dict()
    result = report.files[0]
    assert result.format == "warc" and result.imported == 2 and result.duplicates == 1
    docs = [store.document(s.id) for s in store.documents()]
    by_title = {d.title: d for d in docs}
    modern = by_title["وزير الخارجية يلتقي نظيره الأردني في عمّان"]
    assert modern.text.split("\n\n") == MODERN_PARAGRAPHS
    assert modern.meta["fetched"] == "2024-05-01T10:00:00Z"
    assert modern.meta["url"] == "https://alofuq.example/politics/2024/03/12/fm-amman"
    assert modern.meta["fetched_url"] == "https://alofuq.example/p/1"
    gulf = by_title["الأسهم الخليجية تغلق على ارتفاع"]
    assert gulf.meta["fetched"] == "2024-05-01T10:00:05Z" and "أغلقت معظم أسواق" in gulf.text
    assert not any("PNG" in d.text or "moved" in d.text for d in docs)
    assert seen[-1][0] == seen[-1][1] == path.stat().st_size


def test_warc_import_can_be_cancelled(tmp_path, store):
    path = make_warc(tmp_path / "crawl.warc.gz")
    report = import_paths(store, [path], cancelled=lambda: True)
    assert report.cancelled and store.documents() == []


def test_not_a_warc_is_refused(tmp_path, store):
    path = tmp_path / "broken.warc.gz"
    path.write_bytes(b"this is not a warc file at all\n" * 10)
    report = import_paths(store, [path])
    assert report.files[0].error


def test_a_gzip_that_is_not_a_crawl_is_left_out_of_a_folder_not_an_error(tmp_path, store):
    folder = tmp_path / "saved"
    folder.mkdir()
    make_warc(folder / "crawl.warc.gz")
    (folder / "backup.tar.gz").write_bytes(b"\x1f\x8b not a crawl")
    report = import_paths(store, [folder])
    assert report.ok, report.as_dict()
    by_name = {Path(f.file).name: f for f in report.files}
    assert by_name["crawl.warc.gz"].imported == 2
    assert by_name["backup.tar.gz"].ignored.startswith("not a supported file type")
