"""A topic word one letter from the material's word is read as that word in goal questions; a word the material
uses, or one further from any, is kept as typed (corpus/ store)."""

from answer.goal_topic import goal_question
from answer.material import Material
from answer.question import understand


def test_a_dropped_letter_is_read_as_the_materials_word(store):
    question = understand("Hvornår optrådte målet om familiesamenførte sidst?")
    assert "familiesammenførte" in goal_question(question, Material.load(store)).terms


def test_a_word_the_material_uses_or_a_subject_it_lacks_stays(store):
    material = Material.load(store)
    assert "flygtninge" in goal_question(understand("Hvornår optrådte målet om flygtninge sidst?"), material).terms
    lacked = goal_question(understand("Hvornår optrådte målet om skateparker sidst?"), material)
    assert lacked.terms == ("skateparker",)
