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
from rich.markup import escape

from warlog import __version__
from warlog.errors import InputError, WarlogError
from warlog.export import ExportFormat
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


def _error(message: str) -> None:
    """Print an error line. The message is escaped: file names and messages are text, not rich markup
    ("warlog[embeddings]" must print as written)."""
    err.print(f"[red]error:[/red] {escape(message)}", highlight=False)


FOCUS_OPTION = typer.Option(
    [], "--focus", help="ISO-2 code of a country the documents are about (e.g. UA), so that a short text "
    "naming one ambiguous village leans toward it; repeat it for several."
)


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
    focus: list[str] = FOCUS_OPTION,
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
        extractor = Extractor(max_chars=max_chars, language=language, focus=focus)
    except WarlogError as exc:
        _error(str(exc))
        raise typer.Exit(2) from exc

    results = _extract_all(extractor, inputs)
    failed = [r for r in results if isinstance(r, ExtractionError)]
    done = [r for r in results if isinstance(r, Extraction)]
    for failure in failed:
        _error(f"{failure.name}: [{failure.code}] {failure.message}")
    _print(done, output_format)
    if failed:
        raise typer.Exit(1)


@gazetteer_app.command("build")
def gazetteer_build(
    force: bool = typer.Option(False, help="Rebuild even if the gazetteer exists."),
) -> None:
    """Build the local gazetteer from the packaged GeoNames data (done automatically on first use)."""
    from warlog.geo import build_gazetteer, default_path

    path = default_path()
    if path.exists() and not force:
        typer.echo(f"gazetteer ready: {path} (use --force to rebuild)")
        return
    try:
        path = build_gazetteer(path)
    except WarlogError as exc:
        _error(str(exc))
        raise typer.Exit(1) from exc
    typer.echo(f"gazetteer built: {path}")


@gazetteer_app.command("import")
def gazetteer_import(
    file: Path = typer.Argument(..., help="A GeoNames dump: allCountries.zip/.txt or a country file."),
) -> None:
    """Add every place of a full GeoNames dump to the local gazetteer."""
    from warlog.geo import import_geonames_dump

    try:
        count = import_geonames_dump(file)
    except WarlogError as exc:
        _error(str(exc))
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
        console = Console() if sys.stdout.isatty() else Console(width=200)  # pipes get full rows
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


# --------------------------------------------------------------------------------------------- store
# Issue 6: ingest into the database, list failures, resolve across documents, export. Thin wrappers over
# warlog.store.runner, warlog.store.repo and warlog.export.

DB_OPTION = typer.Option(
    None, "--db", envvar="WARLOG_DB",
    help="Database URL: sqlite:///FILE or postgresql://user@host/db (default: $WARLOG_HOME/warlog.db or "
    "./warlog.db).",
)


def _open(db: str | None):
    from warlog.store.repo import open_db

    try:
        return open_db(db)
    except WarlogError as exc:
        _error(str(exc))
        raise typer.Exit(2) from exc


@app.command()
def ingest(
    paths: list[Path] = typer.Argument(..., help="Files or folders: .txt, .html, .rss/.atom/.xml feeds, "
                                       ".warc[.gz], .jsonl, .csv."),
    db: str | None = DB_OPTION,
    column: list[str] = typer.Option([], "--map", help="JSONL/CSV column mapping FIELD=COLUMN (text, title, "
                                     "url, published, source); repeat it."),
    max_chars: int = typer.Option(MAX_CHARS, help="Reject documents longer than this many characters."),
    language: str | None = typer.Option(None, help="Skip language detection by declaring it (only 'en')."),
    resolve: bool = typer.Option(True, "--resolve/--no-resolve", help="Merge new reports into incidents."),
    workers: int | None = typer.Option(None, "--workers", min=1, help="Extract on a local Dask cluster of N "
                                       "worker processes (one model each); see docs/scale.md."),
    scheduler: str | None = typer.Option(None, "--scheduler", help="Extract on an existing Dask cluster, "
                                         "e.g. tcp://host:8786 (workers need warlog installed)."),
    memory_limit: str = typer.Option("2GiB", "--memory-limit", help="Memory limit per local Dask worker."),
    focus: list[str] = FOCUS_OPTION,
) -> None:
    """Extract every document under PATHS into the database; re-ingesting is a no-op."""
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from warlog.ingest.tabular import parse_mapping
    from warlog.store.runner import ingest as run_ingest

    try:
        mapping = parse_mapping(column)
    except WarlogError as exc:
        _error(str(exc))
        raise typer.Exit(2) from exc
    store = _open(db)
    columns = (SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
               TextColumn("{task.fields[rate]:.1f} documents/s"))
    with Progress(*columns, console=err, transient=False) as bar:
        task = bar.add_task("ingesting", rate=0.0)

        def show(summary) -> None:
            bar.update(task, rate=summary.docs_per_s, description=(
                f"{summary.seen} seen, {summary.added} added, {summary.skipped} already stored, "
                f"{summary.failed} failed"))

        try:
            if workers is not None or scheduler is not None:
                from warlog.scale import ingest_on_cluster

                if workers is not None and scheduler is not None:
                    _error("pass --workers or --scheduler, not both")
                    raise typer.Exit(2)
                summary = ingest_on_cluster(paths, store, workers=workers, scheduler=scheduler,
                                            memory_limit=memory_limit, mapping=mapping, max_chars=max_chars,
                                            language=language, focus=focus, resolve=resolve, progress=show)
            else:
                summary = run_ingest(paths, store, mapping=mapping, max_chars=max_chars, language=language,
                                     focus=focus, resolve=resolve, progress=show)
        except WarlogError as exc:
            _error(str(exc))
            raise typer.Exit(2) from exc
        show(summary)
    for failure in summary.errors:
        _error(f"{failure.name}: [{failure.code}] {failure.message}")
    typer.echo(f"{summary.added} documents added ({summary.reports} reports), {summary.skipped} already "
               f"stored, {summary.failed} failed; {summary.incidents} incidents created or updated")
    if summary.failed:
        raise typer.Exit(1)


