from __future__ import annotations

from io import BytesIO

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from warlog.errors import InputError
from warlog.ingest.reader import DocumentInput
from warlog.ingest.warc import is_warc, read_warc

PAGE = (
    b"<html><head><title>Depot fire</title></head><body><article><h1>Depot fire</h1>"
    b"<p>A fire broke out at a fuel depot after a strike on Monday, local officials said.</p>"
    b"<p>Firefighters worked through the night to contain it, and no casualties were reported.</p>"
    b"</article></body></html>"
)


def _warc(path, records):
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=path.name.endswith(".gz"))
        for uri, ctype, status, body in records:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = writer.create_warc_record(
                uri,
                "response",
                payload=BytesIO(body),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": "2022-07-05T08:00:00Z"},
            )
            writer.write_record(rec)
    return path


def test_html_responses_become_documents_with_crawl_date_fallback(tmp_path):
    path = _warc(
        tmp_path / "news.warc.gz",
        [
            ("http://news.test/depot", "text/html; charset=utf-8", "200 OK", PAGE),
            ("http://news.test/logo.png", "image/png", "200 OK", b"\x89PNG"),
            ("http://news.test/gone", "text/html", "404 Not Found", b"<html>gone</html>"),
        ],
    )
    (doc,) = list(read_warc(path))
    assert isinstance(doc, DocumentInput)
    assert doc.url == "http://news.test/depot"
    assert "fuel depot" in doc.text
    assert doc.published == "2022-07-05T08:00:00Z"


def test_empty_html_record_is_an_error_and_the_file_goes_on(tmp_path):
    path = _warc(
        tmp_path / "n.warc",
        [
            ("http://news.test/empty", "text/html", "200 OK", b"<html><body></body></html>"),
            ("http://news.test/depot", "text/html", "200 OK", PAGE),
        ],
    )
    results = list(read_warc(path))
    assert [type(r).__name__ for r in results] == ["EmptyInput", "DocumentInput"]
    assert results[0].source == f"{path}#http://news.test/empty"


def test_not_a_warc_raises_input_error(tmp_path):
    path = tmp_path / "bad.warc"
    path.write_bytes(b"this is not a warc file\n")
    try:
        list(read_warc(path))
    except InputError as exc:
        assert "not a readable WARC" in exc.message
    else:
        raise AssertionError("expected InputError")


def test_warc_suffixes():
    from pathlib import Path

    assert is_warc(Path("a.warc.gz")) and is_warc(Path("B.WARC")) and not is_warc(Path("a.gz"))
