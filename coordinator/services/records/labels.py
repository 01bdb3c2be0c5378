"""Words shown for the stored codes: English, marked with N_() for translation (the UI shows
them with coordinator.ui.translations.word(); the CLI prints them as they are).

Data is kept and compared by the codes, never by these words: rewording one changes nothing
stored. (The importer also recognises them in spreadsheets, with its own synonyms.)"""

from __future__ import annotations

from coordinator.models import (
    ETHNICITY_LABELS,
    ClosureReason,
    ConsentKind,
    ConsentMethod,
    DbsCheckType,
    Disability,
    Gender,
    GenderPreference,
    MatchStatus,
    MotherStage,
    PartOfDay,
    ReferralSource,
    SafeContactMethod,
    SupportModel,
    VisitFrequency,
    VolunteerStatus,
)
from coordinator.words import N_

#: Pipeline order: the order the list sorts stages in.
STAGE_LABELS: dict[MotherStage, str] = {
    MotherStage.RECEIVED: N_("Received"),
    MotherStage.CONTACTED: N_("Contacted"),
    MotherStage.ASSESSED: N_("Assessed"),
    MotherStage.WAITING: N_("Waiting for a match"),
    MotherStage.MATCHED: N_("Matched"),
    MotherStage.CLOSED: N_("Closed"),
}
CLOSURE_REASON_LABELS: dict[ClosureReason, str] = {
    ClosureReason.DECLINED: N_("Declined"),
    ClosureReason.NOT_ELIGIBLE: N_("Not eligible"),
    ClosureReason.MOVED_AWAY: N_("Moved away"),
    ClosureReason.NO_RESPONSE: N_("No response"),
    ClosureReason.REFERRED_ELSEWHERE: N_("Referred elsewhere"),
    ClosureReason.SUPPORT_COMPLETE: N_("Support complete"),
    ClosureReason.OTHER: N_("Other"),
}
REFERRAL_SOURCE_LABELS: dict[ReferralSource, str] = {
    ReferralSource.MIDWIFE: N_("Midwife"),
    ReferralSource.HEALTH_VISITOR: N_("Health visitor"),
    ReferralSource.GP: N_("GP"),
    ReferralSource.PERINATAL_MENTAL_HEALTH: N_("Perinatal mental health team"),
    ReferralSource.SOCIAL_WORKER: N_("Social worker"),
    ReferralSource.CHILDRENS_CENTRE: N_("Children's centre"),
    ReferralSource.OTHER_CHARITY: N_("Another charity"),
    ReferralSource.SELF: N_("Self-referral"),
    ReferralSource.OTHER: N_("Other"),
}
SAFE_CONTACT_LABELS: dict[SafeContactMethod, str] = {
    SafeContactMethod.PHONE: N_("Phone call"),
    SafeContactMethod.TEXT: N_("Text message"),
    SafeContactMethod.EMAIL: N_("Email"),
    SafeContactMethod.LETTER: N_("Letter"),
    SafeContactMethod.VIA_REFERRER: N_("Through the referrer"),
    SafeContactMethod.IN_PERSON: N_("In person"),
}
GENDER_PREFERENCE_LABELS: dict[GenderPreference, str] = {
    GenderPreference.ANY: N_("No preference"),
    GenderPreference.FEMALE: N_("Female"),
    GenderPreference.MALE: N_("Male"),
    GenderPreference.NON_BINARY: N_("Non-binary"),
}
DISABILITY_LABELS: dict[Disability, str] = {
    Disability.YES: N_("Yes"),
    Disability.NO: N_("No"),
    Disability.PREFER_NOT_TO_SAY: N_("Prefer not to say"),
}
CONSENT_KIND_LABELS: dict[ConsentKind, str] = {
    ConsentKind.SERVICE: N_("To receive the service"),
    ConsentKind.CONTACT_REFERRER: N_("To contact the referrer"),
    ConsentKind.SHARE_WITH_SERVICES: N_("To share with named services"),
    ConsentKind.ANONYMOUS_REPORTING: N_("To anonymous reporting"),
}
CONSENT_METHOD_LABELS: dict[ConsentMethod, str] = {
    ConsentMethod.VERBAL: N_("Verbal"),
    ConsentMethod.WRITTEN: N_("Written"),
    ConsentMethod.ELECTRONIC: N_("Electronic"),
}
#: Pipeline order: the order the list sorts statuses in.
VOLUNTEER_STATUS_LABELS: dict[VolunteerStatus, str] = {
    VolunteerStatus.APPLICANT: N_("Applicant"),
    VolunteerStatus.IN_TRAINING: N_("In training"),
    VolunteerStatus.ACTIVE: N_("Active"),
    VolunteerStatus.PAUSED: N_("Paused"),
    VolunteerStatus.LEFT: N_("Left"),
}
GENDER_LABELS: dict[Gender, str] = {
    Gender.FEMALE: N_("Female"),
    Gender.MALE: N_("Male"),
    Gender.NON_BINARY: N_("Non-binary"),
    Gender.PREFER_NOT_TO_SAY: N_("Prefer not to say"),
}
DBS_TYPE_LABELS: dict[DbsCheckType, str] = {
    DbsCheckType.BASIC: N_("Basic"),
    DbsCheckType.STANDARD: N_("Standard"),
    DbsCheckType.ENHANCED: N_("Enhanced"),
    DbsCheckType.ENHANCED_BARRED: N_("Enhanced with barred list"),
}
PART_OF_DAY_LABELS: dict[PartOfDay, str] = {
    PartOfDay.MORNING: N_("Morning"),
    PartOfDay.AFTERNOON: N_("Afternoon"),
    PartOfDay.EVENING: N_("Evening"),
}
SUPPORT_MODEL_LABELS: dict[SupportModel, str] = {
    SupportModel.BEFRIENDING: N_("Befriending"),
    SupportModel.MENTORING: N_("Mentoring"),
}
VISIT_FREQUENCY_LABELS: dict[VisitFrequency, str] = {
    VisitFrequency.WEEKLY: N_("Weekly"),
    VisitFrequency.FORTNIGHTLY: N_("Fortnightly"),
    VisitFrequency.MONTHLY: N_("Monthly"),
    VisitFrequency.BY_AGREEMENT: N_("By agreement"),
}
MATCH_STATUS_LABELS: dict[MatchStatus, str] = {
    MatchStatus.PROPOSED: N_("Proposed"),
    MatchStatus.ACTIVE: N_("Active"),
    MatchStatus.PAUSED: N_("Paused"),
    MatchStatus.ENDED: N_("Ended"),
}
#: Index = weekday as stored (0 = Monday).
WEEKDAY_LABELS: tuple[str, ...] = (
    N_("Monday"),
    N_("Tuesday"),
    N_("Wednesday"),
    N_("Thursday"),
    N_("Friday"),
    N_("Saturday"),
    N_("Sunday"),
)


def counted(n: int, one: str, many: str | None = None) -> str:
    """'1 match', '2 matches': a number with its noun (`many` defaults to `one` + 's')."""
    return f"{n:,} {one if n == 1 else many or one + 's'}"


__all__ = [
    "CLOSURE_REASON_LABELS",
    "CONSENT_KIND_LABELS",
    "CONSENT_METHOD_LABELS",
    "DBS_TYPE_LABELS",
    "DISABILITY_LABELS",
    "ETHNICITY_LABELS",
    "GENDER_LABELS",
    "GENDER_PREFERENCE_LABELS",
    "MATCH_STATUS_LABELS",
    "PART_OF_DAY_LABELS",
    "REFERRAL_SOURCE_LABELS",
    "SAFE_CONTACT_LABELS",
    "STAGE_LABELS",
    "SUPPORT_MODEL_LABELS",
    "VISIT_FREQUENCY_LABELS",
    "VOLUNTEER_STATUS_LABELS",
    "WEEKDAY_LABELS",
    "counted",
]
