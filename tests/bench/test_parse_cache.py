"""The opt-in parse cache must change how fast a harness runs, never what it measures."""

from __future__ import annotations

from bench.parse_cache import ENV, pipe
from warlog.extract.extensions import get_list
from warlog.extract.pipeline import load_pipeline
from warlog.ingest.dates import parse_published

TEXTS = [
    "KHARKIV — Two people were killed and five injured when a missile hit a school on Sunday, "
    "the governor said.",
    "Officials said three soldiers died near Bakhmut.\n\nThe army denied the report.",
]


def _summary(docs) -> list[tuple]:
    return [
        (
            [(t.text, t.dep_, t.ent_type_, t.is_sent_start) for t in doc],
            [(c.stance, c.claimant) for c in get_list(doc, "claims")],
            [(p.name, p.where_prec) for p in get_list(doc, "places")],
            str(doc._.published),
        )
        for doc in docs
    ]


def _docs(nlp):
    docs = []
    for text in TEXTS:
        doc = nlp.make_doc(text)
        doc._.published = parse_published("2023-05-14")
        docs.append(doc)
    return docs


def test_cached_parse_gives_the_same_annotations(tmp_path, monkeypatch):
    nlp = load_pipeline(("warlog_places", "warlog_claims"))
    fresh = _summary(nlp.pipe(_docs(nlp)))
    monkeypatch.setenv(ENV, str(tmp_path))
    filling = _summary(pipe(nlp, _docs(nlp)))
    assert len(list(tmp_path.rglob("*.bin"))) == len(TEXTS)
    from_cache = _summary(pipe(nlp, _docs(nlp)))
    assert fresh == filling == from_cache


def test_without_the_variable_nothing_is_written(tmp_path, monkeypatch):
    monkeypatch.delenv(ENV, raising=False)
    monkeypatch.chdir(tmp_path)
    nlp = load_pipeline(("warlog_places",))
    assert len(list(pipe(nlp, TEXTS))) == len(TEXTS)
    assert not any(tmp_path.iterdir())
