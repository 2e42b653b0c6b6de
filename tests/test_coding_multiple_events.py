"""Several events in one sentence, coordination and participles."""

from _coding_helpers import triples


def test_two_clauses_two_events():
    found = triples("Iran expelled Azerbaijani diplomats and Azerbaijan closed its embassy in Tehran.")
    assert ("IRN", "AZEGOV", "161") in found and ("AZE", "IRN", "161") in found


def test_coordinated_verbs_share_the_subject():
    found = triples("Iranian forces crossed into Nakhichevan, and also repeatedly blocked communications of Azerbaijani forces.")
    assert ("IRNMIL", "AZEMIL", "191") in found


def test_participle_clause_inherits_the_subject():
    found = triples("On October 17, 2020, Iranian forces placed concrete blocks on the road, cutting the Azerbaijani forces from supplies.")
    assert found == {("IRNMIL", "AZEMIL", "191")}


def test_relative_clause_subject_is_its_antecedent():
    # the brigades, not Iran, aim to overthrow; they are no actor we know: no event for that verb
    found = triples("Iran sponsors the Huseynyun brigades, which aim to overthrow the government of Azerbaijan.")
    assert not any(s == "IRN" and code.startswith(("17", "18", "19")) for s, _, code in found)


def test_no_event_no_row():
    assert triples("The weather in Baku was sunny and warm.") == set()


def test_coordinated_verb_without_object_shares_the_target_before():
    from _coding_helpers import triples

    assert triples("Russia attacked Ukraine and then declared a ceasefire.") == {("RUS", "UKR", "190"), ("RUS", "UKR", "0871")}
    assert triples("Iran criticised Iraq and praised Syria.") == {("IRN", "IRQ", "111"), ("IRN", "SYR", "051")}
