"""The merge model: how much each pair feature counts, as data (``warlog/data/merge_weights.yaml``).

Why a fitted logistic combination rather than hand-set weights: extracted places, dates and counts are noisy
in ways that are hard to guess (a misread "Monday", a town geocoded to another state), and hand weights
over-trusted them (GVA B³ F1 87.7 with extraction against 91.1 for text alone). A logistic regression over
the same readable features learns how far each one can be trusted from labelled pairs, and stays
explainable: the score is ``bias + Σ weight × feature``, the log-odds that two reports tell one incident.

The weights are fitted by ``python -m bench.merge --fit FILE`` on the *train* half of the GVA development
corpus only (gold groups whose SHA-1 first byte is even), never on the half that is scored, and shipped
as data so that a user can refit them on their own coded reports without touching Python.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from operator import mul

from warlog.data import load_yaml
from warlog.errors import LexiconError

WEIGHTS_FILE = "merge_weights.yaml"
#: The model fitted with the optional sentence embeddings (``Resolver(embeddings=True)``).
EMBEDDINGS_WEIGHTS_FILE = "merge_weights_embeddings.yaml"

#: The pair features, in the order ``scoring.pair_features`` returns them. Each is 0 when a report does
#: not state what it needs, so an unstated field adds nothing to the score.
FEATURES = (
    "text",  # TF-IDF cosine of the two texts (names boosted)
    "names",  # cosine over capitalised names only (victims, streets, towns)
    "place",  # place agreement - 0.5 (1 same place … 0 far apart)
    "place_veto",  # 1 when two precise places are far apart or in different countries
    "time",  # time agreement - 0.5
    "time_veto",  # 1 when two day-precise dates are more than a week apart
    "family_veto",  # 1 when the event families (violence, demonstrations, strategic) differ
    "casualties",  # agreement of killed/injured counts - 0.5
    "actors",  # Jaccard of actor entities - 0.5
    "weapons",  # Jaccard of weapon names - 0.5
    "published_gap",  # log(1 + days between publications) / log(366), capped at 1
    "text_x_gap",  # text × published_gap: follow-up news weeks later needs its wording to agree
    "same_publisher",  # 1 when both come from one publisher (a site's boilerplate is shared wording)
    "text_x_same_publisher",  # text × same_publisher
    "embedding",  # cosine of MiniLM sentence vectors (0 unless resolving with embeddings)
)


@dataclass(frozen=True)
class MergeModel:
    """Weights of the log-odds score and the two decision levels the resolver uses."""

    weights: tuple[float, ...]
    bias: float
    threshold: float  # join the best incident scoring at least this
    bridge: float  # a report scoring at least this with two incidents merges them
    fitted_on: str = ""

    def score(self, values: tuple[float, ...]) -> float:
        return self.bias + sum(map(mul, self.weights, values))  # the resolver's innermost call: no genexpr

    def named(self) -> dict[str, float]:
        return dict(zip(FEATURES, self.weights, strict=True))


@cache
def load_model(name: str = WEIGHTS_FILE) -> MergeModel:
    """A shipped merge model (``warlog/data/<name>``), validated."""
    return model_from(load_yaml(name), name)


def model_from(data: object, name: str = "merge model") -> MergeModel:
    """Validate a merge model read from YAML: every feature weighted, numbers only."""
    if not isinstance(data, dict):
        raise LexiconError(f"{name}: expected a mapping with weights, bias, threshold, bridge; fix the file")
    for key in ("weights", "bias", "threshold", "bridge"):
        if key not in data:
            raise LexiconError(f"{name}: '{key}' is missing; refit with `python -m bench.merge --fit`")
    weights = data["weights"]
    missing = [f for f in FEATURES if f not in (weights or {})]
    unknown = [f for f in weights or {} if f not in FEATURES]
    if missing or unknown:
        raise LexiconError(
            f"{name}: weights must name exactly {', '.join(FEATURES)}; "
            f"missing {missing or 'none'}, unknown {unknown or 'none'}"
        )
    try:
        return MergeModel(
            weights=tuple(float(weights[f]) for f in FEATURES),
            bias=float(data["bias"]),
            threshold=float(data["threshold"]),
            bridge=float(data["bridge"]),
            fitted_on=str(data.get("fitted_on", "")),
        )
    except (TypeError, ValueError) as exc:
        raise LexiconError(f"{name}: weights, bias, threshold and bridge must be numbers ({exc})") from exc
