"""Frozen pydantic models of one CAMEO code and its PLOVER mapping."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

__all__ = ["PloverMapping", "CameoCode"]

class PloverMapping(BaseModel):
    """Where a CAMEO code lands in PLOVER (event, mode, context) and PLOVER's -10..+10 score."""

    model_config = ConfigDict(frozen=True)

    event: str
    mode: str | None = None
    context: str | None = None
    score: float


class CameoCode(BaseModel):
    """One CAMEO event code with its position on the cooperation-conflict scale.

    >>> import tension as tn
    >>> c = tn.cameo("1823")
    >>> (c.code, c.name, c.root, c.parent, c.goldstein, c.quad_class)
    ('1823', 'Kill by physical assault', '18', '182', -10.0, 4)
    """

    model_config = ConfigDict(frozen=True)

    code: str
    name: str
    level: int
    root: str
    root_name: str
    parent: str | None
    goldstein: float
    quad_class: int
    scale: str
    scheme: str
    plover: PloverMapping | None = None
    fallback_from: str | None = None
