"""The demo's mothers: who each one is, and her story from referral to match or closure."""

from __future__ import annotations

from coordinator import models as m
from coordinator.services.demo.common import DAY, weights
from coordinator.services.demo.endings import decide_ending
from coordinator.services.demo.matches import add_match, pick_volunteer
from coordinator.services.demo.mother_records import add_mother_records
from coordinator.services.demo.records import Dates, Mo
from coordinator.services.demo.run import Run
from coordinator.services.demo.timeline import draw_dates

MS, MT = m.MotherStage, m.MatchStatus
# (stage, match status) of the first mothers, so that small sizes still show each one.
COVERAGE = (
    (MS.MATCHED, MT.ACTIVE),
    (MS.CLOSED, MT.ENDED),
    (MS.WAITING, None),
    (MS.RECEIVED, None),
    (MS.CONTACTED, None),
    (MS.ASSESSED, None),
    (MS.MATCHED, MT.PROPOSED),
    (MS.MATCHED, MT.PAUSED),
    (MS.CLOSED, None),
)
STAGE_WEIGHTS = weights(MS, "received 7 contacted 6 assessed 6 waiting 11 matched 32 closed 38")
MATCH_WEIGHTS = weights(MT, "active 78 proposed 10 paused 12")
GENDER_PREFERENCE_WEIGHTS = weights(m.GenderPreference, "any 68 female 32")
# Chance of each need (the ones that depend on who she is are worked out for her).
NEED_ODDS = {
    "social_isolation": 0.45,
    "mental_health": 0.35,
    "domestic_abuse": 0.10,
    "financial_hardship": 0.35,
    "learning_disability": 0.04,
    "physical_disability_illness": 0.07,
    "substance_misuse": 0.04,
    "previous_baby_loss": 0.06,
    "single_parent": 0.3,
}
# need -> (lived experience she may want her volunteer to share, chance)
WANTED = {
    "young_parent": ("young_mum", 0.6),
    "asylum_refugee_migrant": ("migration", 0.5),
    "multiple_birth": ("twins", 0.8),
    "mental_health": ("postnatal_depression", 0.4),
    "previous_baby_loss": ("baby_loss", 0.5),
    "single_parent": ("single_parent", 0.2),
    "care_leaver": ("care_experienced", 0.4),
}


def add_mother(run: Run, i: int) -> None:
    covering = i < len(COVERAGE)
    if covering:
        (stage, mstatus), town = COVERAGE[i], run.home_town
    else:
        stage, mstatus = run.weighted(STAGE_WEIGHTS), None
        if stage == MS.MATCHED:
            mstatus = run.weighted(MATCH_WEIGHTS)
        elif stage == MS.CLOSED and run.chance(0.6):
            mstatus = MT.ENDED
        town = run.weighted(run.town_weights)
    options = run.town_projects[town]
    proj = options[0] if covering else run.pick(options)
    planned = run.chance(0.65) if mstatus == MT.ENDED else None
    t = draw_dates(run, stage, mstatus, proj, planned)
    if t is None:  # no dates fitted: a simpler story
        stage, mstatus = (MS.WAITING, None) if stage == MS.MATCHED else (MS.CLOSED, None)
        t = draw_dates(run, stage, None, proj, None)
    assert t is not None
    mo = _new_mother(run, town, covering)
    vol = None
    if mstatus is not None:
        vol = pick_volunteer(run, mo, proj, t, mstatus)
        if vol is None:  # nobody free: she waits, or was closed while waiting
            stage, mstatus = _left_unmatched(run, t, stage), None
        elif planned is not None:
            decide_ending(run, mo, proj, vol, planned)
    add_mother_records(run, mo, t, proj, stage)
    if vol is not None and mstatus is not None:
        add_match(run, mo, t, proj, vol, mstatus, planned)


def _left_unmatched(run: Run, t: Dates, stage: m.MotherStage) -> m.MotherStage:
    """Forget her match's dates: she is waiting still, or was closed while waiting."""
    t.P = t.S = t.intro = t.planned_end = t.paused = t.E = t.X = None
    t.reached = stage = MS.CLOSED if stage == MS.CLOSED else MS.WAITING
    if stage == MS.CLOSED:
        t.X = min(run.T, (t.W or run.T) + DAY * run.r(14, 90))
    return stage


def _new_mother(run: Run, town: str, covering: bool) -> Mo:
    r = run.r
    culture = run.weighted(run.towns[town].cultures)
    c = run.words.cultures[culture]
    first, last = run.person_name(culture)
    language = run.weighted(c.languages)
    language = language if language in run.vocab["language"] else "en"
    young = run.chance(0.12)
    age = r(16, 19) if young else min(42, max(20, round(run.rng.gauss(30, 5.5))))
    if young and run.chance(0.9):
        other_children = 0
    else:
        other_children = run.weighted(((0, 45), (1, 30), (2, 15), (3, 7), (4, 3)))
    migrant = run.chance(c.migrant * 0.8)
    interpreter = language != "en" and run.chance(0.55)
    multiple = run.chance(0.02)
    odds = NEED_ODDS | {
        "young_parent": float(young),
        "first_baby": 0.9 if other_children == 0 else 0.0,
        "asylum_refugee_migrant": float(migrant),
        "limited_english": (1.0 if interpreter else 0.5) if language != "en" else 0.0,
        "housing_problems": 0.35 if migrant else 0.2,
        "care_leaver": 0.25 if young else 0.05,
        "multiple_birth": float(multiple),
        "no_recourse_public_funds": 0.25 if migrant else 0.0,
    }
    needs = _needs(run, odds)
    wanted = [tag for n, (tag, p) in WANTED.items() if n in needs and run.chance(p)]
    wanted += ["breastfeeding"] if run.chance(0.15) else []
    services = run.services.get(town, [])
    helpful = {cat for n in needs for cat in run.w["need_services"].get(n, ())}
    abuse = "domestic_abuse" in needs
    return Mo(
        id=run.new_id("mother"),
        covering=covering,
        town=town,
        culture=culture,
        first=first,
        last=last,
        age=age,
        language=language,
        interpreter=interpreter,
        needs=needs,
        wanted=sorted({w for w in wanted if w in run.vocab["experience"]}),
        multiple=multiple,
        other_children=other_children,
        slots=run.slots(2, 5),
        point=run.pick(run.postcodes[town]),
        services=[s for s in services if s[2] in helpful] or services,
        no_letters_home=run.chance(0.75 if abuse else 0.05),
        no_voicemail=run.chance(0.6 if abuse else 0.08),
        email=run.email(first, last) if run.chance(0.55) else None,
        gender_pref=run.weighted(GENDER_PREFERENCE_WEIGHTS),
    )


def _needs(run: Run, odds: dict[str, float]) -> list[str]:
    """Her needs, each with its chance; at least two."""
    needs = [code for code in run.vocab["need"] if run.chance(odds.get(code, 0.0))]
    for extra in ("social_isolation", "mental_health"):
        if len(needs) < 2 and extra not in needs and extra in run.vocab["need"]:
            needs.append(extra)
    return needs
