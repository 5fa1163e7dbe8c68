"""`warlog extract` as a user runs it: formats, stdin, HTML, bad input with exit codes and no traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from warlog.cli import app

runner = CliRunner()

REPORT = (
    "Russian missiles struck residential areas of Kharkiv overnight, killing at least three civilians "
    "and wounding five, the regional governor said on Monday."
)


@pytest.fixture()
def report_file(tmp_path: Path) -> Path:
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    return path


def test_json_output_has_document_and_incidents(report_file: Path):
    args = ["extract", str(report_file), "--published", "2022-07-04", "--source", "Wire"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert set(payload) == {"document", "incidents"}
    assert payload["document"]["source"] == "Wire"
    assert payload["document"]["published"].startswith("2022-07-04")
    assert isinstance(payload["incidents"], list)


def test_stdin_and_jsonl_give_one_line_per_document():
    result = runner.invoke(app, ["extract", "-", "--format", "jsonl"], input=REPORT)
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert len(lines) == 1
    assert json.loads(lines[0])["document"]["text"] == REPORT


def test_table_format_escapes_markup_from_the_text(tmp_path: Path):
    path = tmp_path / "t.txt"
    path.write_text("[bold red]Title[/bold red]\n\n" + REPORT, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path), "--format", "table", "--title", "[link=x]T[/link]"])
    assert result.exit_code == 0, result.output
    assert "[link=x]T[/link]" in result.stdout


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", "W101"),
        (b"\x00\x01\x02\x03binary\x00", "W102"),
        ("Ракеты ударили по городу ночью, погибли три человека, сообщил губернатор.".encode(), "W104"),
    ],
)
def test_bad_input_exits_nonzero_with_a_message_and_no_traceback(tmp_path: Path, content: bytes, code: str):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 1
    assert code in result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_oversized_text_is_refused(tmp_path: Path):
    path = tmp_path / "big.txt"
    path.write_text(REPORT * 200, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path), "--max-chars", "1000"])
    assert result.exit_code == 1
    assert "W103" in result.output


def test_one_bad_file_does_not_stop_the_others(tmp_path: Path, report_file: Path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(empty), str(report_file), "--format", "jsonl"])
    assert result.exit_code == 1
    assert len([line for line in result.stdout.splitlines() if line.startswith("{")]) == 1


def test_bad_date_is_reported_not_raised(report_file: Path):
    result = runner.invoke(app, ["extract", str(report_file), "--published", "yesterday-ish"])
    assert result.exit_code == 1
    assert "W105" in result.output


def test_html_with_script_is_reduced_to_text(tmp_path: Path):
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><script>alert('x')</script></head><body><article><p>" + REPORT
        + "</p><p>" + REPORT + "</p></article></body></html>",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 0, result.output
    text = json.loads(result.stdout)["document"]["text"]
    assert "alert" not in text and "Kharkiv" in text


def test_focus_pulls_an_ambiguous_village_to_the_collections_country(tmp_path: Path):
    path = tmp_path / "short.txt"
    path.write_text("Shelling hit Tokmak on Monday, killing two civilians, officials said.", encoding="utf-8")
    args = ["extract", str(path), "--published", "2023-05-02"]
    places = {}
    for focus in ([], ["--focus", "ua"]):
        result = runner.invoke(app, args + focus)
        assert result.exit_code == 0, result.output
        [incident] = json.loads(result.stdout)["incidents"]
        places[tuple(focus)] = incident["place"]
    assert places[("--focus", "ua")]["country"] == "UA"
    assert places[("--focus", "ua")]["admin1"].startswith("Zaporizhzhia")


def test_a_focus_that_is_not_a_country_code_is_refused_with_a_hint(report_file: Path):
    result = runner.invoke(app, ["extract", str(report_file), "--focus", "Ukraine"])
    assert result.exit_code == 2
    assert "ISO-2" in result.stderr
    assert "Traceback" not in result.output


def test_table_dates_an_event_by_its_local_day_as_the_export_does(tmp_path: Path):
    # 1.00 Moscow time on Monday is 22:00 UTC on Sunday: the table must say Monday, as the ACLED row does
    path = tmp_path / "night.txt"
    path.write_text("Drones struck a power substation in Kursk on Monday between 1.00 and 1.30 Moscow time, "
                    "the ministry said.", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path), "--published", "2022-07-05", "--format", "table"])
    assert result.exit_code == 0, result.output
    assert "2022-07-04 (prec 1)" in result.stdout
