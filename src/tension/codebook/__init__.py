"""The CAMEO event codebook: names, Goldstein scores, QuadClass and PLOVER for every code.

CAMEO codes are strings. ``"010"`` (Make statement) and ``"10"`` (the root Demand) are
different codes, so an int or a float is never accepted: read code columns as text.

>>> import tension as tn
>>> tn.goldstein("190")                     # Use conventional military force
-10.0
>>> tn.goldstein("016", scale="icews")      # the ICEWS table differs at 016, 022, 164, 165
-5.0
>>> tn.quad_class("173"), tn.quad_class("173", scheme="icews")
(4, 4)
>>> tn.cameo("1056").parent
'105'

Scales (``scale=``): ``"gdelt"`` (default, GDELT's GoldsteinScale table), ``"icews"``
(ICEWS intensity table) and ``"phoenix"`` (the Phoenix pipeline's table).
QuadClass schemes (``scheme=``): ``"gdelt"`` (roots 01-05 -> 1, 06-09 -> 2, 10-14 -> 3,
15-20 -> 4), ``"icews"`` (01-05, 06-08, 09-13, 14-20), ``"phoenix"`` (0 for 01-02, then as
the Phoenix pipeline, which puts 16 in 3) and ``"penta"`` (PentaClass: 0 for 01-02, then as
icews). Provenance of every table is in ``data/codebook/README.md``.
"""

from .lookup import cameo, check_code, codebook, goldstein, penta_class, plover_score, quad_class
from .models import CameoCode, PloverMapping
from .tables import (PLOVER_ALIASES, SCALES, SCHEMES, Scale, Scheme, check_scale, check_scheme, events_table,
                     plover_scores, quad_table)
from .vectorised import lookup_codes, score_arrays, score_positions

__all__ = [
    "SCALES",
    "SCHEMES",
    "Scale",
    "Scheme",
    "CameoCode",
    "PloverMapping",
    "cameo",
    "goldstein",
    "quad_class",
    "penta_class",
    "codebook",
    "plover_score",
    "check_code",
    "lookup_codes",
    "score_positions",
    "score_arrays",
    "events_table",
    "quad_table",
    "plover_scores",
    "check_scale",
    "check_scheme",
    "PLOVER_ALIASES",
]
