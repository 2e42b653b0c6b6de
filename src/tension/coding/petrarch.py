"""Read dictionaries in the TABARI / PETRARCH formats, so users can bring their own.

* **Actors** (``*.actors.txt``, TABARI ``.actors``): an entry is a name (``_`` joins words,
  a trailing ``_`` asks for the exact word; without it the name is a stem, "ARGENTIN"
  matching "Argentina"), then ``+SYNONYM`` lines, then codes — on the name's line or on
  their own — ``[IRN]``, dated ``[AZEGOV 030804-031104]``, ``[AZE >911221]``,
  ``[USRAZE <911018]`` (``YYMMDD`` or ``YYYYMMDD``). ``[---]`` codes nothing.
* **Agents** (``agents.txt``): ``NOUN {PLURALS} [~GOV]`` appends a role to the country
  found next to the noun; ``[NGO~]`` puts it in front. ``!PERSON! = MAN, MEN`` defines a
  substitution used as ``CONGRESS!PERSON!``.
* **Verbs** (PETRARCH ``--- VERB [code] ---`` blocks or TABARI ``VERB [code]`` lines):
  the verbs of a block (irregular forms in ``{...}``), synsets (``&NAME`` then ``+member``
  lines) and patterns ``- words * words [code]``: ``*`` is the verb, words joined by ``_``
  are adjacent, a space allows a gap, ``&SYN`` is a synset, ``$``/``+`` mark source and
  target, ``(..)`` and ``{..}`` are dropped. ``[---]`` blocks an event; ``[a:b]`` keeps ``a``.
* **Discards**: one phrase per line (a leading ``+`` discards the whole story; here the
  sentence).

Codes that are not CAMEO codes (the PETRARCH validation dictionary is "mostly WEIS") raise
an error naming the file and line unless ``unknown_codes="keep"``; kept codes get no
Goldstein score.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from pathlib import Path

from ..errors import TensionError
from .lexicon import ActorLexicon
from .petrarch_verbs import CODE as _CODE
from .petrarch_verbs import dictionary_lines as _lines
from .petrarch_verbs import read_verbs

__all__ = ["read_actors", "read_agents", "read_verbs", "read_discards", "read_petrarch"]



def _date(text: str) -> dt.date:
    text = text.strip()
    if len(text) == 6:
        yy = int(text[:2])
        text = f"{1900 + yy if yy > 30 else 2000 + yy}{text[2:]}"
    return dt.date(int(text[:4]), int(text[4:6]), int(text[6:8]))


def _span(body: str, where: str):
    body = body.strip()
    parts = body.split(None, 1)
    if not parts or parts[0] == "---":
        return None
    code = parts[0].upper()
    if len(parts) == 1:
        return (code, None, None)
    rest = parts[1].replace(" ", "")
    try:
        if rest.startswith(">"):
            return (code, _date(rest[1:]), None)
        if rest.startswith("<"):
            return (code, None, _date(rest[1:]) - dt.timedelta(days=1))
        a, b = rest.split("-")
        return (code, _date(a), _date(b))
    except (ValueError, IndexError):
        raise TensionError(f"{where}: cannot read the date restriction [{body}]; use [CODE >YYMMDD], [CODE <YYMMDD] or [CODE YYMMDD-YYMMDD]") from None


def _phrase(name: str) -> tuple[str, bool]:
    """``"ARNOR_"`` -> (``"ARNOR"``, exact); ``"ARGENTIN"`` -> (``"ARGENTIN"``, stem)."""
    name = name.strip().lstrip("+").strip()
    exact = name.endswith("_") or "_" in name or " " in name
    return name.strip("_").replace("_", " "), exact


def read_actors(paths: Iterable[Path | str] | Path | str, lexicon: ActorLexicon | None = None) -> ActorLexicon:
    """Add the actors of one or more PETRARCH/TABARI actor files to a lexicon."""
    lex = lexicon or ActorLexicon()
    for path in [paths] if isinstance(paths, (str, Path)) else paths:
        names: list[tuple[str, bool]] = []
        spans: list = []

        def flush() -> None:
            if names and spans:
                for name, exact in names:
                    if name:
                        lex.add_actor(name, "actor", spans, case="title", stem=not exact)
        for k, line in _lines(path):
            where = f"{Path(path).name} line {k}"
            stripped = line.strip()
            if stripped.startswith("["):
                for body in _CODE.findall(stripped):
                    s = _span(body, where)
                    if s:
                        spans.append(s)
                continue
            if stripped.startswith("+"):
                names.append(_phrase(_CODE.sub("", stripped)))
                continue
            if line[:1].isspace() and not stripped.startswith("+"):
                continue
            flush()
            names, spans = [_phrase(_CODE.sub("", stripped))], []
            for body in _CODE.findall(stripped):
                s = _span(body, where)
                if s:
                    spans.append(s)
        flush()
    return lex


def read_agents(path: Path | str, lexicon: ActorLexicon | None = None) -> ActorLexicon:
    """Add the role nouns of a PETRARCH agents file to a lexicon."""
    lex = lexicon or ActorLexicon()
    macros: dict[str, list[str]] = {}
    for k, line in _lines(path):
        m = re.match(r"\s*(![A-Z]+!)\s*=\s*(.+)", line)
        if m:
            macros[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        codes = _CODE.findall(line)
        if not codes:
            continue
        code = codes[0].strip()
        head = _CODE.sub("", line)
        head = re.sub(r"\{[^}]*\}", "", head).strip()
        if not head or not code:
            continue
        prefix = code.endswith("~")
        role = code.strip("~").upper()
        variants = [head]
        for macro, words in macros.items():
            if macro in head:
                variants = [v.replace(macro, w) for v in variants for w in words]
        for v in variants:
            lex.add_role(v.replace("_", " ").lower(), role, prefix=prefix)
    return lex


def read_discards(path: Path | str) -> list[str]:
    """Phrases whose sentences are skipped (``_`` joins words; a leading ``+`` is dropped)."""
    return [line.strip().lstrip("+").replace("_", " ").strip() for _, line in _lines(path) if line.strip().lstrip("+").strip()]


def read_petrarch(actors, verbs, agents=None, discards=None, unknown_codes: str = "error"):
    """``(lexicon, verb dictionary, discard phrases, unknown codes)`` from PETRARCH files."""
    if unknown_codes not in ("error", "keep", "drop"):
        raise TensionError(f"unknown_codes must be 'error', 'keep' or 'drop', got {unknown_codes!r}")
    lex = read_actors(actors)
    if agents is not None:
        read_agents(agents, lex)
    vd, unknown = read_verbs(verbs, unknown_codes)
    phrases = read_discards(discards) if discards is not None else []
    return lex, vd, phrases, unknown
