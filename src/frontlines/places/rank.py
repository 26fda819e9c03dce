"""The ranker: a linear score over named features, its weights and cut-offs in a data file.

`places/data/ranker.json` holds the feature names, one weight each and the
cut-offs of resolution.  The highest-scoring entry wins; its confidence is the
softmax of its score against the runner-up's.  "None of them" is an explicit
outcome (see `resolve.choose`): the name is then left a site, or nothing.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from frontlines.errors import FrontlinesError
from frontlines.places.features import Context, features, siblings
from frontlines.places.find import Candidate
from frontlines.places.gazetteer import Entry
from frontlines.places.names import name_key

CUTOFFS = ("near_km", "far_km", "bare_name_min_country", "loose_min_country", "focus_min_country",
           "focus_min_confidence", "well_known_population", "lone_margin", "loose_confidence",
           "site_confidence", "min_skeleton", "skeleton_similarity", "far_min_population",
           "world_city_population", "stray_alternate_max_population", "home_near_km",
           "home_min_population", "home_max_ratio", "stray_far_km", "stray_exempt_population",
           "unclued_min_sure")


@dataclass(frozen=True)
class LinearRanker:
    """Weights for each named feature, and the cut-offs resolution uses."""

    weights: dict[str, float]
    cutoffs: dict[str, float]
    meta: dict

    @classmethod
    def from_text(cls, text: str, source: str) -> LinearRanker:
        """A ranker from the JSON text of a ranker file; errors name the file and what is wrong."""
        try:
            raw = json.loads(text)
        except json.JSONDecodeError as exc:
            raise FrontlinesError(f"{source}: not valid JSON ({exc})")
        names, weights, cutoffs = raw.get("features", []), raw.get("weights", {}), raw.get("cutoffs", {})
        if set(names) != set(weights):
            raise FrontlinesError(f"{source}: 'features' and 'weights' must name the same features "
                                  f"(differ on {sorted(set(names) ^ set(weights))})")
        missing = [k for k in CUTOFFS if k not in cutoffs]
        if missing:
            raise FrontlinesError(f"{source}: 'cutoffs' lacks {missing}; see places/data/ranker.json")
        return cls({k: float(v) for k, v in weights.items()}, {k: float(v) for k, v in cutoffs.items()},
                   raw.get("meta", {}))

    def score(self, feats: dict[str, float]) -> float:
        """The linear score of one entry's features."""
        return sum(self.weights.get(k, 0.0) * v for k, v in feats.items())

    def rank(self, c: Candidate, ctx: Context) -> list[tuple[float, Entry]]:
        """The candidate's entries, best first (ties broken by gazetteer order).  Kept in
        `ctx.ranked` for the next mention of the name with the same clues (`features` reads
        nothing else of a candidate)."""
        key = (name_key(c.span.text), c.want, c.qualifier, c.loose, tuple(e.row for e in c.entries))
        if key not in ctx.ranked:
            sibs = siblings(c)
            scored = [(self.score(features(c, e, ctx, sibs)), e) for e in c.entries]
            ctx.ranked[key] = sorted(scored, key=lambda t: (-t[0], t[1].row))
        return list(ctx.ranked[key])

    def confidence(self, scored: list[tuple[float, Entry]], loose: bool) -> float:
        """The winner's softmax probability against the runner-up (a lone entry: `lone_margin`)."""
        margin = scored[0][0] - scored[1][0] if len(scored) > 1 else self.cutoffs["lone_margin"]
        return 1.0 / (1.0 + math.exp(-margin)) * (self.cutoffs["loose_confidence"] if loose else 1.0)


@lru_cache(maxsize=4)
def load_ranker(path: Path | None = None) -> LinearRanker:
    """The shipped ranker (places/data/ranker.json), or one from `path`."""
    if path is not None:
        return LinearRanker.from_text(path.read_text("utf-8"), str(path))
    text = resources.files("frontlines.places").joinpath("data/ranker.json").read_text("utf-8")
    return LinearRanker.from_text(text, "places/data/ranker.json")