@app.command("errors")
def errors_command(db: str | None = DB_OPTION) -> None:
    """List the documents that failed to ingest, with their error."""
    for failure in _open(db).errors():
        typer.echo(f"{failure.name}\t{failure.code}\t{failure.message}")


@app.command("resolve")
def resolve_command(
    db: str | None = DB_OPTION,
    embeddings: bool = typer.Option(
        False, "--embeddings", help="Also compare MiniLM sentence vectors (`pip install warlog[embeddings]`)."
    ),
) -> None:
    """Merge the reports not yet in an incident into incidents (new or existing)."""
    from warlog.store.runner import resolve_store

    try:
        changed = resolve_store(_open(db), embeddings=embeddings)
    except WarlogError as exc:
        _error(str(exc))
        raise typer.Exit(2) from exc
    typer.echo(f"{len(changed)} incidents created or updated")


@app.command("export")
def export_command(
    output: Path = typer.Argument(..., help="The file to write."),
    export_format: ExportFormat = typer.Option(ExportFormat.acled_csv, "--format", "-f", help="Format."),
    db: str | None = DB_OPTION,
    start: str | None = typer.Option(None, "--from", help="Only incidents on or after this date (ISO 8601)."),
    end: str | None = typer.Option(None, "--to", help="Only incidents on or before this date (ISO 8601)."),
    bbox: str | None = typer.Option(None, help="min_lon,min_lat,max_lon,max_lat"),
    country: list[str] = typer.Option([], help="ISO 3166-1 alpha-2 code; repeat for several."),
    event_type: list[str] = typer.Option([], "--type", help="ACLED event type; repeat for several."),
    grading: list[str] = typer.Option([], help="Confirmed, Fair, Weak, Contested, Discounted; repeatable."),
) -> None:
    """Write incidents as ACLED-compatible CSV, GeoJSON, Parquet or JSONL."""
    from warlog.export import export_incidents
    from warlog.export.filters import build_query

    try:
        query = build_query(start=start, end=end, bbox=bbox, countries=country, event_types=event_type,
                            gradings=grading)
        count = export_incidents(_open(db), export_format.value, output, query)
    except WarlogError as exc:
        _error(str(exc))
        raise typer.Exit(2) from exc
    typer.echo(f"{count} incidents written to {output}")


# --------------------------------------------------------------------------------------------- serve
# Issue 7 (API half): the API server, its tokens and the reviewer's commands. Thin wrappers over
# warlog.api.app, warlog.store.tokens and warlog.store.review.

token_app = typer.Typer(help="Create, list and revoke API tokens (writes need one).", no_args_is_help=True)
app.add_typer(token_app, name="token")


class ReadAuth(StrEnum):
    public = "public"
    token = "token"


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", help="Address to listen on (0.0.0.0 exposes it to the network)."),
    port: int = typer.Option(8000, help="Port to listen on."),
    db: str | None = DB_OPTION,
    read_auth: ReadAuth | None = typer.Option(
        None, "--read-auth", help="public: anyone may read; token: reads need a token too "
        "(default: $WARLOG_API_READ or public)."),
) -> None:
    """Serve the JSON API (/api, OpenAPI at /docs) and the web UI."""
    import uvicorn

    from warlog.api.app import create_app
    from warlog.api.settings import ApiSettings

    try:
        settings = ApiSettings.from_env(read_auth=read_auth.value if read_auth else None)
        application = create_app(settings=settings, store=_open(db))
    except WarlogError as exc:
        _error(str(exc))
        raise typer.Exit(2) from exc
    uvicorn.run(application, host=host, port=port)


