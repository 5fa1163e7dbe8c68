from __future__ import annotations

from warlog.errors import InputError
from warlog.ingest.batch import expand, iter_inputs
from warlog.ingest.reader import DocumentInput

RSS = (
    b'<?xml version="1.0"?><rss version="2.0"><channel><title>W</title><item><title>T</title>'
    b"<link>http://w.test/1</link><description>Shelling was reported.</description></item></channel></rss>"
)


def test_folders_are_walked_in_sorted_order_without_hidden_files(tmp_path):
    (tmp_path / "b.txt").write_text("b", encoding="utf-8")
    (tmp_path / "a.txt").write_text("a", encoding="utf-8")
    (tmp_path / ".hidden").write_text("h", encoding="utf-8")
    assert [p.name for p in expand([tmp_path])] == ["a.txt", "b.txt"]


def test_each_format_is_dispatched_by_suffix_or_sniffing(tmp_path):
    (tmp_path / "a.txt").write_text("Plain text report.", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"text": "Row text."}\n', encoding="utf-8")
    (tmp_path / "c.xml").write_bytes(RSS)
    texts = [r.text for r in iter_inputs([tmp_path]) if isinstance(r, DocumentInput)]
    assert texts == ["Plain text report.", "Row text.", "Shelling was reported."]


def test_missing_path_is_an_error_not_a_crash(tmp_path):
    (result,) = list(iter_inputs([tmp_path / "nope.txt"]))
    assert isinstance(result, InputError)
    assert "check the path" in result.message
