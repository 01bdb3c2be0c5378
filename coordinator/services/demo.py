"""Fill an empty database with realistic, made-up records for demos, training and benchmarks.

`fill_demo` refuses a database that already holds any mother or volunteer, so made-up records
are never mixed with real ones. The same seed, sizes and `today` give exactly the same rows:
all randomness comes from one seeded `random.Random` and one seeded Faker instance, and every
date is counted back from `today`. Rows are built as plain dicts and inserted in batches with
explicit ids (no per-row queries). People, places and the shared helpers are in demo_people.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from coordinator import models as m
from coordinator.services.demo_people import (
    DAY,
    People,
    PostcodePoint,
    Proj,
    Vol,
    add_months,
    add_years,
    at,
    km_between,
    weights,
)

if TYPE_CHECKING:
    from coordinator.storage.vault import Vault

Progress = Callable[[int, int], None]
FLUSH_EVERY = 1000  # mothers
MS, VS, MT, CM, ST = (
    m.MotherStage,
    m.VolunteerStatus,
    m.MatchStatus,
    m.ContactMedium,
    m.SupportType,
)


class DemoRefused(Exception):
    """The database already holds people; demo data goes only into an empty database."""


def fill_demo(
    vault: Vault,
    *,
    mothers: int = 120,
    volunteers: int = 40,
    seed: int = 1,
    progress: Progress | None = None,
    today: date | None = None,
) -> dict[str, int]:
    """Add made-up projects, services, volunteers, mothers, matches and their history.

    Returns how many rows of each main kind were added. Raises DemoRefused (adding nothing)
    when the database already holds any mother or volunteer.
    """
    if mothers < 0 or volunteers < 0:
        raise ValueError("mothers and volunteers must be 0 or more")
    with vault.transaction() as session:
        if any(session.scalar(select(x.id).limit(1)) for x in (m.Mother, m.Volunteer)):
            raise DemoRefused(
                "This database already holds mothers or volunteers. Demo data is only added "
                "to an empty database, so made-up records are never mixed with real ones."
            )
        builder = _Builder(session, seed=seed, today=today or date.today(), progress=progress)
        return builder.run(mothers, volunteers)


#: Public names for the counts fill_demo returns -> table.
COUNTED = {
    "projects": "project",
    "local_services": "local_service",
    "volunteers": "volunteer",
    "mothers": "mother",
    "matches": "match",
    "contacts": "contact",
    "endings": "ending",
    "supervision_sessions": "supervision_session",
    "safeguarding_concerns": "safeguarding_concern",
    "dbs_checks": "dbs_check",
    "letters": "letter_sent",
}

STAGE_WEIGHTS = weights(MS, "received 7 contacted 6 assessed 6 waiting 11 matched 32 closed 38")
MATCH_WEIGHTS = weights(MT, "active 78 proposed 10 paused 12")
SOURCE_WEIGHTS = weights(
    m.ReferralSource,
    "midwife 30 health_visitor 18 gp 8 perinatal_mental_health 10 social_worker 8 "
    "childrens_centre 7 other_charity 7 self 10 other 2",
)
UNPLANNED_WEIGHTS = weights(
    m.EndingReason,
    "moved_away 20 mother_disengaged 30 mother_declined 15 volunteer_unavailable 10 "
    "escalated_to_professionals 10 other 5",
)
MEDIA = {
    m.SupportModel.BEFRIENDING: weights(
        CM, "home_visit 45 phone 20 text 15 outing 10 accompanied_appointment 5 video 5"
    ),
    m.SupportModel.MENTORING: weights(
        CM, "phone 35 home_visit 30 text 15 video 10 accompanied_appointment 10"
    ),
}
MINUTES = {
    CM.HOME_VISIT: (45, 120),
    CM.PHONE: (10, 45),
    CM.TEXT: (2, 10),
    CM.VIDEO: (20, 50),
    CM.OUTING: (60, 180),
    CM.ACCOMPANIED_APPOINTMENT: (60, 150),
}
# Chance of each need (callables for the ones that depend on who she is).
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
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(slots=True)
class _Time:
    """A mother's dates; later steps stay None until she reaches them. R referral received,
    C contacted, A assessed, W waiting, P match proposed, S started, E ended, X closed."""

    R: date
    edd: date
    dob: date | None
    weeks: int | None
    C: date | None = None
    A: date | None = None
    W: date | None = None
    P: date | None = None
    S: date | None = None
    intro: date | None = None
    planned_end: date | None = None
    paused: date | None = None
    E: date | None = None
    X: date | None = None
    reached: m.MotherStage = MS.RECEIVED


@dataclass(slots=True, eq=False)
class _Mo:
    """What later steps need to know about the mother being made."""

    id: int
    index: int
    town: str
    culture: str
    first: str
    last: str
    age: int
    language: str
    interpreter: bool
    needs: list[str]
    wanted: list[str]
    multiple: bool
    other_children: int
    slots: list[tuple[int, m.PartOfDay]]
    point: PostcodePoint
    services: list[tuple[int, str, str]]  # relevant local services: id, name, category
    no_letters_home: bool
    no_voicemail: bool
    email: str | None
    gender_pref: m.GenderPreference
    referrer: str | None = None
    concern: bool = False
    end_score: int | None = None
    ending_reason: m.EndingReason | None = None
    ending_by: m.EndingInitiator | None = None


class _Builder(People):
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

    def __init__(
        self, session: Session, *, seed: int, today: date, progress: Progress | None
    ) -> None:
        super().__init__(session, seed=seed, today=today)
        self.progress = progress
        self.services: dict[str, list[tuple[int, str, str]]] = {}
        self.templates: dict[tuple[int, m.EndingType], list[tuple[int, int, str]]] = {}
        self.gap_done = self.busy_done = False

    def run(self, mothers: int, volunteers: int) -> dict[str, int]:
        total = mothers + volunteers + 1
        self._projects()
        self._services()
        self._load_templates()
        for i in range(volunteers):
            self.volunteer(i)
        self.rows.flush()
        self._report(volunteers, total)
        for i in range(mothers):
            self._mother(i)
            if (i + 1) % FLUSH_EVERY == 0:
                self.rows.flush()
                self._report(volunteers + i + 1, total)
        self._supervision()
        self.rows.flush()
        self._report(total, total)
        return {public: self.rows.counts[table] for public, table in COUNTED.items()}

    def _report(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress(done, total)

    # -- projects, services, checklists -------------------------------------------------

    def _projects(self) -> None:
        taken = set(self.session.scalars(select(m.Project.name)))
        for spec in self.w["projects"]:
            name, n = spec["name"], 1
            while name in taken:
                name, n = f"{spec['name']} (demo {n})", n + 1
            proj = Proj(
                id=self.new_id("project"),
                model=m.SupportModel(spec["model"]),
                towns=tuple(spec["towns"]),
                coordinator=spec["coordinator"],
                interval_weeks=spec["supervision_interval_weeks"],
                step=7 if spec["visit_norm"] == "weekly" else 14,
                numbers_shared=spec["personal_numbers_shared"],
                norm=m.VisitFrequency(spec["visit_norm"]),
            )
            given = {k: v for k, v in spec.items() if k in m.Project.__table__.c}
            self.rows.add(
                "project",
                **given | {"model": proj.model, "visit_norm": proj.norm, "name": name},
                id=proj.id,
                active=True,
                created_at=at(self.T - DAY * 1100, 9),
                updated_at=at(self.T - DAY * 400, 9),
            )
            self.projects.append(proj)
            for town in proj.towns:
                self.town_projects.setdefault(town, []).append(proj)

    def _services(self) -> None:
        for town, category, name in self.w["services"]:
            sid = self.new_id("local_service")
            slug = name.lower().replace(" ", "-").replace("'", "")
            line1, _, point = self.address(town)
            days = f"{self.pick(('Mon', 'Tue', 'Wed'))} and {self.pick(('Thu', 'Fri'))}"
            self.rows.add(
                "local_service",
                id=sid,
                name=name,
                category_id=self.vocab["category"].get(category),
                phone=self.mobile() if self.chance(0.2) else self.landline(town),
                email=f"hello@{slug.replace('é', 'e')}.example.org",
                website=f"https://www.example.org/{slug.replace('é', 'e')}",
                address=f"{line1}, {town}",
                postcode=point[0],
                area=town,
                eligibility=self.w["service_eligibility"].get(category),
                how_to_refer=self.pick(self.w["how_to_refer"]),
                notes=f"Open {days}, {self.pick(('9.30am', '10am'))}-{self.pick(('1pm', '3pm'))}.",
                active=True,
                created_at=at(self.T - DAY * self.r(30, 700), 11),
                updated_at=at(self.T - DAY * self.r(0, 29), 11),
            )
            self.services.setdefault(town, []).append((sid, name, category))

    def _load_templates(self) -> None:
        """The most specific active checklist template per (project, ending type)."""
        templates = self.session.scalars(
            select(m.ChecklistTemplate)
            .where(m.ChecklistTemplate.active)
            .order_by(m.ChecklistTemplate.id)
        ).all()
        for proj in self.projects:
            for ending_type in m.EndingType:
                fitting = [
                    t
                    for t in templates
                    if t.ending_type == ending_type
                    and t.project_id in (None, proj.id)
                    and t.model in (None, proj.model)
                ]
                fitting.sort(key=lambda t: (t.project_id is not None, t.model is not None))
                items = fitting[-1].items if fitting else []
                self.templates[(proj.id, ending_type)] = [(i.id, i.position, i.text) for i in items]

    # -- mothers ------------------------------------------------------------------------

    def _mother(self, i: int) -> None:
        if i < len(self.COVERAGE):
            (stage, mstatus), town = self.COVERAGE[i], self.home_town
        else:
            stage, mstatus = self.weighted(STAGE_WEIGHTS), None
            if stage == MS.MATCHED:
                mstatus = self.weighted(MATCH_WEIGHTS)
            elif stage == MS.CLOSED and self.chance(0.6):
                mstatus = MT.ENDED
            town = self.weighted(self.town_weights)
        options = self.town_projects[town]
        proj = options[0] if i < len(self.COVERAGE) else self.pick(options)
        planned = self.chance(0.65) if mstatus == MT.ENDED else None
        t = self._timeline(stage, mstatus, proj, planned)
        if t is None:  # no dates fitted: a simpler story
            stage, mstatus = (MS.WAITING, None) if stage == MS.MATCHED else (MS.CLOSED, None)
            t = self._timeline(stage, None, proj, None)
        assert t is not None
        mo = self._new_mother(i, town)
        vol = None
        if mstatus is not None:
            vol = self._pick_volunteer(mo, proj, t, mstatus)
            if vol is None:  # nobody free: she waits, or was closed while waiting
                t.P = t.S = t.intro = t.planned_end = t.paused = t.E = t.X = None
                t.reached = stage = MS.CLOSED if stage == MS.CLOSED else MS.WAITING
                if stage == MS.CLOSED:
                    t.X = min(self.T, (t.W or self.T) + DAY * self.r(14, 90))
                mstatus = None
            elif planned is not None:
                self._decide_ending(mo, proj, vol, planned)
        self._mother_rows(mo, t, proj, stage)
        if vol is not None and mstatus is not None:
            self._match(mo, t, proj, vol, mstatus, planned)

    def _timeline(
        self, stage: m.MotherStage, mstatus: m.MatchStatus | None, proj: Proj, planned: bool | None
    ) -> _Time | None:
        for _ in range(60):  # draw until the dates fit together
            t = self._try_timeline(stage, mstatus, proj, planned)
            if t is not None:
                return t
        return None

    def _try_timeline(  # noqa: C901 - the dates of one referral, step by step
        self, stage: m.MotherStage, mstatus: m.MatchStatus | None, proj: Proj, planned: bool | None
    ) -> _Time | None:
        T, r = self.T, self.r
        mentoring = proj.model == m.SupportModel.MENTORING
        if stage == MS.MATCHED:
            ago = (20, 230) if mentoring else (20, 400)
        elif stage == MS.CLOSED:
            ago = (45, 540) if mstatus == MT.ENDED else (10, 540)
        else:
            ago = {MS.RECEIVED: (0, 14), MS.CONTACTED: (2, 30), MS.ASSESSED: (5, 45)}.get(
                stage, (7, 110)
            )
        R = T - DAY * r(*ago)
        if self.chance(0.85 if mentoring else 0.7):  # pregnant when referred
            pregnant_weeks = r(8, 37)
            weeks, edd, dob = pregnant_weeks, R + DAY * 7 * (40 - pregnant_weeks), None
            if edd <= T:  # born: near the EDD, after the referral, never in the future
                dob = max(R + DAY, edd + DAY * min(r(-21, 12), (T - edd).days))
        else:  # referred after the birth
            weeks, dob = None, R - DAY * r(2, 30 if mentoring else 150)
            edd = dob + DAY * min(r(-14, 21), (T - dob).days)
        t = _Time(R=R, edd=edd, dob=dob, weeks=weeks)
        C = R + DAY * r(1, 7)
        A = C + DAY * r(3, 21)
        W = A + DAY * r(0, 3)
        early = (MS.RECEIVED, MS.CONTACTED, MS.ASSESSED, MS.WAITING)
        if stage in early:
            steps = early.index(stage)
            t.C, t.A, t.W = (min(d, T) if k < steps else None for k, d in enumerate((C, A, W)))
            t.reached = stage
            return t
        if stage == MS.CLOSED and mstatus is None:  # closed before any match
            t.reached = self.weighted(
                weights(MS, "received 20 contacted 35 assessed 15 waiting 30")
            )
            keep = early.index(t.reached)
            dates = (R, C, A, W)
            t.C, t.A, t.W = (d if k <= keep else None for k, d in enumerate(dates[1:], 1))
            t.X = dates[keep] + DAY * r(3, 45)
            return t if t.X <= T else None
        t.C, t.A, t.W = C, A, W
        natural_end = (dob or edd) + DAY * 42 if mentoring else add_months(dob or edd, 12)
        t.P, t.reached, t.planned_end = W + DAY * r(3, 45), MS.MATCHED, natural_end
        if mstatus == MT.PROPOSED:
            if t.P > T:
                return None
            t.P = max(t.P, T - DAY * r(0, 14))
            t.intro = t.P + DAY * r(3, 14) if self.chance(0.6) else None
            return t if natural_end >= T + DAY * 28 else None
        t.S = t.intro = S = t.P + DAY * r(3, 14)
        if natural_end < S + DAY * 28:
            return None
        if mstatus == MT.ACTIVE:
            return t if S <= T - DAY and natural_end >= T - DAY * 3 else None
        if mstatus == MT.PAUSED:
            if S > T - DAY * 20:
                return None
            t.paused = S + DAY * r(14, (T - S).days - 1)
            return t if natural_end >= t.paused + DAY * 14 else None
        if S > T - DAY * 30:
            return None
        if planned:
            E = natural_end + DAY * r(-10, 3)
        else:
            E = S + DAY * r(14, max(14, (natural_end - S).days - 7))
        if E > T - DAY or E < S + DAY * 14:
            return None
        t.E, t.X, t.reached = E, min(T, E + DAY * r(0, 10)), MS.CLOSED
        return t

    def _pick_volunteer(self, mo: _Mo, proj: Proj, t: _Time, mstatus: m.MatchStatus) -> Vol | None:
        """A volunteer free for the whole match, within her max_matches at every moment."""
        ended = mstatus == MT.ENDED
        tries = [(mo.language, 10)] if mo.language != "en" else []
        if mstatus == MT.PAUSED and self.chance(0.4):
            tries.append(("paused", 10))
        tries.append(("history" if ended else "current", 25))
        for key, attempts in tries:
            pool = self.pools.get((key, proj.id, mo.town), [])
            for _ in range(attempts):
                if not pool:
                    break
                k = self.rng.randrange(len(pool))
                vol = pool[k]
                if not ended and vol.current >= vol.max_matches:
                    pool[k] = pool[-1]  # full for good: drop her from this pool
                    pool.pop()
                    continue
                if not self._fits(vol, t, mstatus):
                    continue
                if vol.status == VS.PAUSED and mstatus == MT.PAUSED:
                    t.paused = vol.paused_on
                return vol
        return None

    @staticmethod
    def _fits(vol: Vol, t: _Time, mstatus: m.MatchStatus) -> bool:
        assert t.P is not None
        if vol.active_from is None or vol.active_from > t.P:
            return False
        if mstatus == MT.ENDED:
            if vol.window_end is None or t.E is None or vol.window_end < t.E:
                return False
        elif vol.status == VS.PAUSED:  # her only current matches are paused with her
            if mstatus != MT.PAUSED or vol.paused_on is None or t.S is None:
                return False
            if vol.paused_on < t.S + DAY * 7:
                return False
        end = t.E if mstatus == MT.ENDED else None
        overlapping = [s for s, e, _ in vol.spans if (not end or s <= end) and (not e or e >= t.P)]
        return len(overlapping) < vol.max_matches

    def _new_mother(self, i: int, town: str) -> _Mo:
        r = self.r
        culture = self.weighted(self.towns[town].cultures)
        c = self.words.cultures[culture]
        first, last = self.person_name(culture)
        language = self.weighted(c.languages)
        language = language if language in self.vocab["language"] else "en"
        young = self.chance(0.12)
        age = r(16, 19) if young else min(42, max(20, round(self.rng.gauss(30, 5.5))))
        if young and self.chance(0.9):
            other_children = 0
        else:
            other_children = self.weighted(((0, 45), (1, 30), (2, 15), (3, 7), (4, 3)))
        migrant = self.chance(c.migrant * 0.8)
        interpreter = language != "en" and self.chance(0.55)
        multiple = self.chance(0.02)
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
        needs = [code for code in self.vocab["need"] if self.chance(odds.get(code, 0.0))]
        for extra in ("social_isolation", "mental_health"):
            if len(needs) < 2 and extra not in needs and extra in self.vocab["need"]:
                needs.append(extra)
        wanted = [tag for n, (tag, p) in WANTED.items() if n in needs and self.chance(p)]
        wanted += ["breastfeeding"] if self.chance(0.15) else []
        services = self.services.get(town, [])
        helpful = {cat for n in needs for cat in self.w["need_services"].get(n, ())}
        abuse = "domestic_abuse" in needs
        return _Mo(
            id=self.new_id("mother"),
            index=i,
            town=town,
            culture=culture,
            first=first,
            last=last,
            age=age,
            language=language,
            interpreter=interpreter,
            needs=needs,
            wanted=sorted({w for w in wanted if w in self.vocab["experience"]}),
            multiple=multiple,
            other_children=other_children,
            slots=self.slots(2, 5),
            point=self.pick(self.postcodes[town]),
            services=[s for s in services if s[2] in helpful] or services,
            no_letters_home=self.chance(0.75 if abuse else 0.05),
            no_voicemail=self.chance(0.6 if abuse else 0.08),
            email=self.email(first, last) if self.chance(0.55) else None,
            gender_pref=self.weighted(weights(m.GenderPreference, "any 68 female 32")),
        )

    def _mother_rows(self, mo: _Mo, t: _Time, proj: Proj, stage: m.MotherStage) -> None:
        r, w, town = self.r, self.w, mo.town
        c = self.words.cultures[mo.culture]
        source = self.weighted(SOURCE_WEIGHTS)
        agency = (
            w["agencies"]
            .get(source.value, "")
            .format(town=town, word=self.pick(self.words.street_words))
        )
        if source == m.ReferralSource.GP:
            agency = self.pick(self.practices[town])
        elif source == m.ReferralSource.OTHER_CHARITY:
            agency = self.pick(w["other_charities"]).format(town=town)
        referrer = mo.referrer = None if source == m.ReferralSource.SELF else self.any_name()
        need_labels = ", ".join(self.labels["need"][n].lower() for n in mo.needs[:3])
        reasons = (
            f"{w['referral_opening'].format(needs=need_labels)} {self.pick(w['referral_extras'])}"
        )
        if mo.interpreter:
            reasons += " " + w["interpreter"].format(language=self.labels["language"][mo.language])
        abuse = "domestic_abuse" in mo.needs
        SC = m.SafeContactMethod
        method = self.weighted(
            (
                (SC.TEXT if abuse else SC.PHONE, 45),
                (SC.TEXT, 35),
                (SC.EMAIL if mo.email else SC.TEXT, 5),
                (SC.PHONE if mo.no_letters_home else SC.LETTER, 5),
                (SC.VIA_REFERRER if referrer else SC.PHONE, 5),
                (SC.IN_PERSON, 5),
            )
        )
        steps = {MS.RECEIVED: t.R, MS.CONTACTED: t.C, MS.ASSESSED: t.A, MS.WAITING: t.W}
        stage_date = (steps | {MS.MATCHED: t.P, MS.CLOSED: t.X})[stage] or t.R
        closure, closure_note = self._closure_reason(t, mo) if stage == MS.CLOSED else (None, None)
        start_score = r(2, 7) if t.A is not None and self.chance(0.7) else None
        if start_score is not None and t.E is not None and self.chance(0.8):
            mo.end_score = min(10, start_score + r(-1, 5))
        disability = None
        if self.chance(0.8):
            disabled = {"learning_disability", "physical_disability_illness"} & set(mo.needs)
            disability = (
                m.Disability.YES
                if disabled
                else self.weighted(weights(m.Disability, "no 88 yes 4 prefer_not_to_say 8"))
            )
        faith = self.pick(w["faith_preferences"]).format(faith=self.pick(c.faiths))
        line1, line2, _ = self.address(town)
        self.rows.add(
            "mother",
            id=mo.id,
            full_name=f"{mo.first} {mo.last}",
            preferred_name=self.words.nicknames.get(mo.first) if self.chance(0.6) else None,
            date_of_birth=add_years(t.R, -mo.age) - DAY * r(0, 364),
            address_line1=line1,
            address_line2=line2,
            town=town,
            postcode=mo.point[0],
            phone=self.mobile() if self.chance(0.95) else None,
            email=mo.email,
            safe_contact_method=method,
            safe_contact_times=self.pick(w["safe_contact_times"]),
            no_letters_home=mo.no_letters_home,
            no_voicemail=mo.no_voicemail,
            safe_contact_notes=w["safe_contact_abuse_note"] if abuse and self.chance(0.7) else None,
            language_id=self.vocab["language"][mo.language],
            interpreter_needed=mo.interpreter,
            project_id=proj.id if t.A is not None else None,
            edd=t.edd,
            edd_is_approximate=t.weeks is not None and self.chance(0.12),
            weeks_pregnant_at_referral=t.weeks,
            baby_dob=t.dob,
            multiple_birth=mo.multiple,
            other_children=mo.other_children,
            midwife_name=self.any_name() if self.chance(0.8) else None,
            health_visitor_name=self.any_name() if t.dob and self.chance(0.7) else None,
            gp_name=f"Dr {self.pick(self.gb_surnames)}" if self.chance(0.7) else None,
            gp_practice=self.pick(self.practices[town]) if self.chance(0.8) else None,
            referral_received_on=t.R,
            referral_source=source,
            referrer_name=referrer,
            referrer_agency=agency or None,
            referrer_phone=self.landline(town) if referrer else None,
            referrer_email=self.email(*referrer.split(" ", 1)) if referrer else None,
            referral_reasons=reasons,
            stage=stage,
            stage_changed_on=stage_date,
            closure_reason=closure,
            closure_reason_note=closure_note,
            support_plan="\n".join(self.rng.sample(w["plan_aims"], 2)) if t.P else None,
            prefers_shared_language=mo.language != "en" and self.chance(0.7),
            culture_faith_preference=faith if self.chance(0.12) else None,
            preferred_volunteer_gender=mo.gender_pref,
            matching_exclusions=(
                w["exclusion"].format(district=mo.point[0].split()[0])
                if self.chance(0.04)
                else None
            ),
            ethnicity=m.Ethnicity(self.weighted(c.ethnicities)) if self.chance(0.75) else None,
            disability=disability,
            start_outcome_score=start_score,
            end_outcome_score=mo.end_score,
            created_at=at(t.R, 9, r(0, 59)),
            updated_at=at(stage_date, 15),
        )
        self._mother_children(mo, t, stage, closure)
        self._consents(mo, t, proj)
        self._professionals(mo, source)
        self._concerns(mo, t, stage)
        if referrer and t.C is not None and self.chance(0.8):
            self.rows.add(
                "letter_sent",
                mother_id=mo.id,
                ending_id=None,
                kind="acknowledgement",
                recipient=referrer,
                sent_on=t.C,
                method=m.LetterMethod.EMAIL if self.chance(0.7) else m.LetterMethod.POST,
                note=None,
            )

    def _closure_reason(self, t: _Time, mo: _Mo) -> tuple[m.ClosureReason, str | None]:
        CR, ER = m.ClosureReason, m.EndingReason
        if t.E is not None and mo.ending_reason is not None:
            reason = {
                ER.SUPPORT_COMPLETE: CR.SUPPORT_COMPLETE,
                ER.BABY_AGE_LIMIT: CR.SUPPORT_COMPLETE,
                ER.MOVED_AWAY: CR.MOVED_AWAY,
                ER.MOTHER_DISENGAGED: CR.NO_RESPONSE,
                ER.MOTHER_DECLINED: CR.DECLINED,
                ER.ESCALATED_TO_PROFESSIONALS: CR.REFERRED_ELSEWHERE,
            }.get(mo.ending_reason, CR.OTHER)
            return reason, self.w["ending_closure_notes"].get(mo.ending_reason.value)
        by_stage = {
            MS.RECEIVED: "no_response 5 not_eligible 3 referred_elsewhere 2",
            MS.CONTACTED: "declined 5 no_response 4 moved_away 1",
            MS.ASSESSED: "not_eligible 3 referred_elsewhere 4 declined 3",
            MS.WAITING: "moved_away 3 declined 3 other 2 no_response 2",
        }
        reason = self.weighted(weights(CR, by_stage.get(t.reached, by_stage[MS.WAITING])))
        note = self.w["closure_notes"].get(reason.value) if self.chance(0.8) else None
        return reason, note

    def _mother_children(
        self, mo: _Mo, t: _Time, stage: m.MotherStage, closure: m.ClosureReason | None
    ) -> None:
        add, vocab = self.rows.add, self.vocab
        for code in mo.needs:
            add("mother_need", mother_id=mo.id, need_id=vocab["need"][code])
        others = ["en"] if mo.language != "en" and not mo.interpreter else []
        others += {"ur": ["pa"], "pa": ["ur"]}.get(mo.language, [])
        for code in others:
            add("mother_language", mother_id=mo.id, language_id=vocab["language"][code])
        for code in mo.wanted:
            tag_id = vocab["experience"][code]
            add("mother_wanted_experience", mother_id=mo.id, experience_tag_id=tag_id)
        if t.A is not None:
            for day, part in mo.slots:
                add("mother_availability", mother_id=mo.id, weekday=day, part_of_day=part)
        history = [(MS.RECEIVED, t.R), (MS.CONTACTED, t.C), (MS.ASSESSED, t.A)]
        history += [(MS.WAITING, t.W), (MS.MATCHED, t.P)]
        history = [(to, when) for to, when in history if when is not None]
        if stage == MS.CLOSED and t.X is not None:
            history.append((MS.CLOSED, t.X))
        previous = None
        for to, when in history:
            add(
                "mother_stage_change",
                mother_id=mo.id,
                from_stage=previous,
                to_stage=to,
                changed_on=when,
                reason=closure if to == MS.CLOSED else None,
                note=None,
            )
            previous = to

    def _consents(self, mo: _Mo, t: _Time, proj: Proj) -> None:
        if t.C is None:
            return
        given_on = t.A or t.C
        written = t.A is not None and self.chance(0.6)
        K = m.ConsentKind
        kinds = [(K.SERVICE, 1.0), (K.CONTACT_REFERRER, 0.95 if mo.referrer else 0.0)]
        kinds += [(K.SHARE_WITH_SERVICES, 0.7), (K.ANONYMOUS_REPORTING, 0.85)]
        for kind, p in kinds:
            if not self.chance(p):
                continue
            withdrawn = None
            if kind == K.ANONYMOUS_REPORTING and given_on < self.T and self.chance(0.03):
                withdrawn = given_on + DAY * self.r(1, (self.T - given_on).days)
            self.rows.add(
                "consent",
                mother_id=mo.id,
                kind=kind,
                given=True,
                given_on=given_on,
                how=m.ConsentMethod.WRITTEN if written else m.ConsentMethod.VERBAL,
                recorded_by=proj.coordinator,
                review_on=add_years(given_on, 1) if kind == K.SERVICE else None,
                withdrawn_on=withdrawn,
                share_with=(
                    self.pick(self.w["share_with"]) if kind == K.SHARE_WITH_SERVICES else None
                ),
            )

    def _professionals(self, mo: _Mo, source: m.ReferralSource) -> None:
        roles = self.w["professional_roles"]
        wanted = [n for n in mo.needs if n in roles]
        if source == m.ReferralSource.SOCIAL_WORKER:
            wanted.insert(0, "social_worker")
        for need in wanted[:2]:
            role, organisation = roles[need]
            referred = need == "social_worker" and mo.referrer
            self.rows.add(
                "professional",
                mother_id=mo.id,
                role=role,
                name=mo.referrer if referred else self.any_name(),
                organisation=f"{organisation}, {mo.town}",
                phone=self.landline(mo.town),
                email=None,
                notes=None,
            )

    def _concerns(self, mo: _Mo, t: _Time, stage: m.MotherStage) -> None:
        if t.C is None:
            return
        p = 0.03
        for need, odds in (
            ("domestic_abuse", 0.35),
            ("substance_misuse", 0.3),
            ("mental_health", 0.1),
        ):
            if need in mo.needs:
                p = odds
                break
        if self.chance(p):
            raised = t.C + DAY * self.r(0, (self.T - t.C).days)
            self._concern(mo, raised, None, t.X if stage == MS.CLOSED else None)

    def _concern(self, mo: _Mo, raised: date, contact_id: int | None, closed: date | None) -> None:
        T, r = self.T, self.r
        note, escalated_to = self.pick(self.w["safeguarding_notes"])
        escalated_on = min(T, raised + DAY * r(0, 3)) if self.chance(0.8) else None
        resolved = None
        if closed is not None:
            resolved = max(raised, min(closed, raised + DAY * r(7, 60)))
        elif raised < T - DAY * 30 and self.chance(0.65):
            resolved = raised + DAY * r(7, min(120, (T - raised).days))
        mo.concern = True
        self.rows.add(
            "safeguarding_concern",
            mother_id=mo.id,
            contact_id=contact_id,
            raised_on=raised,
            raised_by=self.pick(self.w["concern_raisers"]),
            note=note,
            escalated_to=escalated_to if escalated_on else None,
            escalated_on=escalated_on,
            resolved_on=resolved,
            resolution_note=self.w["concern_resolved"].format(who=escalated_to)
            if resolved
            else None,
        )

    # -- matches, contacts, endings -----------------------------------------------------

    def _decide_ending(self, mo: _Mo, proj: Proj, vol: Vol, planned: bool) -> None:
        ER, By = m.EndingReason, m.EndingInitiator
        if planned:
            befriending = proj.model == m.SupportModel.BEFRIENDING
            age_limit = befriending and self.chance(0.5)
            mo.ending_reason = ER.BABY_AGE_LIMIT if age_limit else ER.SUPPORT_COMPLETE
            mo.ending_by = By.COORDINATOR if self.chance(0.6) else By.MOTHER
            return
        options = UNPLANNED_WEIGHTS
        if vol.status in (VS.LEFT, VS.PAUSED):
            options += ((ER.VOLUNTEER_UNAVAILABLE, 40),)
        mo.ending_reason = reason = self.weighted(options)
        mo.ending_by = {
            ER.VOLUNTEER_UNAVAILABLE: By.VOLUNTEER,
            ER.ESCALATED_TO_PROFESSIONALS: By.REFERRER if self.chance(0.3) else By.COORDINATOR,
            ER.OTHER: By.COORDINATOR,
        }.get(reason, By.MOTHER)

    def _match(
        self, mo: _Mo, t: _Time, proj: Proj, vol: Vol, mstatus: m.MatchStatus, planned: bool | None
    ) -> None:
        assert t.P is not None
        mid = self.new_id("match")
        vol.spans.append((t.P, t.E, mid))
        vol.current += t.E is None
        started = t.S is not None
        VF = m.VisitFrequency
        frequency = proj.norm
        if not self.chance(0.85):
            mentoring = proj.model == m.SupportModel.MENTORING
            frequency = self.pick((VF.MONTHLY if mentoring else VF.FORTNIGHTLY, VF.BY_AGREEMENT))
        changes = [(None, MT.PROPOSED, t.P), (MT.PROPOSED, MT.ACTIVE, t.S)]
        changes += [(MT.ACTIVE, MT.PAUSED, t.paused), (MT.ACTIVE, MT.ENDED, t.E)]
        changes = [c for c in changes if c[2] is not None]
        self.rows.add(
            "match",
            id=mid,
            mother_id=mo.id,
            volunteer_id=vol.id,
            project_id=proj.id,
            status=mstatus,
            proposed_on=t.P,
            start_date=t.S,
            introduction_visit_on=t.intro,
            planned_end_date=t.planned_end,
            paused_on=t.paused,
            ended_on=t.E,
            agreed_visit_frequency=frequency if started else None,
            personal_numbers_shared=started and proj.numbers_shared and self.chance(0.8),
            ground_rules_note=self.pick(self.w["ground_rules"]) if started else None,
            ground_rules_agreed_on=t.S,
            coordinator_rationale=self.pick(self.w["rationales"]),
            decided_by=proj.coordinator,
            decided_at=at(t.P, self.r(9, 16), self.pick((0, 15, 30, 45))),
            created_at=at(t.P, 9),
            updated_at=at(changes[-1][2], 17),
        )
        for before, after, when in changes:
            self.rows.add(
                "match_status_change",
                match_id=mid,
                from_status=before,
                to_status=after,
                changed_on=when,
                note=None,
            )
        if self.chance(0.75) or mo.index < len(self.COVERAGE):
            self._scores(mid, mo, vol)
        if started:
            self._contacts(mid, mo, proj, vol, t, mstatus)
        if t.E is not None and planned is not None:
            self._ending(mid, mo, proj, t, planned)

    def _scores(self, mid: int, mo: _Mo, vol: Vol) -> None:
        D, say = m.CriterionDirection, self.w["score_texts"]
        scores: list[tuple[str, m.CriterionDirection, float, str]] = []
        if mo.language != "en":
            name = self.labels["language"][mo.language]
            shared = mo.language in vol.languages
            text = say["same_language" if shared else "other_language"].format(language=name)
            scores.append(("language", D.SAME, 3.0 if shared else 0.0, text))
        km = km_between(mo.point, vol.point)
        a, b = mo.point[0].split()[0], vol.point[0].split()[0]
        points = round(max(0.0, 3.0 - km / 2), 1)
        scores.append(("distance", D.NONE, points, say["distance"].format(km=km, a=a, b=b)))
        common = [s for s in mo.slots if s in vol.slots]
        when = " and ".join(f"{WEEKDAYS[d]} {p.value}s" for d, p in common[:2])
        text = say["free"].format(when=when) if common else say["not_free"]
        scores.append(("availability", D.NONE, min(2.0, 0.5 * len(common)), text))
        if mo.wanted:
            shared_tags = [self.labels["experience"][e] for e in mo.wanted if e in vol.experiences]
            text = (
                say["shared"].format(tags=", ".join(shared_tags))
                if shared_tags
                else say["not_shared"]
            )
            scores.append(("experience", D.SAME, 2.0 * len(shared_tags), text))
        if mo.gender_pref == m.GenderPreference.FEMALE:
            points = 1.0 if vol.gender == m.Gender.FEMALE else 0.0
            scores.append(("gender", D.NONE, points, say["gender"]))
        for criterion, direction, points, explanation in scores:
            self.rows.add(
                "match_criterion_score",
                match_id=mid,
                criterion=criterion,
                direction=direction,
                points=points,
                explanation=explanation,
            )

    def _contacts(
        self, mid: int, mo: _Mo, proj: Proj, vol: Vol, t: _Time, mstatus: m.MatchStatus
    ) -> None:
        T, r = self.T, self.r
        assert t.S is not None
        last, busy = t.E or t.paused or T, False
        if mstatus == MT.ACTIVE and t.S <= T - DAY * 40:
            if not self.gap_done or self.busy_done and self.chance(0.04):  # no contact for 14+ days
                self.gap_done, last = True, T - DAY * r(15, 30)
            elif not self.busy_done:  # far above the norm: dependency worth talking about
                self.busy_done = busy = vol.busy_match = True
        lo, hi = (-2, 2) if proj.step == 7 else (-3, 1)
        day = t.S
        while day <= last:
            self._contact(mid, mo, proj, day, intro=day == t.S)
            day += DAY * (proj.step + r(lo, hi))
        day = T - DAY * 27
        while busy and day <= T:
            self._contact(mid, mo, proj, day, busy=True)
            day += DAY * r(1, 2)

    def _contact(  # noqa: C901 - one visit or call, and everything that can come of it
        self, mid: int, mo: _Mo, proj: Proj, day: date, *, intro: bool = False, busy: bool = False
    ) -> None:
        r, w = self.r, self.w
        cid = self.new_id("contact")
        made, supports = True, [ST.ACTIVE_LISTENING]
        notes = signpost_note = concerns = follow_up = follow_done = None
        if intro:
            medium, minutes, notes = CM.HOME_VISIT, 60, w["intro_note"]
            supports.append(ST.INFORMATION)
        elif busy:
            medium = self.pick((CM.TEXT, CM.PHONE, CM.TEXT))
            minutes, notes = r(*MINUTES[medium]), self.pick(w["busy_notes"])
        else:
            medium = self.weighted(MEDIA[proj.model])
            minutes = r(*MINUTES[medium])
            made = not (medium in (CM.PHONE, CM.TEXT, CM.HOME_VISIT) and self.chance(0.08))
            if not made:
                supports, minutes = [], None if medium == CM.HOME_VISIT else 0
                key = "home_visit" if medium == CM.HOME_VISIT else "other"
                notes = w["attempted_notes"][
                    "no_voicemail" if mo.no_voicemail and medium == CM.PHONE else key
                ]
            else:
                if self.chance(0.4):
                    supports.append(ST.INFORMATION)
                if mo.services and self.chance(0.18):
                    supports.append(ST.SIGNPOSTING)
                outing = medium in (CM.OUTING, CM.ACCOMPANIED_APPOINTMENT)
                if self.chance(0.9 if outing else 0.15):
                    supports.append(ST.PRACTICAL)
                notes = self.pick(w["contact_notes"]) if self.chance(0.6) else None
                if self.chance(0.03):
                    concerns, follow_up = self.pick(w["contact_concerns"])
                    done = day + DAY * r(1, 10)
                    follow_done = done if done <= self.T and self.chance(0.7) else None
        escalated = made and not intro and not mo.concern and self.chance(0.004)
        if ST.SIGNPOSTING in supports:
            chosen = self.rng.sample(mo.services, min(len(mo.services), 1 + self.chance(0.1)))
            for sid, _, _ in chosen:
                self.rows.add("contact_signpost", contact_id=cid, service_id=sid)
            signpost_note = w["signpost_note"].format(services=" and ".join(s[1] for s in chosen))
        travel = made and medium in (CM.HOME_VISIT, CM.OUTING, CM.ACCOMPANIED_APPOINTMENT)
        when = at(day, r(9, 18), self.pick((0, 15, 30, 45)))
        self.rows.add(
            "contact",
            id=cid,
            match_id=mid,
            contact_at=when,
            duration_minutes=minutes,
            medium=medium,
            outcome=m.ContactOutcome.MADE if made else m.ContactOutcome.ATTEMPTED,
            signpost_note=signpost_note,
            concerns=concerns,
            follow_up=follow_up,
            follow_up_done_on=follow_done,
            safeguarding_escalated=escalated,
            notes=notes,
            mileage_miles=round(self.rng.uniform(0.8, 9.5), 1)
            if travel and self.chance(0.7)
            else None,
            expenses_pence=self.pick((250, 320, 450, 560, 680))
            if travel and self.chance(0.15)
            else None,
            reported_by=(
                m.ReportedBy.COORDINATOR if intro or self.chance(0.05) else m.ReportedBy.VOLUNTEER
            ),
            created_at=when + timedelta(hours=r(1, 30)),
            updated_at=when + timedelta(hours=30),
        )
        for support in supports:
            self.rows.add("contact_support", contact_id=cid, support_type=support)
        if escalated:
            self._concern(mo, day, cid, None)

    def _ending(self, mid: int, mo: _Mo, proj: Proj, t: _Time, planned: bool) -> None:
        assert t.E is not None and mo.ending_reason is not None
        T, r, w = self.T, self.r, self.w
        eid = self.new_id("ending")
        ending_type = m.EndingType.PLANNED if planned else m.EndingType.UNPLANNED
        reason = mo.ending_reason
        onward_n = (r(1, 3) if self.chance(0.8) else 0) if planned else int(self.chance(0.35))
        onward = self.rng.sample(mo.services, min(onward_n, len(mo.services)))
        feedback = self.chance(0.7 if planned else 0.2)
        self.rows.add(
            "ending",
            id=eid,
            match_id=mid,
            ended_on=t.E,
            ending_type=ending_type,
            initiated_by=mo.ending_by,
            reason=reason,
            reason_note=w["ending_notes"].get(reason.value),
            mother_feedback=self.pick(w["feedback"]) if feedback else None,
            outcome_score=mo.end_score,
            door_left_open=reason != m.EndingReason.ESCALATED_TO_PROFESSIONALS or self.chance(0.5),
        )
        for sid, _, _ in onward:
            self.rows.add("ending_signpost", ending_id=eid, service_id=sid)
        for item_id, position, text in self.templates[(proj.id, ending_type)]:
            done, note, lowered = self.chance(0.92 if planned else 0.8), None, text.lower()
            if "letter" in lowered and mo.no_letters_home:
                done, note = False, w["checklist_no_post"]
            elif "signposting" in lowered and onward:
                note = ", ".join(s[1] for s in onward)
            self.rows.add(
                "ending_checklist_answer",
                ending_id=eid,
                template_item_id=item_id,
                position=position,
                item_text=text,
                done=done,
                done_on=min(T, t.E + DAY * r(-14, 10)) if done else None,
                note=note,
            )
        sent = min(T, t.E + DAY * r(0, 7))
        LM = m.LetterMethod
        method = LM.POST
        if mo.no_letters_home:
            method = LM.EMAIL if mo.email else LM.NOT_SENT
        letters = [(f"{mo.first} {mo.last}", method)]
        if mo.referrer and self.chance(0.6):
            letters.append((mo.referrer, LM.EMAIL))
        for recipient, method in letters:
            self.rows.add(
                "letter_sent",
                mother_id=mo.id,
                ending_id=eid,
                kind="closure",
                recipient=recipient,
                sent_on=None if method == LM.NOT_SENT else sent,
                method=method,
                note=w["letter_not_sent"] if method == LM.NOT_SENT else None,
            )

    # -- supervision --------------------------------------------------------------------

    def _supervision(self) -> None:
        T, r = self.T, self.r
        year_ago = T - DAY * 365
        overdue = 2  # the first active volunteers whose supervision is overdue
        for vol in self.vols:
            if vol.active_from is None or vol.window_end is None:
                continue
            weeks, until = vol.projects[0].interval_weeks, vol.window_end
            if vol.status == VS.ACTIVE and (overdue > 0 or self.chance(0.1)):
                overdue -= 1
                until = T - DAY * (weeks * 7 + r(7, 40))
            held = max(vol.active_from + DAY * 14, year_ago) + DAY * r(0, weeks * 7)
            while held <= until:
                self._session(held, weeks, [vol], vol.projects[0], group=False)
                held += DAY * (weeks * 7 + r(-7, 7))
        for proj in self.projects:
            held = year_ago + DAY * r(0, 20)
            members = [v for v in self.vols if proj in v.projects and v.active_from is not None]
            while held <= T:
                present = [v for v in members if v.active_from <= held <= (v.window_end or T)]  # type: ignore[operator]
                if len(present) >= 2:
                    attendees = self.rng.sample(present, min(len(present), r(3, 8)))
                    self._session(held, 8, sorted(attendees, key=lambda v: v.id), proj, group=True)
                held += DAY * (56 + r(-3, 3))

    def _session(self, held: date, weeks: int, vols: list[Vol], proj: Proj, *, group: bool) -> None:
        T, r, w = self.T, self.r, self.w
        sid = self.new_id("supervision_session")
        discussed = [
            mid for v in vols for s, e, mid in v.spans if s <= held and (e is None or e >= held)
        ]
        busy = any(v.busy_match for v in vols) and held >= T - DAY * 28
        self.rows.add(
            "supervision_session",
            id=sid,
            held_on=held,
            kind=m.SupervisionKind.GROUP if group else m.SupervisionKind.ONE_TO_ONE,
            supervisor_name=w["group_supervisor"] if group else proj.coordinator,
            duration_minutes=90 if group else self.pick((30, 45, 60)),
            wellbeing=None if group else self.pick(w["wellbeing"]),
            boundary_concerns=self.pick(w["boundary_notes"]) if self.chance(0.08) else None,
            dependency_concerns=w["dependency_note"] if busy else None,
            safeguarding=w["supervision_safeguarding"] if self.chance(0.04) else None,
            training_needs=self.pick(w["training_wishes"]) if self.chance(0.12) else None,
            notes=self.pick(w["group_topics"]) if group else None,
            next_due_on=held + DAY * 7 * weeks,
        )
        for v in vols:
            self.rows.add("supervision_attendee", session_id=sid, volunteer_id=v.id)
        for mid in list(dict.fromkeys(discussed))[: 4 if group else None]:
            self.rows.add("supervision_match", session_id=sid, match_id=mid)
        for _ in range(self.weighted(((0, 45), (1, 40), (2, 15)))):
            v = self.pick(vols)
            due = held + DAY * r(7, 28)
            # most actions get done; older ones more often
            p_done = 0.2 if due > T else 0.95 if due < T - DAY * 60 else 0.7
            done_on = (
                min(T, held + DAY * r(1, (due - held).days + 7)) if self.chance(p_done) else None
            )
            self.rows.add(
                "supervision_action",
                session_id=sid,
                volunteer_id=v.id,
                text=self.pick(w["supervision_actions"]),
                owner=v.name if self.chance(0.6) else proj.coordinator,
                due_on=due,
                done_on=done_on,
            )
