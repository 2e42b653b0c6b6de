"""The bundled verb dictionary: coverage of CAMEO, valid codes, provenance, loader errors."""

from __future__ import annotations

import csv

import pytest

import tension as tn
from tension._resources import data_path
from tension.coding.frames import FrameTable
from tension.coding.verbs import VerbDictionary

FOLDER = data_path("dictionaries", "verbs")


def reachable_codes() -> set[str]:
    """Codes the dictionary can emit: pattern codes, plus what the frames make of them."""
    vd = tn.TextCoder().verbs
    table = FrameTable.bundled()
    direct = vd.codes()
    out = set(direct)
    for frame in ("appeal", "demand", "intent", "threat", "refuse", "accuse", "attempt"):
        for code in direct:
            framed = table.apply(frame, code)
            if framed:
                out.add(framed)
    return out


def test_every_three_digit_cameo_code_is_reachable():
    book = tn.codebook()
    three = set(book.loc[book["level"] == 3, "code"])
    missing = sorted(three - {c[:3] for c in reachable_codes()})
    assert missing == []


def test_every_code_is_in_the_codebook():
    known = set(tn.codebook()["code"])
    assert reachable_codes() <= known
    for row in csv.DictReader(open(FOLDER / "frame_codes.csv", encoding="utf-8")):
        assert row["to"] in ("", "=") or row["to"] in known, row


def test_many_four_digit_codes_are_covered():
    book = tn.codebook()
    four = set(book.loc[book["level"] == 4, "code"])
    assert len(four & reachable_codes()) >= 80


def test_provenance_readme():
    text = (FOLDER / "README.md").read_text(encoding="utf-8")
    for needed in ("verbs.csv", "classes.csv", "frame_codes.csv", "irregular_verbs.csv", "licen"):
        assert needed in text


def test_unknown_class_is_reported_with_its_line(tmp_path):
    classes = tmp_path / "classes.csv"
    classes.write_text("class,words\ndiplomat,diplomat|envoy\n", encoding="utf-8")
    verbs = tmp_path / "verbs.csv"
    verbs.write_text("id,trigger,pos,after,code,frame,note\n,expel,v,... @diplomat,161,,\n,expel,v,... @refugee,174,,\n", encoding="utf-8")
    with pytest.raises(tn.TensionError, match=r"verbs.csv line 3, field 'after': unknown word class '@refugee'"):
        VerbDictionary.from_csv(verbs, classes)


def test_own_dictionary_plugs_into_the_coder(tmp_path):
    classes = tmp_path / "classes.csv"
    classes.write_text("class,words\nenvoy,envoy|diplomat\n", encoding="utf-8")
    verbs = tmp_path / "verbs.csv"
    verbs.write_text("id,trigger,pos,after,code,frame,note\nkick-envoy,kick,v,out ... @envoy,161,,\n", encoding="utf-8")
    coder = tn.TextCoder(verbs=VerbDictionary.from_csv(verbs, classes, name="mine"))
    events = coder.events("Baku kicked out Iranian envoys.", "2023-04-06")
    assert [(e.source, e.target, e.code, e.rule) for e in events] == [("AZE", "IRNGOV", "161", "mine:kick-envoy")]


def test_wrong_argument_types_are_tension_errors():
    with pytest.raises(tn.TensionError, match="verbs must be a VerbDictionary"):
        tn.TextCoder(verbs="verbs.csv")
    with pytest.raises(tn.TensionError, match="text must be a string"):
        tn.code_text(b"bytes")
    with pytest.raises(tn.TensionError, match="date must be a date"):
        tn.code_text("Iran attacked Iraq.", date="last week")


def test_multiword_alternatives_in_patterns_use_underscores():
    """In ``after``, elements are separated by spaces: a phrase inside an alternative must be
    written with ``_`` ("humanitarian_access|access"), or it splits into two elements."""
    import csv
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "data" / "dictionaries" / "verbs" / "verbs.csv"
    with open(path, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    bad = []
    for r in rows:
        elements = r["after"].split()
        for a, b in zip(elements, elements[1:]):
            alts_a, alts_b = a.split("|"), b.split("|")
            # "x|y z" followed by the same word again ("access|access") or an alternative ending a phrase
            if len(alts_b) > 1 and alts_b[-1] in alts_a + alts_b[:-1]:
                bad.append((r["trigger"], r["after"]))
    assert not bad


def test_allow_access_and_mass_expulsion_patterns():
    from _coding_helpers import triples

    assert triples("Sudan allowed the UN access to Darfur.") == {("SDN", "IGOUNO", "0863")}
    assert triples("Serbia expelled hundreds of thousands of Kosovo Albanians.") == {("SRB", "KSV", "201")}
