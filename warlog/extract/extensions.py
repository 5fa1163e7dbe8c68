"""The ``doc._`` attributes warlog components write, registered in one place.

Components write schema records (each with evidence spans) onto the Doc; the incident assembler reads
them. Keeping the names here means a component and its readers cannot disagree on a spelling.
"""

from __future__ import annotations

from spacy.tokens import Doc

#: attribute name -> default (lists are created per Doc by the getter-free default None)
DOC_ATTRIBUTES: dict[str, object] = {
    "published": None,  # datetime | None, aware; set by the Extractor before the pipeline runs
    "document_id": None,
    "places": None,  # list[schema.Place]
    "times": None,  # list[schema.TimeSpan]
    "casualties": None,  # list[schema.CasualtyMention]
    "weapons": None,  # list[schema.Weapon]
    "actors": None,  # list[schema.Actor]
    "events": None,  # list[schema.EventMention]
    "claims": None,  # list[schema.Claim]
    "caveats": None,  # list[schema.Caveat]
    "reports": None,  # list[schema.Report]
}


def register_extensions() -> None:
    """Idempotently register every warlog ``doc._`` attribute."""
    for name, default in DOC_ATTRIBUTES.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


def get_list(doc: Doc, name: str) -> list:
    """Read a list attribute, treating 'component not run' as empty."""
    value = getattr(doc._, name)
    return value if value is not None else []


register_extensions()
