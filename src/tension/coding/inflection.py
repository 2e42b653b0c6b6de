"""Verb inflection: every form of a verb is *generated* from its lemma, once.

Regular rules (``ban`` -> ``bans``, ``banned``, ``banning``) plus the table of irregular
verbs in ``data/dictionaries/verbs/irregular_verbs.csv`` (``withdraw`` -> ``withdrew``,
``withdrawn``), so that recognising a verb in text is one dictionary look-up per token.

>>> from tension.coding.inflection import verb_forms
>>> ("banned", "past") in verb_forms("ban"), ("withdrawn", "pp") in verb_forms("withdraw")
(True, True)
>>> sorted(f for f, tag in verb_forms("try") if tag == "s")
['tries']
"""

from __future__ import annotations

import csv
from functools import lru_cache

from .._resources import data_path

__all__ = ["verb_forms", "irregular_verbs"]


@lru_cache(maxsize=1)
def irregular_verbs() -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """``lemma -> (past forms, past participles)`` from the bundled irregular-verb table."""
    table: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
    with open(data_path("dictionaries", "verbs", "irregular_verbs.csv"), encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            table[row["lemma"]] = (tuple(row["past"].split("|")), tuple(row["participle"].split("|")))
    return table


_VOWELS = set("aeiou")


def _doubles(lemma: str) -> bool:
    """Ends consonant-vowel-consonant (ban, plan, stop): the final consonant may double."""
    return (
        len(lemma) >= 3
        and lemma[-1] not in _VOWELS
        and lemma[-1] not in "wxy"
        and lemma[-2] in _VOWELS
        and lemma[-3] not in _VOWELS
    )


def _third_person(lemma: str) -> list[str]:
    if lemma.endswith(("s", "x", "z", "ch", "sh", "o")):
        return [lemma + "es"]
    if lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in _VOWELS:
        return [lemma[:-1] + "ies"]
    return [lemma + "s"]


def _regular_past(lemma: str) -> list[str]:
    if lemma.endswith("e"):
        return [lemma + "d"]
    if lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in _VOWELS:
        return [lemma[:-1] + "ied"]
    forms = [lemma + "ed"]
    if _doubles(lemma):
        forms.append(lemma + lemma[-1] + "ed")
    return forms


def _present_participle(lemma: str) -> list[str]:
    if lemma.endswith("ie"):
        return [lemma[:-2] + "ying"]
    if lemma.endswith("e") and not lemma.endswith(("ee", "ye", "oe")) and len(lemma) > 2:
        return [lemma[:-1] + "ing"]
    forms = [lemma + "ing"]
    if _doubles(lemma):
        forms.append(lemma + lemma[-1] + "ing")
    return forms


@lru_cache(maxsize=20_000)
def verb_forms(lemma: str) -> frozenset[tuple[str, str]]:
    """Every inflected form of a verb with its tag: ``base``, ``s``, ``past``, ``pp``, ``ing``.

    Regular rules may over-generate (``visitted``); harmless, since only forms that occur
    in text are ever looked up.
    """
    lemma = lemma.lower()
    forms = {(lemma, "base")}
    forms.update((f, "s") for f in _third_person(lemma))
    forms.update((f, "ing") for f in _present_participle(lemma))
    irregular = irregular_verbs().get(lemma)
    if irregular:
        forms.update((f, "past") for f in irregular[0])
        forms.update((f, "pp") for f in irregular[1])
    if not irregular or lemma not in ("be", "have", "do", "go", "see", "say", "lie"):
        for f in _regular_past(lemma):  # also "lended", "catched": news text is not always edited
            forms.update({(f, "past"), (f, "pp")})
    return frozenset(forms)