@token_app.command("create")
def token_create(name: str = typer.Argument(..., help="Who holds it: the reviewer name in the audit log."),
                 db: str | None = DB_OPTION) -> None:
    """Create a token and print it once (only its hash is stored)."""
    from warlog.store.tokens import create_token

    try:
        token = create_token(_open(db), name)
    except WarlogError as exc:
        _error(str(exc))
        raise typer.Exit(2) from exc
    err.print(f"token for {escape(name)} (shown once; keep it secret):", highlight=False)
    typer.echo(token)


@token_app.command("list")
def token_list(db: str | None = DB_OPTION) -> None:
    """List token names, when each was created and whether it is revoked."""
    from warlog.store.tokens import list_tokens

    for info in list_tokens(_open(db)):
        state = f"revoked {info.revoked:%Y-%m-%d %H:%M}" if info.revoked else "active"
        typer.echo(f"{info.name}\t{info.created:%Y-%m-%d %H:%M}\t{state}")


@token_app.command("revoke")
def token_revoke(
    name: str = typer.Argument(..., help="The token's name."), db: str | None = DB_OPTION
) -> None:
    """Revoke a token: requests with it get 403 from then on."""
    from warlog.store.tokens import revoke_token

    try:
        revoke_token(_open(db), name)
    except WarlogError as exc:
        _error(str(exc))
        raise typer.Exit(2) from exc
    typer.echo(f"revoked the token of {name}")


@app.command("review")
def review_command(
    incident: str = typer.Argument(..., help="An incident id, or 'queue' to list what awaits review."),
    accept: bool = typer.Option(False, "--accept", help="Mark it reviewed as it stands."),
    discount: bool = typer.Option(False, "--discount", help="Grade it Discounted."),
    assignments: list[str] = typer.Option([], "--set", help="Correct a field: FIELD=VALUE (killed_low=3, "
                                          "place_name=..., lat=..., time_start=2022-07-04); repeat it."),
    merge_into: str | None = typer.Option(None, "--merge-into", help="Merge it into this incident."),
    split: list[str] = typer.Option([], "--split", help="Move this report (DOCUMENT_ID:N) to a new "
                                    "incident; repeat it."),
    reviewer: str | None = typer.Option(None, "--as", help="Your name, written to the audit log."),
    note: str | None = typer.Option(None, help="Why, for the audit log."),
    limit: int = typer.Option(20, help="With 'queue': how many to list."),
    db: str | None = DB_OPTION,
) -> None:
    """Review an incident (accept, correct, discount, merge, split), or `warlog review queue` to list."""
    from warlog.store import review as ops

    store = _open(db)
    if incident == "queue":
        _print_queue(store, limit)
        return
    actions = sum([accept, discount, bool(assignments), merge_into is not None, bool(split)])
    if actions != 1 or not reviewer:
        err.print("[red]error:[/red] give exactly one of --accept, --discount, --set, --merge-into, --split "
                  "and your name with --as", highlight=False)
        raise typer.Exit(2)
    try:
        if accept:
            ops.accept(store, incident, actor=reviewer, note=note)
        elif discount:
            ops.discount(store, incident, actor=reviewer, note=note)
        elif assignments:
            ops.correct(store, incident, ops.parse_assignments(assignments), actor=reviewer, note=note)
        elif merge_into is not None:
            incident = ops.merge(store, incident, merge_into, actor=reviewer, note=note)
        else:
            new = ops.split(store, incident, split, actor=reviewer, note=note)
            typer.echo(f"{incident} reviewed by {reviewer}: {len(split)} report(s) split into {new}")
            return
    except WarlogError as exc:
        _error(str(exc))
        raise typer.Exit(2) from exc
    typer.echo(f"{incident} reviewed by {reviewer}")


def _print_queue(store, limit: int) -> None:
    from rich.table import Table

    from warlog.store.queries import review_queue

    page = review_queue(store, limit=limit)
    table = Table(title=f"review queue: {page.total} incidents")
    for column in ("id", "status", "date", "type", "place", "killed", "sources", "grading"):
        table.add_column(column)
    for item in page.items:
        killed = item["killed"]
        table.add_row(
            item["id"], item["review_status"],
            item["time_start"].date().isoformat() if item["time_start"] else "",
            item["sub_event_type"] or item["event_type"] or "",
            (item["place"] or {}).get("name") or "",
            "" if killed["low"] is None and killed["best"] is None else str(
                killed["low"] if killed["low"] is not None else killed["best"]),
            str(item["number_of_sources"]), item["grading"] or "",
        )
    (Console() if sys.stdout.isatty() else Console(width=200)).print(table)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
