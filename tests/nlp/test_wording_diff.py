"""Word diffs between linked goal wordings and the structured target change."""

from maalspor.model import Target
from nlp.wording_diff import is_identical, normalize_wording, render_diff, target_change, word_diff


def test_line_break_damage_and_ministermaal_suffix_are_ignored():
    assert (
        normalize_wording("Flere personer med handicap skal i beskæf-\ntigelse (ministermål)")
        == "Flere personer med handicap skal i beskæftigelse"
    )
    assert is_identical(
        "Alle ledige skal have en\nværdig sagsbehandling (ministermål)",
        "Alle ledige skal have en værdig sagsbehandling",
    )
    # 'job- og' keeps its hyphen: it is a shared-suffix conjunction, not a broken word
    assert normalize_wording("job-\nog uddannelsesparate") == "job- og uddannelsesparate"


def test_reworded_flygtninge_goal_diff():
    before = "40 pct. af flygtninge og familiesammenførte til flygtninge skal være i beskæftigelse i gennemsnit over månederne i 2019"
    after = "Flere flygtninge og familiesammenførte skal være selvforsørgende"
    rendered = render_diff(word_diff(before, after))
    assert rendered.startswith("[-40 pct . af-] {+Flere+} flygtninge og familiesammenførte")
    assert "{+selvforsørgende+}" in rendered and "[-i beskæftigelse i gennemsnit over månederne i 2019-]" in rendered


def test_target_changes():
    placeholder = Target("minimum være X pct. i december 2015", "minimum", None, "pct", placeholder=True)
    sixty = Target("minimum være 60 pct. i 2019", "minimum", 60.0, "pct")
    five = Target("falde med 5 pct.", "fald", 5.0, "pct")
    assert target_change(placeholder, sixty).kind == "value-set"
    assert target_change(placeholder, sixty).description == "placeholder X set: minimum 60 pct"
    assert target_change(five, sixty).description == "fald 5 pct -> minimum 60 pct"
    assert target_change(five, None).kind == "removed"
    assert target_change(None, sixty).kind == "added"
    assert target_change(sixty, Target("minimum 60 pct.", "minimum", 60.0, "pct")).kind == "unchanged"
