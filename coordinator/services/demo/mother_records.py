"""A demo mother's own rows: her referral, needs, stage history, consents and professionals."""

from __future__ import annotations

from coordinator import models as m
from coordinator.services.demo.common import DAY, add_years, at, weights, with_previous
from coordinator.services.demo.records import Dates, Mo, Proj
from coordinator.services.demo.run import Run
from coordinator.services.demo.safeguarding import add_concerns

MS = m.MotherStage
SOURCE_WEIGHTS = weights(
    m.ReferralSource,
    "midwife 30 health_visitor 18 gp 8 perinatal_mental_health 10 social_worker 8 "
    "childrens_centre 7 other_charity 7 self 10 other 2",
)
DISABILITY_WEIGHTS = weights(m.Disability, "no 88 yes 4 prefer_not_to_say 8")
# The reasons for closing before any match, by the last stage reached.
CLOSED_BY_STAGE = {
    MS.RECEIVED: "no_response 5 not_eligible 3 referred_elsewhere 2",
    MS.CONTACTED: "declined 5 no_response 4 moved_away 1",
    MS.ASSESSED: "not_eligible 3 referred_elsewhere 4 declined 3",
    MS.WAITING: "moved_away 3 declined 3 other 2 no_response 2",
}
CLOSED_AFTER = {  # ending reason -> closure reason
    m.EndingReason.SUPPORT_COMPLETE: m.ClosureReason.SUPPORT_COMPLETE,
    m.EndingReason.BABY_AGE_LIMIT: m.ClosureReason.SUPPORT_COMPLETE,
    m.EndingReason.MOVED_AWAY: m.ClosureReason.MOVED_AWAY,
    m.EndingReason.MOTHER_DISENGAGED: m.ClosureReason.NO_RESPONSE,
    m.EndingReason.MOTHER_DECLINED: m.ClosureReason.DECLINED,
    m.EndingReason.ESCALATED_TO_PROFESSIONALS: m.ClosureReason.REFERRED_ELSEWHERE,
}


def add_mother_records(run: Run, mo: Mo, t: Dates, proj: Proj, stage: m.MotherStage) -> None:
    """Her row, then her needs and languages, stage history, consents, professionals,
    safeguarding concerns and the letter acknowledging her referral."""
    source, closure = _mother_row(run, mo, t, proj, stage)
    _mother_links(run, mo, t)
    _stage_changes(run, mo, t, stage, closure)
    _consents(run, mo, t, proj)
    _professionals(run, mo, source)
    add_concerns(run, mo, t, stage)
    if mo.referrer and t.C is not None and run.chance(0.8):
        run.rows.add(
            "letter_sent",
            mother_id=mo.id,
            ending_id=None,
            kind="acknowledgement",
            recipient=mo.referrer,
            sent_on=t.C,
            method=m.LetterMethod.EMAIL if run.chance(0.7) else m.LetterMethod.POST,
            note=None,
        )


