"""The ``warlog`` command line: thin wrappers over library calls.

Library errors (``WarlogError``) become messages and exit codes here and nowhere else:
0 all documents processed, 1 some documents failed (the others are still printed), 2 bad usage.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path

import typer
from rich.console import Console

from warlog import __version__
from warlog.errors import InputError, WarlogError
from warlog.extract.pipeline import Extractor
from warlog.ingest.reader import DocumentInput, read_bytes, read_path
from warlog.ingest.validate import MAX_CHARS
from warlog.render import render_extraction_table
from warlog.schema import Extraction, ExtractionError

app = typer.Typer(
    help="warlog: conflict reporting in, structured source-attributed incident records out.",
    no_args_is_help=True,
    add_completion=False,
)
gazetteer_app = typer.Typer(help="Build or extend the local GeoNames gazetteer.", no_args_is_help=True)
app.add_typer(gazetteer_app, name="gazetteer")

err = Console(stderr=True, soft_wrap=True)


class OutputFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"
    table = "table"


@app.command()
def extract(
    files: list[str] = typer.Argument(..., help="Text or HTML files; '-' reads standard input."),
    published: str | None = typer.Option(
        None, help="Publication date/time (ISO 8601), the anchor for 'overnight', 'in April'..."
    ),
    source: str | None = typer.Option(None, help="Publisher or source name."),
    url: str | None = typer.Option(None, help="URL of the article."),
    title: str | None = typer.Option(None, help="Title of the article."),
    output_format: OutputFormat = typer.Option(OutputFormat.json, "--format", "-f", help="Output format."),
    html: bool | None = typer.Option(None, "--html/--text", help="Force HTML or text."),
    max_chars: int = typer.Option(MAX_CHARS, help="Reject documents longer than this many characters."),
    language: str | None = typer.Option(None, help="Skip language detection by declaring it (only 'en')."),
) -> None:
    """Print the incidents each report describes, every field with its evidence spans."""
    meta = {"published": published, "source": source, "url": url, "title": title}
    inputs: list[DocumentInput | ExtractionError] = []
    for name in files:
        try:
            if name == "-":
                data = sys.stdin.buffer.read()
                inputs.append(read_bytes(data, name="<stdin>", html=html, max_chars=max_chars, **meta))
            else:
                path = Path(name)
                if html is not None:
                    inputs.append(read_bytes(_read(path), name=name, html=html, max_chars=max_chars, **meta))
                else:
                    inputs.append(read_path(path, max_chars=max_chars, **meta))
        except InputError as exc:
            inputs.append(ExtractionError(name=name, code=exc.code, message=exc.message))

    try:
        extractor = Extractor(max_chars=max_chars, language=language)
    except WarlogError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc

    results = _extract_all(extractor, inputs)
    failed = [r for r in results if isinstance(r, ExtractionError)]
    done = [r for r in results if isinstance(r, Extraction)]
    for failure in failed:
        err.print(f"[red]error:[/red] {failure.name}: [{failure.code}] {failure.message}", highlight=False)
    _print(done, output_format)
    if failed:
        raise typer.Exit(1)


@gazetteer_app.command("build")
def gazetteer_build(
    force: bool = typer.Option(False, help="Rebuild even if the gazetteer exists."),
) -> None:
    """Build the local gazetteer from the packaged GeoNames data (done automatically on first use)."""
    from warlog.geo import gazetteer

    try:
        path = gazetteer.build_default(force=force)
    except WarlogError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(1) from exc
    typer.echo(f"gazetteer ready: {path}")


@gazetteer_app.command("import")
def gazetteer_import(
    file: Path = typer.Argument(..., help="A GeoNames dump: allCountries.zip/.txt or a country file."),
) -> None:
    """Add every place of a full GeoNames dump to the local gazetteer."""
    from warlog.geo import dump

    try:
        count = dump.import_geonames_dump(file)
    except WarlogError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(1) from exc
    typer.echo(f"imported {count:,} places from {file}")


@app.command()
def version() -> None:
    """Print the warlog version."""
    typer.echo(__version__)


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read the file ({exc.strerror}); check the path", source=str(path)) from exc


def _extract_all(
    extractor: Extractor, inputs: list[DocumentInput | ExtractionError]
) -> list[Extraction | ExtractionError]:
    good = [i for i in inputs if isinstance(i, DocumentInput)]
    produced = iter(extractor.extract_many(good))
    return [i if isinstance(i, ExtractionError) else next(produced) for i in inputs]


def _print(results: list[Extraction], output_format: OutputFormat) -> None:
    if output_format is OutputFormat.table:
        console = Console()
        for result in results:
            render_extraction_table(result, console)
        return
    dumps = [r.model_dump(mode="json") for r in results]
    if output_format is OutputFormat.jsonl:
        for item in dumps:
            sys.stdout.write(json.dumps(item, ensure_ascii=False) + "\n")
    elif dumps:
        payload = dumps[0] if len(dumps) == 1 else dumps
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
