"""Active and passive voice: who acted is the source either way."""

from _coding_helpers import coder, triples


def test_active_voice():
    assert ("IRNMIL", "AZEMIL", "190") in triples("Iranian forces attacked Azerbaijani troops.")


def test_passive_with_agent_swaps_source_and_target():
    active = triples("Iranian gunmen attacked the Azerbaijani embassy.")
    passive = triples("The Azerbaijani embassy was attacked by Iranian gunmen.")
    assert passive == active
    assert {(s, t) for s, t, _ in passive} == {("IRNREB", "AZEGOV")}


def test_passive_perfect_and_reduced_passive():
    assert ("RUS", "UKRMIL", "190") in triples("Ukrainian troops have been attacked by Russia.")
    # a participle followed by "by" is passive even without "was"
    assert ("RUS", "SYRMIL", "051") in triples("Syrian warplanes supported by Russia returned to base.")


def test_passive_without_agent_codes_nothing():
    # no one is named as the attacker: no event rather than a guessed source
    assert triples("The Azerbaijani embassy was attacked on Friday.") == set()


def test_passive_is_noted_in_the_evidence():
    event = coder().events("Azerbaijani diplomats were expelled by Iran.", "2023-04-06")[0]
    assert (event.source, event.target, event.code) == ("IRN", "AZEGOV", "161")
    assert "passive" in event.notes


def test_passive_object_constraint_reads_the_subject():
    # the object constraint ("diplomat", "drones") sits before the verb in the passive
    assert triples("The Israeli ambassador was summoned by the Turkish foreign ministry.") == {("TURGOV", "ISRGOV", "114")}
    assert triples("Iranian drones were supplied to Russia by Tehran.") == {("IRN", "RUS", "072")}  # recipient, not theme


def test_passive_variants():
    assert triples("The embassy of Azerbaijan was reportedly attacked on Friday by an Iranian gunman.") == {("IRNREB", "AZEGOV", "190")}
    assert triples("Russian diplomats were expelled from Britain.") == {("GBR", "RUSGOV", "161")}
    assert triples("Armenian positions came under fire from Azerbaijani troops.") == {("AZEMIL", "ARM", "193")}


def test_agent_of_a_reduced_passive_subject_acts_when_no_other_subject():
    from _coding_helpers import triples

    assert triples("The missiles fired by the Israeli military struck a depot of the Syrian army.") == {("ISRMIL", "SYRMIL", "190")}
    assert ("PSEREBHMS", "ISR", "190") in triples("Rockets launched by Hamas hit Israel.")
    # the subject itself wins over the agent of its modifier
    assert ("SYRMIL", "TUR", "190") in triples("Syrian forces backed by Russian warplanes attacked Turkey.")


def test_name_with_a_particle_of_a_country_is_its_actor():
    from _coding_helpers import triples

    assert triples("Omar al-Bashir of Sudan expelled British diplomats.") == {("SDN", "GBRGOV", "161")}