def _mother_row(
    run: Run, mo: Mo, t: Dates, proj: Proj, stage: m.MotherStage
) -> tuple[m.ReferralSource, m.ClosureReason | None]:
    """Her own row; returns who referred her and why she was closed, for the rows after."""
    source, agency = _referral_source(run, mo.town)
    referrer = mo.referrer = None if source == m.ReferralSource.SELF else run.any_name()
    reasons = _referral_reasons(run, mo)
    method = _safe_contact_method(run, mo)
    closure, closure_note = _closure_reason(run, t, mo) if stage == MS.CLOSED else (None, None)
    start_score = _outcome_scores(run, mo, t)
    disability = _disability(run, mo) if run.chance(0.8) else None
    c = run.words.cultures[mo.culture]
    faith = run.pick(run.w["faith_preferences"]).format(faith=run.pick(c.faiths))
    steps = {MS.RECEIVED: t.R, MS.CONTACTED: t.C, MS.ASSESSED: t.A, MS.WAITING: t.W}
    stage_date = (steps | {MS.MATCHED: t.P, MS.CLOSED: t.X})[stage] or t.R
    r, w, town = run.r, run.w, mo.town
    line1, line2, _ = run.address(town)
    run.rows.add(
        "mother",
        id=mo.id,
        full_name=f"{mo.first} {mo.last}",
        preferred_name=run.words.nicknames.get(mo.first) if run.chance(0.6) else None,
        date_of_birth=add_years(t.R, -mo.age) - DAY * r(0, 364),
        address_line1=line1,
        address_line2=line2,
        town=town,
        postcode=mo.point[0],
        phone=run.mobile() if run.chance(0.95) else None,
        email=mo.email,
        safe_contact_method=method,
        safe_contact_times=run.pick(w["safe_contact_times"]),
        no_letters_home=mo.no_letters_home,
        no_voicemail=mo.no_voicemail,
        safe_contact_notes=(
            w["safe_contact_abuse_note"]
            if "domestic_abuse" in mo.needs and run.chance(0.7)
            else None
        ),
        language_id=run.vocab["language"][mo.language],
        interpreter_needed=mo.interpreter,
        project_id=proj.id if t.A is not None else None,
        edd=t.edd,
        edd_is_approximate=t.weeks is not None and run.chance(0.12),
        weeks_pregnant_at_referral=t.weeks,
        baby_dob=t.dob,
        multiple_birth=mo.multiple,
        other_children=mo.other_children,
        midwife_name=run.any_name() if run.chance(0.8) else None,
        health_visitor_name=run.any_name() if t.dob and run.chance(0.7) else None,
        gp_name=f"Dr {run.pick(run.gb_surnames)}" if run.chance(0.7) else None,
        gp_practice=run.sometimes(0.8, run.practices[town]),
        referral_received_on=t.R,
        referral_source=source,
        referrer_name=referrer,
        referrer_agency=agency or None,
        referrer_phone=run.landline(town) if referrer else None,
        referrer_email=run.email(*referrer.split(" ", 1)) if referrer else None,
        referral_reasons=reasons,
        stage=stage,
        stage_changed_on=stage_date,
        closure_reason=closure,
        closure_reason_note=closure_note,
        support_plan="\n".join(run.rng.sample(w["plan_aims"], 2)) if t.P else None,
        prefers_shared_language=mo.language != "en" and run.chance(0.7),
        culture_faith_preference=faith if run.chance(0.12) else None,
        preferred_volunteer_gender=mo.gender_pref,
        matching_exclusions=(
            w["exclusion"].format(district=mo.point[0].split()[0]) if run.chance(0.04) else None
        ),
        ethnicity=m.Ethnicity(run.weighted(c.ethnicities)) if run.chance(0.75) else None,
        disability=disability,
        start_outcome_score=start_score,
        end_outcome_score=mo.end_score,
        created_at=at(t.R, 9, r(0, 59)),
        updated_at=at(stage_date, 15),
    )
    return source, closure


def _referral_source(run: Run, town: str) -> tuple[m.ReferralSource, str]:
    """Who referred her: the kind of referrer and their agency."""
    source = run.weighted(SOURCE_WEIGHTS)
    agency = (
        run.w["agencies"]
        .get(source.value, "")
        .format(town=town, word=run.pick(run.words.street_words))
    )
    if source == m.ReferralSource.GP:
        agency = run.pick(run.practices[town])
    elif source == m.ReferralSource.OTHER_CHARITY:
        agency = run.pick(run.w["other_charities"]).format(town=town)
    return source, agency


def _referral_reasons(run: Run, mo: Mo) -> str:
    w = run.w
    need_labels = ", ".join(run.labels["need"][n].lower() for n in mo.needs[:3])
    reasons = f"{w['referral_opening'].format(needs=need_labels)} {run.pick(w['referral_extras'])}"
    if mo.interpreter:
        reasons += " " + w["interpreter"].format(language=run.labels["language"][mo.language])
    return reasons


def _safe_contact_method(run: Run, mo: Mo) -> m.SafeContactMethod:
    SC = m.SafeContactMethod
    return run.weighted(
        (
            (SC.TEXT if "domestic_abuse" in mo.needs else SC.PHONE, 45),
            (SC.TEXT, 35),
            (SC.EMAIL if mo.email else SC.TEXT, 5),
            (SC.PHONE if mo.no_letters_home else SC.LETTER, 5),
            (SC.VIA_REFERRER if mo.referrer else SC.PHONE, 5),
            (SC.IN_PERSON, 5),
        )
    )


def _closure_reason(run: Run, t: Dates, mo: Mo) -> tuple[m.ClosureReason, str | None]:
    if t.E is not None and mo.ending_reason is not None:
        reason = CLOSED_AFTER.get(mo.ending_reason, m.ClosureReason.OTHER)
        return reason, run.w["ending_closure_notes"].get(mo.ending_reason.value)
    spec = CLOSED_BY_STAGE.get(t.reached, CLOSED_BY_STAGE[MS.WAITING])
    reason = run.weighted(weights(m.ClosureReason, spec))
    note = run.w["closure_notes"].get(reason.value) if run.chance(0.8) else None
    return reason, note


