"""The shape every warlog pipeline component shares (after spaCy's SpanRuler).

``__call__`` only runs ``match(doc)`` (pure: returns schema records) then ``set_annotations(doc, found)``
(writes them to ``doc._.<attr>``), so finding can be tested apart from writing.
"""

from __future__ import annotations

from typing import Any, ClassVar

from spacy.language import Language
from spacy.tokens import Doc


class Component:
    """Base class: subclasses set ``attr`` and implement ``match``."""

    attr: ClassVar[str]

    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp = nlp
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> list[Any]:  # pragma: no cover - abstract
        raise NotImplementedError

    def set_annotations(self, doc: Doc, found: list[Any]) -> None:
        setattr(doc._, self.attr, found)
