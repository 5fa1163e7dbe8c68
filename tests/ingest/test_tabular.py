from __future__ import annotations

import pytest

from warlog.errors import EmptyInput, InputError
from warlog.ingest.reader import DocumentInput
from warlog.ingest.tabular import parse_mapping, read_csv, read_jsonl


def test_jsonl_finds_common_column_names(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(
        '{"content": "Clashes near the river.", "dct": "2022-07-04", "uri": "http://t/1"}\n\n',
        encoding="utf-8",
    )
    (doc,) = list(read_jsonl(path))
    assert (doc.text, doc.published, doc.url, doc.name) == (
        "Clashes near the river.",
        "2022-07-04",
        "http://t/1",
        f"{path}:1",
    )


def test_mapping_wins_over_common_names(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text('{"text": "summary only", "full": "The full article text."}\n', encoding="utf-8")
    (doc,) = list(read_jsonl(path, {"text": "full"}))
    assert doc.text == "The full article text."


def test_bad_lines_are_errors_and_the_file_goes_on(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text('not json\n[1, 2]\n{"text": ""}\n{"text": "Fine."}\n', encoding="utf-8")
    results = list(read_jsonl(path))
    assert [type(r) for r in results] == [InputError, InputError, EmptyInput, DocumentInput]
    assert results[0].source == f"{path}:1"


def test_csv_rows_with_header_and_line_numbers(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text(
        'headline,body,date\n"Strike","A strike hit, then another.",2022-07-04\n', encoding="utf-8"
    )
    (doc,) = list(read_csv(path))
    assert (doc.title, doc.text, doc.published, doc.name) == (
        "Strike",
        "A strike hit, then another.",
        "2022-07-04",
        f"{path}:2",
    )


def test_parse_mapping_rejects_unknown_fields():
    assert parse_mapping(["text=body", "published=dct"]) == {"text": "body", "published": "dct"}
    with pytest.raises(InputError, match="FIELD=COLUMN"):
        parse_mapping(["author=byline"])