def _outcome_scores(run: Run, mo: Mo, t: Dates) -> int | None:
    """Her outcome score when assessed (returned) and, sometimes, when her match ended."""
    start_score = run.r(2, 7) if t.A is not None and run.chance(0.7) else None
    if start_score is not None and t.E is not None and run.chance(0.8):
        mo.end_score = min(10, start_score + run.r(-1, 5))
    return start_score


def _disability(run: Run, mo: Mo) -> m.Disability:
    if {"learning_disability", "physical_disability_illness"} & set(mo.needs):
        return m.Disability.YES
    return run.weighted(DISABILITY_WEIGHTS)


def _mother_links(run: Run, mo: Mo, t: Dates) -> None:
    """Her needs, other languages, wanted experiences and (once assessed) when she is free."""
    add_each = run.rows.add_each
    add_each("mother_need", "need_id", run.ids("need", mo.needs), mother_id=mo.id)
    others = ["en"] if mo.language != "en" and not mo.interpreter else []
    others += {"ur": ["pa"], "pa": ["ur"]}.get(mo.language, [])
    add_each("mother_language", "language_id", run.ids("language", others), mother_id=mo.id)
    wanted = run.ids("experience", mo.wanted)
    add_each("mother_wanted_experience", "experience_tag_id", wanted, mother_id=mo.id)
    if t.A is not None:
        run.rows.add_slots("mother_availability", mo.slots, mother_id=mo.id)


def _stage_changes(
    run: Run, mo: Mo, t: Dates, stage: m.MotherStage, closure: m.ClosureReason | None
) -> None:
    history = [(MS.RECEIVED, t.R), (MS.CONTACTED, t.C), (MS.ASSESSED, t.A)]
    history += [(MS.WAITING, t.W), (MS.MATCHED, t.P)]
    history = [(to, when) for to, when in history if when is not None]
    if stage == MS.CLOSED and t.X is not None:
        history.append((MS.CLOSED, t.X))
    for before, to, when in with_previous(history):
        run.rows.add(
            "mother_stage_change",
            mother_id=mo.id,
            from_stage=before,
            to_stage=to,
            changed_on=when,
            reason=closure if to == MS.CLOSED else None,
            note=None,
        )


def _consents(run: Run, mo: Mo, t: Dates, proj: Proj) -> None:
    if t.C is None:
        return
    given_on = t.A or t.C
    written = t.A is not None and run.chance(0.6)
    K = m.ConsentKind
    kinds = [(K.SERVICE, 1.0), (K.CONTACT_REFERRER, 0.95 if mo.referrer else 0.0)]
    kinds += [(K.SHARE_WITH_SERVICES, 0.7), (K.ANONYMOUS_REPORTING, 0.85)]
    for kind, p in kinds:
        if not run.chance(p):
            continue
        withdrawn = None
        if kind == K.ANONYMOUS_REPORTING and given_on < run.T and run.chance(0.03):
            withdrawn = given_on + DAY * run.r(1, (run.T - given_on).days)
        run.rows.add(
            "consent",
            mother_id=mo.id,
            kind=kind,
            given=True,
            given_on=given_on,
            how=m.ConsentMethod.WRITTEN if written else m.ConsentMethod.VERBAL,
            recorded_by=proj.coordinator,
            review_on=add_years(given_on, 1) if kind == K.SERVICE else None,
            withdrawn_on=withdrawn,
            share_with=run.pick(run.w["share_with"]) if kind == K.SHARE_WITH_SERVICES else None,
        )


def _professionals(run: Run, mo: Mo, source: m.ReferralSource) -> None:
    roles = run.w["professional_roles"]
    wanted = [n for n in mo.needs if n in roles]
    if source == m.ReferralSource.SOCIAL_WORKER:
        wanted.insert(0, "social_worker")
    for need in wanted[:2]:
        role, organisation = roles[need]
        referred = need == "social_worker" and mo.referrer
        run.rows.add(
            "professional",
            mother_id=mo.id,
            role=role,
            name=mo.referrer if referred else run.any_name(),
            organisation=f"{organisation}, {mo.town}",
            phone=run.landline(mo.town),
            email=None,
            notes=None,
        )
