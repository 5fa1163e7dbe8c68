"""An opt-in cache of the statistical model's parses, so error analysis re-runs only warlog's components.

The spaCy model takes about 85 % of the pipeline's time and its output never changes while one tunes
warlog's rules; re-parsing 3,000 articles for every try makes each iteration minutes long on a small
machine. With ``WARLOG_PARSE_CACHE=DIR`` set, ``pipe`` keeps each text's parse (everything up to the last
model component, ``warlog_paragraphs`` included) in ``DIR`` and later runs load it instead of parsing.

Off by default: the figures a harness reports never depend on a cache, and a held-back run parses fresh.
The cache key covers the model's name and version, the model part of the pipeline and the source of the
paragraph splitter (which runs before the parser), so a change to any of them starts a new cache.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

ENV = "WARLOG_PARSE_CACHE"


def pipe(nlp: Language, items: Iterable[str | Doc], batch_size: int = 32) -> Iterator[Doc]:
    """``nlp.pipe(items)``, with the model part of each parse cached when ``WARLOG_PARSE_CACHE`` is set."""
    folder = os.environ.get(ENV)
    if not folder:
        yield from nlp.pipe(items, batch_size=batch_size)
        return
    model_names, warlog_procs = _split(nlp)
    root = Path(folder) / _model_key(nlp, model_names)
    root.mkdir(parents=True, exist_ok=True)
    stream = iter(items)
    while chunk := list(islice(stream, batch_size)):
        docs = [item if isinstance(item, Doc) else nlp.make_doc(item) for item in chunk]
        parsed = _parsed(nlp, docs, model_names, root)
        for doc in parsed:
            for proc in warlog_procs:
                doc = proc(doc)
            yield doc


def _split(nlp: Language) -> tuple[list[str], list]:
    """The model's component names (through the last non-warlog one) and warlog's components after it."""
    names = nlp.pipe_names
    last_model = max(i for i, name in enumerate(names) if not name.startswith("warlog_"))
    return names[: last_model + 1], [proc for _, proc in nlp.pipeline[last_model + 1 :]]


def _model_key(nlp: Language, model_names: list[str]) -> str:
    from warlog.extract import paragraphs

    digest = hashlib.sha1()
    digest.update(f"{nlp.meta.get('name')}-{nlp.meta.get('version')}|{','.join(model_names)}".encode())
    digest.update(Path(paragraphs.__file__).read_bytes())
    return digest.hexdigest()[:16]


def _parsed(nlp: Language, docs: list[Doc], model_names: list[str], root: Path) -> list[Doc]:
    """Each doc parsed by the model part, from the cache where present; input user data is kept."""
    paths = [root / f"{hashlib.sha1(doc.text.encode()).hexdigest()}.bin" for doc in docs]
    out: list[Doc | None] = []
    missing: list[int] = []
    for i, (doc, path) in enumerate(zip(docs, paths, strict=True)):
        if path.exists():
            cached = Doc(nlp.vocab).from_bytes(path.read_bytes())
            cached.user_data.update(doc.user_data)
            out.append(cached)
        else:
            out.append(None)
            missing.append(i)
    if missing:
        with nlp.select_pipes(enable=model_names):
            fresh = list(nlp.pipe((docs[i] for i in missing), batch_size=len(missing)))
        for i, doc in zip(missing, fresh, strict=True):
            tmp = paths[i].with_suffix(f".{os.getpid()}.tmp")
            tmp.write_bytes(doc.to_bytes(exclude=["user_data", "tensor"]))
            tmp.replace(paths[i])  # atomic: two harnesses may fill the same cache at once
            out[i] = doc
    return out  # type: ignore[return-value]
