"""Bring-your-own dictionaries: TABARI / PETRARCH formats through ``TextCoder.from_petrarch``."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

import tension as tn

ACTORS = """\
<!-- a small actor dictionary in the PETRARCH format -->
ARNOR_ [ARN]
+ARNORIAN_
GONDOR_
+MINAS_TIRITH_
\t[GON]
GOLLUM_  # dated codes
\t[HOB <950601]
\t[HOBGOV 19950601 - 19990815]
\t[HOBREB >990816]
ERIADOR  [ERI]
"""
AGENTS = """\
!PERSON! = MAN, MEN
GOVERNMENT [~GOV]
FOREIGN_MINISTER [~GOVFRM]
MSF {} [NGO~]
POLICE!PERSON! [~COP]
"""
VERBS = """\
&WEAPON
+RIFLES
+MACHINE_GUNS

--- ATTACK [190] ---
ATTACK
- * WITH &WEAPON [193]
- WERE_* BY_ $ [190]

--- MEET [040] ---
MEET {MET MEETS MEETING}
- * ON_THE_SIDELINES [044]

--- ACCORD [---] ---
ACCORD
- IN_* [075]
"""
DISCARDS = "+FOOTBALL\nBASKETBALL_GAME\n"


@pytest.fixture()
def coder(tmp_path):
    paths = {}
    for name, text in (("actors", ACTORS), ("agents", AGENTS), ("verbs", VERBS), ("discards", DISCARDS)):
        paths[name] = tmp_path / f"test.{name}.txt"
        paths[name].write_text(text, encoding="utf-8")
    return tn.TextCoder.from_petrarch(**paths, unknown_codes="error")


def triples(coder, text, date="1997-01-01"):
    return {(e.source, e.target, e.code) for e in coder.events(text, date)}


def test_actors_synonyms_and_patterns(coder):
    assert triples(coder, "Arnor attacked Minas Tirith.") == {("ARN", "GON", "190")}
    assert triples(coder, "Arnor attacked Gondor with machine guns.") == {("ARN", "GON", "193")}


def test_stem_names_match_longer_words(coder):
    assert triples(coder, "Eriadorian forces attacked Gondor.") == {("ERI", "GON", "190")}


def test_dated_actor_codes(coder):
    assert {s for s, _, _ in triples(coder, "Gollum attacked Gondor.", "1994-01-01")} == {"HOB"}
    assert {s for s, _, _ in triples(coder, "Gollum attacked Gondor.", "1997-01-01")} == {"HOBGOV"}
    assert {s for s, _, _ in triples(coder, "Gollum attacked Gondor.", "2001-01-01")} == {"HOBREB"}


def test_agents_append_or_prefix_roles(coder):
    assert triples(coder, "The Arnor government attacked Gondor.") == {("ARNGOV", "GON", "190")}
    assert triples(coder, "Arnor's foreign minister met Gondor officials.") == {("ARNGOVFRM", "GON", "040")}
    assert ("NGOARN", "GON", "190") in triples(coder, "MSF Arnor attacked Gondor.")


def test_irregular_forms_and_blocking_patterns(coder):
    assert triples(coder, "Arnor met Gondor on the sidelines.") == {("ARN", "GON", "044")}
    assert triples(coder, "Arnor accorded Gondor a hearing.") == set()  # [---]: no event


def test_discards_skip_sentences_and_are_counted(coder):
    assert triples(coder, "Arnor attacked Gondor after the football match.") == set()
    assert coder.skipped["discarded"] >= 1


def test_non_cameo_codes_are_an_error_unless_kept(tmp_path):
    verbs = tmp_path / "weis.verbs.txt"
    verbs.write_text("--- ATTACK [223] ---\nATTACK\n", encoding="utf-8")
    actors = tmp_path / "a.actors.txt"
    actors.write_text(ACTORS, encoding="utf-8")
    with pytest.raises(tn.TensionError, match=r"weis.verbs.txt line 1.*unknown_codes='keep'"):
        tn.TextCoder.from_petrarch(actors=actors, verbs=verbs)
    kept = tn.TextCoder.from_petrarch(actors=actors, verbs=verbs, unknown_codes="keep")
    frame = kept.code("Arnor attacked Gondor.", "1997-01-01")
    assert frame["code"].tolist() == ["223"] and frame["goldstein"].isna().all()


def test_bad_date_restriction_names_the_line(tmp_path):
    actors = tmp_path / "bad.actors.txt"
    actors.write_text("ARNOR_ [ARN 9999]\n", encoding="utf-8")
    verbs = tmp_path / "v.txt"
    verbs.write_text(VERBS, encoding="utf-8")
    with pytest.raises(tn.TensionError, match="bad.actors.txt line 1"):
        tn.TextCoder.from_petrarch(actors=actors, verbs=verbs)


def test_petrarch_unit_test_suite_runs(reference):
    """The PETRARCH validation suite through its own dictionaries (pass rate in benchmarks/README.md)."""
    base = reference / "petrarch2"
    coder = tn.TextCoder.from_petrarch(actors=base / "PETR.Validate.actors.txt", verbs=base / "PETR.Validate.verbs.txt",
                                       agents=base / "PETR.Validate.agents.txt", discards=base / "PETR.Validate.discards.txt",
                                       unknown_codes="keep")
    root = ET.parse(base / "PETR.UnitTest.records.xml").getroot()
    passed = total = 0
    for s in list(root.iter("Sentence"))[:120]:
        codings = s.findall("EventCoding")
        if any(c.get("noevents") or c.get("error") or (c.get("sourcecode") or "").startswith('"') for c in codings):
            continue
        gold = {(c.get("sourcecode"), c.get("targetcode"), c.get("eventcode")) for c in codings}
        pred = {(e.source, e.target, e.code) for e in coder.events(" ".join(s.findtext("Text").split()))}
        passed += pred == gold
        total += 1
    assert total > 50 and passed / total > 0.25
