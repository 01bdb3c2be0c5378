"""Words shown for the stored codes (English source strings; the UI passes them through tr())."""

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

#: Pipeline order: the order the list sorts stages in.
STAGE_LABELS: dict[MotherStage, str] = {
    MotherStage.RECEIVED: "Received",
    MotherStage.CONTACTED: "Contacted",
    MotherStage.ASSESSED: "Assessed",
    MotherStage.WAITING: "Waiting for a match",
    MotherStage.MATCHED: "Matched",
    MotherStage.CLOSED: "Closed",
}
CLOSURE_REASON_LABELS: dict[ClosureReason, str] = {
    ClosureReason.DECLINED: "Declined",
    ClosureReason.NOT_ELIGIBLE: "Not eligible",
    ClosureReason.MOVED_AWAY: "Moved away",
    ClosureReason.NO_RESPONSE: "No response",
    ClosureReason.REFERRED_ELSEWHERE: "Referred elsewhere",
    ClosureReason.SUPPORT_COMPLETE: "Support complete",
    ClosureReason.OTHER: "Other",
}
REFERRAL_SOURCE_LABELS: dict[ReferralSource, str] = {
    ReferralSource.MIDWIFE: "Midwife",
    ReferralSource.HEALTH_VISITOR: "Health visitor",
    ReferralSource.GP: "GP",
    ReferralSource.PERINATAL_MENTAL_HEALTH: "Perinatal mental health team",
    ReferralSource.SOCIAL_WORKER: "Social worker",
    ReferralSource.CHILDRENS_CENTRE: "Children's centre",
    ReferralSource.OTHER_CHARITY: "Another charity",
    ReferralSource.SELF: "Self-referral",
    ReferralSource.OTHER: "Other",
}
SAFE_CONTACT_LABELS: dict[SafeContactMethod, str] = {
    SafeContactMethod.PHONE: "Phone call",
    SafeContactMethod.TEXT: "Text message",
    SafeContactMethod.EMAIL: "Email",
    SafeContactMethod.LETTER: "Letter",
    SafeContactMethod.VIA_REFERRER: "Through the referrer",
    SafeContactMethod.IN_PERSON: "In person",
}
GENDER_PREFERENCE_LABELS: dict[GenderPreference, str] = {
    GenderPreference.ANY: "No preference",
    GenderPreference.FEMALE: "Female",
    GenderPreference.MALE: "Male",
    GenderPreference.NON_BINARY: "Non-binary",
}
DISABILITY_LABELS: dict[Disability, str] = {
    Disability.YES: "Yes",
    Disability.NO: "No",
    Disability.PREFER_NOT_TO_SAY: "Prefer not to say",
}
CONSENT_KIND_LABELS: dict[ConsentKind, str] = {
    ConsentKind.SERVICE: "To receive the service",
    ConsentKind.CONTACT_REFERRER: "To contact the referrer",
    ConsentKind.SHARE_WITH_SERVICES: "To share with named services",
    ConsentKind.ANONYMOUS_REPORTING: "To anonymous reporting",
}
CONSENT_METHOD_LABELS: dict[ConsentMethod, str] = {
    ConsentMethod.VERBAL: "Verbal",
    ConsentMethod.WRITTEN: "Written",
    ConsentMethod.ELECTRONIC: "Electronic",
}
#: Pipeline order: the order the list sorts statuses in.
VOLUNTEER_STATUS_LABELS: dict[VolunteerStatus, str] = {
    VolunteerStatus.APPLICANT: "Applicant",
    VolunteerStatus.IN_TRAINING: "In training",
    VolunteerStatus.ACTIVE: "Active",
    VolunteerStatus.PAUSED: "Paused",
    VolunteerStatus.LEFT: "Left",
}
GENDER_LABELS: dict[Gender, str] = {
    Gender.FEMALE: "Female",
    Gender.MALE: "Male",
    Gender.NON_BINARY: "Non-binary",
    Gender.PREFER_NOT_TO_SAY: "Prefer not to say",
}
DBS_TYPE_LABELS: dict[DbsCheckType, str] = {
    DbsCheckType.BASIC: "Basic",
    DbsCheckType.STANDARD: "Standard",
    DbsCheckType.ENHANCED: "Enhanced",
    DbsCheckType.ENHANCED_BARRED: "Enhanced with barred list",
}
PART_OF_DAY_LABELS: dict[PartOfDay, str] = {
    PartOfDay.MORNING: "Morning",
    PartOfDay.AFTERNOON: "Afternoon",
    PartOfDay.EVENING: "Evening",
}
SUPPORT_MODEL_LABELS: dict[SupportModel, str] = {
    SupportModel.BEFRIENDING: "Befriending",
    SupportModel.MENTORING: "Mentoring",
}
VISIT_FREQUENCY_LABELS: dict[VisitFrequency, str] = {
    VisitFrequency.WEEKLY: "Weekly",
    VisitFrequency.FORTNIGHTLY: "Fortnightly",
    VisitFrequency.MONTHLY: "Monthly",
    VisitFrequency.BY_AGREEMENT: "By agreement",
}
MATCH_STATUS_LABELS: dict[MatchStatus, str] = {
    MatchStatus.PROPOSED: "Proposed",
    MatchStatus.ACTIVE: "Active",
    MatchStatus.PAUSED: "Paused",
    MatchStatus.ENDED: "Ended",
}
#: Index = weekday as stored (0 = Monday).
WEEKDAY_LABELS: tuple[str, ...] = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
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
