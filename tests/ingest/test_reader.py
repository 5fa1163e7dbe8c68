"""Files and bytes become DocumentInputs: HTML is reduced to its main text, scripts never reach it."""

from __future__ import annotations

from pathlib import Path

import pytest

from warlog.errors import InputError, InputTooLarge
from warlog.ingest.dates import parse_published
from warlog.ingest.reader import read_bytes, read_path

PAGE = """<!doctype html><html><head><title>Shelling in the east</title>
<script>document.write('EVIL SCRIPT TEXT')</script><style>.x{color:red}</style></head>
<body><nav>Home | World | Sport</nav><article><h1>Shelling in the east</h1>
<p>Artillery fire hit a market in the town of Avdiivka on Tuesday morning, killing two people and wounding
five, the regional governor said in a statement posted on his official channel.</p>
<p>Rescue teams worked at the scene for several hours while the fire was put out by local crews.</p>
</article></body></html>"""


def test_html_main_text_keeps_the_article_and_drops_scripts():
    doc = read_bytes(PAGE.encode(), name="page.html")
    assert "Artillery fire hit a market" in doc.text
    assert "EVIL SCRIPT TEXT" not in doc.text
    assert "color:red" not in doc.text


def test_html_file_suffix_forces_html(tmp_path: Path):
    path = tmp_path / "a.html"
    path.write_text(PAGE, encoding="utf-8")
    assert "<p>" not in read_path(path).text


def test_caller_metadata_wins_over_page_metadata():
    doc = read_bytes(PAGE.encode(), name="p", title="My title", source="My Paper")
    assert (doc.title, doc.source) == ("My title", "My Paper")


def test_missing_file_names_the_path(tmp_path: Path):
    with pytest.raises(InputError, match="nope.txt"):
        read_path(tmp_path / "nope.txt")


def test_huge_file_is_refused_before_reading(tmp_path: Path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * 1000)
    with pytest.raises(InputTooLarge):
        read_path(path, max_chars=100)


def test_published_date_alone_is_midnight_utc_and_offsets_are_kept():
    assert parse_published("2022-07-04").isoformat() == "2022-07-04T00:00:00+00:00"
    assert parse_published("2022-07-04T09:30+03:00").utcoffset().total_seconds() == 3 * 3600
    assert parse_published("20220125T090000Z").hour == 9


def test_unreadable_date_is_an_input_error():
    with pytest.raises(InputError, match="ISO 8601"):
        parse_published("the fourth of July")
