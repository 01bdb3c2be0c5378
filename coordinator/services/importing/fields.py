"""The columns a spreadsheet of mothers, volunteers or local services can have.

Each Field names a record attribute (or a pseudo-field such as first_name), the header
spellings recognised for it (the first is the one the exporter writes), and its type. Header
matching ignores case, spaces, punctuation and any "(...)" note, so "Mum's name", "MUMS NAME"
and "Mums name (full)" are one spelling.
"""

from __future__ import annotations

import enum
import functools
import re
import unicodedata
from dataclasses import dataclass

from coordinator import models as m
from coordinator.services.records import labels as L
from coordinator.services.records.mother_rules import MAX_OTHER_CHILDREN, MAX_WEEKS_PREGNANT
from coordinator.services.records.volunteer_rules import MAX_MATCHES, MAX_TRAVEL_KM

# Field types.
TEXT = "text"
DATE = "date"
PHONE = "phone"
EMAIL = "email"
POSTCODE = "postcode"
BOOL = "bool"
INT = "int"
FLOAT = "float"
ENUM = "enum"
VOCAB = "vocab"
VOCAB_LIST = "vocab_list"
PROJECT = "project"
PROJECT_LIST = "project_list"
TEXT_LIST = "text_list"
SLOTS = "slots"
#: Types whose cell holds several values separated by ';' (or ',').
LIST_TYPES = frozenset({VOCAB_LIST, PROJECT_LIST, TEXT_LIST, SLOTS})
# Date checks.
PAST, BIRTH, EDD = "past", "birth", "edd"


@dataclass(frozen=True)
class Field:
    name: str
    headers: tuple[str, ...]
    type: str = TEXT
    #: What the value is called in a message ("The referral date cannot be ...").
    what: str = ""
    enum: type[enum.Enum] | None = None
    #: The vocabulary model (VOCAB, VOCAB_LIST).
    vocab: type | None = None
    #: Date check: PAST (not in the future), BIRTH (a person's), EDD.
    check: str | None = None
    low: float | None = None
    high: float | None = None
    #: Imported but never exported (first_name, last_name make full_name).
    pseudo: bool = False

    @property
    def header(self) -> str:
        """The header the exporter writes, and the name shown for the field."""
        return self.headers[0]

    @property
    def noun(self) -> str:
        return self.what or f"The {self.header[0].lower()}{self.header[1:]}"


def F(name: str, headers: str, type_: str = TEXT, **kw: object) -> Field:
    return Field(name, tuple(h.strip() for h in headers.split("|")), type_, **kw)  # type: ignore[arg-type]


def norm(text: object) -> str:
    """Case-, accent-, space- and punctuation-free: 'Mum's name' -> 'mumsname'."""
    folded = unicodedata.normalize("NFKD", str(text)).casefold()
    return "".join(c for c in folded if c.isalnum())


_NOTE = re.compile(r"\([^)]*\)|\[[^\]]*\]")


def header_keys(text: object) -> list[str]:
    """The normalised forms a header cell is matched by: as written, then without notes."""
    keys = [norm(text)]
    bare = norm(_NOTE.sub("", str(text)))
    if bare and bare != keys[0]:
        keys.append(bare)
    return [k for k in keys if k]


# Words for the stored codes: the records service's labels, plus other common spellings.
ENUM_LABELS: dict[type[enum.Enum], dict] = {
    m.MotherStage: L.STAGE_LABELS,
    m.ClosureReason: L.CLOSURE_REASON_LABELS,
    m.ReferralSource: L.REFERRAL_SOURCE_LABELS,
    m.SafeContactMethod: L.SAFE_CONTACT_LABELS,
    m.GenderPreference: L.GENDER_PREFERENCE_LABELS,
    m.Disability: L.DISABILITY_LABELS,
    m.Ethnicity: L.ETHNICITY_LABELS,
    m.VolunteerStatus: L.VOLUNTEER_STATUS_LABELS,
    m.Gender: L.GENDER_LABELS,
    m.DbsCheckType: L.DBS_TYPE_LABELS,
}
SYNONYMS: dict[type[enum.Enum], str] = {
    m.MotherStage: "received: new, new referral, referred | waiting: waiting for match, "
    "waiting list, awaiting match | matched: match made | closed: ended, finished",
    m.ClosureReason: "support_complete: completed, support completed, finished | "
    "no_response: no reply, not responding | declined: refused, did not want support",
    m.ReferralSource: "self: self, self referred, herself | health_visitor: hv | "
    "perinatal_mental_health: pmh, perinatal mental health, mental health team, perinatal mh, "
    "perinatal mh team, pmh team, perinatal mental health team, pnmh, perinatal team | "
    "social_worker: social services, social care | other_charity: charity, other charity",
    m.SafeContactMethod: "phone: phone, call, telephone | text: text, sms | "
    "letter: post | via_referrer: via referrer",
    m.GenderPreference: "any: any, none, either, no | female: woman, f | male: man, m",
    m.Disability: "yes: y | no: n | prefer_not_to_say: not known, unknown, declined",
    m.Ethnicity: "white_british: white british, british",
    m.VolunteerStatus: "in_training: training | paused: on hold, break, on a break | "
    "left: leaver, inactive | applicant: applied, new",
    m.Gender: "female: f, woman | male: m, man | non_binary: nb",
    m.DbsCheckType: "enhanced_barred: enhanced barred, enhanced and barred, "
    "enhanced plus barred, enhanced with barred, enhanced dbs with barred list, "
    "enhanced dbs and barred list, enhanced + barred, enhanced with barred list check | "
    "enhanced: enhanced dbs, enhanced check, enhanced dbs check, enhanced disclosure | "
    "standard: standard dbs, standard check, standard dbs check | "
    "basic: basic dbs, basic check, basic dbs check, basic disclosure",
}


@functools.cache
def enum_lookup(py_enum: type[enum.Enum]) -> dict[str, enum.Enum]:
    """normalised label, code or synonym -> member."""
    table: dict[str, enum.Enum] = {}
    for member in py_enum:
        table[norm(member.value)] = member
    for group in SYNONYMS.get(py_enum, "").split("|"):
        if group.strip():
            code, words = group.split(":")
            for word in words.split(","):
                table[norm(word)] = py_enum(code.strip())
    for member, label in ENUM_LABELS[py_enum].items():
        table[norm(label)] = member
    return table


def enum_label(member: enum.Enum) -> str:
    return ENUM_LABELS[type(member)][member]


# fmt: off
FIRST = F("first_name", "First name|Forename|Forenames|First names|Given name", pseudo=True)
LAST = F("last_name", "Last name|Surname|Family name|Last names", pseudo=True)
PERSON_FIELDS = (
    F("preferred_name", "Preferred name|Known as|Nickname|Prefers to be called"),
    F("date_of_birth", "Date of birth|DOB|D.O.B.|Birth date|Birthday", DATE, check=BIRTH),
    F("address_line1", "Address line 1|Address|Address 1|Street|Home address|First line of address"),
    F("address_line2", "Address line 2|Address 2|Second line of address"),
    F("town", "Town|City|Town/city|Locality"),
    F("postcode", "Postcode|Post code|PC|Postal code|Zip code", POSTCODE),
    F("phone", "Phone|Tel|Telephone|Mobile|Phone number|Contact number|Mobile number|"
      "Telephone number|Tel no|Mobile no", PHONE),
    F("email", "Email|E-mail|Email address|E-mail address", EMAIL),
)
SLOT_HEADERS = "Availability|Available|Available times|When available|Free times"
#: Our reference (M0042, V0007): a row that carries one already in the database is that
#: record again; any other is given a new one when saved.
REFERENCE = F("reference", "Reference|Our ref|Our reference|Ref|Ref no|Reference number")
MOTHER_FIELDS: tuple[Field, ...] = (
    REFERENCE,
    F("full_name", "Full name|Name|Mum's name|Mother|Client name|Mother's name|Mum|Mother name|"
      "Client|Parent|Parent's name|Woman's name|Service user|Mum name", what="The full name"),
    FIRST,
    LAST,
    *PERSON_FIELDS,
    F("safe_contact_method", "Safe contact method|Safe contact|Contact method|How to contact|"
      "Best way to contact", ENUM, enum=m.SafeContactMethod),
    F("safe_contact_times", "Safe contact times|Safe times|Best times to contact|When to contact"),
    F("no_letters_home", "No letters to home address|No letters home|No letters|No post to home",
      BOOL),
    F("no_voicemail", "No voicemail|No voice mail|No voicemails|Do not leave voicemail", BOOL),
    F("safe_contact_notes", "Safe contact notes|Contact notes"),
    F("safe_address", "Safe address|Safe postal address|Address for letters"),
    F("language_id", "Main language|Language|First language|Preferred language|Language spoken|"
      "Home language|Languages spoken|Languages|Spoken languages", VOCAB, vocab=m.Language),
    F("other_languages", "Other languages|Also speaks|Additional languages|Second language",
      VOCAB_LIST, vocab=m.Language),
    F("interpreter_needed", "Interpreter needed|Interpreter|Needs interpreter|Interpreter required",
      BOOL),
    F("project_id", "Project|Project name|Scheme", PROJECT),
    F("edd", "Due date|EDD|Expected due date|Due|Estimated due date|Expected date of delivery|"
      "E.D.D.", DATE, check=EDD),
    F("edd_is_approximate", "Due date is approximate|EDD approximate|Approximate due date|"
      "Due date approximate|EDD is approximate", BOOL),
    F("weeks_pregnant_at_referral", "Weeks pregnant at referral|Weeks pregnant|Gestation|"
      "Gestation at referral|Weeks", INT, low=0, high=MAX_WEEKS_PREGNANT),
    F("baby_dob", "Baby's date of birth|Baby DOB|Baby's DOB|Baby date of birth|Baby born|"
      "Baby born on|Date baby born|Baby's birthday",
      DATE, check=PAST, what="The baby's date of birth"),
    F("multiple_birth", "Multiple birth|Twins|Twins or more|Multiple pregnancy", BOOL),
    F("other_children", "Other children|Number of other children|No of other children|Children|"
      "Siblings", INT, low=0, high=MAX_OTHER_CHILDREN),
    F("midwife_name", "Midwife|Midwife name|Midwife's name"),
    F("health_visitor_name", "Health visitor|Health visitor name|HV|Health visitor's name"),
    F("gp_name", "GP|GP name|Doctor|GP's name"),
    F("gp_practice", "GP practice|GP surgery|Surgery|Practice"),
    F("referral_received_on", "Referral date|Date referred|Received|Referral received|"
      "Date of referral|Referral received on|Date received|Referred on",
      DATE, check=PAST, what="The referral date"),
    F("referral_source", "Referral source|Source|Referred from|Source of referral|Referrer type",
      ENUM, enum=m.ReferralSource),
    F("referrer_name", "Referrer|Referred by|Referrer name|Referrer's name|Referring person"),
    F("referrer_agency", "Referrer agency|Referring agency|Agency|Referrer organisation|"
      "Organisation"),
    F("referrer_phone", "Referrer phone|Referrer tel|Referrer's phone|Referrer contact number|"
      "Referrer telephone", PHONE),
    F("referrer_email", "Referrer email|Referrer's email|Referrer e-mail", EMAIL),
    F("referral_reasons", "Referral reasons|Reason for referral|Reasons for referral|"
      "Referral reason|Reasons"),
    F("stage", "Stage|Status|Referral status|Current stage", ENUM, enum=m.MotherStage),
    F("stage_changed_on", "Stage date|Stage changed on|Status date|Stage since|Status since",
      DATE, check=PAST, what="The stage date"),
    F("closure_reason", "Closure reason|Reason closed|Reason for closure|Why closed|"
      "Reason not accepted", ENUM, enum=m.ClosureReason),
    F("closure_reason_note", "Closure note|Closure reason note|Closure details"),
    F("needs", "Needs|Needs/vulnerabilities|Vulnerabilities|Needs and vulnerabilities|"
      "Support needs", VOCAB_LIST, vocab=m.Need),
    F("support_plan", "Support plan|Plan"),
    F("notes", "Notes|Comments|Other notes|General notes|Note"),
    F("availability", SLOT_HEADERS, SLOTS),
    F("prefers_shared_language", "Prefers shared language|Wants same language|Same language",
      BOOL),
    F("wanted_experiences", "Wants someone who shares|Shared experience wanted|"
      "Lived experience wanted|Experience wanted|Wanted experience",
      VOCAB_LIST, vocab=m.ExperienceTag),
    F("culture_faith_preference", "Culture or faith preference|Faith preference|Culture preference"),
    F("preferred_volunteer_gender", "Preferred volunteer gender|Volunteer gender|"
      "Volunteer gender preference", ENUM, enum=m.GenderPreference),
    F("matching_exclusions", "Matching exclusions|Exclusions|Do not match with"),
    F("ethnicity", "Ethnicity|Ethnic group|Ethnic origin|Ethnic background",
      ENUM, enum=m.Ethnicity),
    F("disability", "Disability|Disabled|Has a disability", ENUM, enum=m.Disability),
    F("start_outcome_score", "Start outcome score|Start score|Outcome score at start",
      INT, low=m.OUTCOME_SCORE_MIN, high=m.OUTCOME_SCORE_MAX),
    F("end_outcome_score", "End outcome score|End score|Outcome score at end",
      INT, low=m.OUTCOME_SCORE_MIN, high=m.OUTCOME_SCORE_MAX),
)
VOLUNTEER_FIELDS: tuple[Field, ...] = (
    REFERENCE,
    F("full_name", "Full name|Name|Volunteer|Volunteer name|Volunteer's name|Peer supporter|"
      "Befriender|Mentor", what="The full name"),
    FIRST,
    LAST,
    *PERSON_FIELDS,
    F("gender", "Gender|Sex", ENUM, enum=m.Gender),
    F("status", "Status|Volunteer status|Stage", ENUM, enum=m.VolunteerStatus),
    F("status_since", "Status since|Status date|Since", DATE, check=PAST, what="The status date"),
    F("induction_completed_on", "Induction completed|Induction date|Induction completed on|"
      "Induction", DATE, check=PAST, what="The induction date"),
    F("id_seen_on", "ID seen on|ID seen|ID checked|ID check date",
      DATE, check=PAST, what="The date ID was seen"),
    F("languages", "Languages|Language|Languages spoken|Speaks", VOCAB_LIST, vocab=m.Language),
    F("experiences", "Lived experience|Experience|Lived experiences|Experiences",
      VOCAB_LIST, vocab=m.ExperienceTag),
    F("faith_culture", "Faith or culture|Faith/culture|Faith|Culture|Religion"),
    F("projects", "Projects|Project", PROJECT_LIST),
    F("areas", "Areas|Area|Areas covered|Areas willing to cover", TEXT_LIST),
    F("travel_radius_km", "Travel radius (km)|Travel radius|Radius|Travel distance|Will travel",
      FLOAT, low=0, high=MAX_TRAVEL_KM),
    F("availability", SLOT_HEADERS, SLOTS),
    F("max_matches", "Maximum matches|Max matches|Max mums|Capacity|Maximum simultaneous matches",
      INT, low=1, high=MAX_MATCHES),
    F("supervisor_name", "Supervisor|Supervisor name|Supervisor's name"),
    F("dbs_check_type", "DBS type|DBS level|DBS check type|Type of DBS",
      ENUM, enum=m.DbsCheckType),
    F("dbs_certificate_number", "DBS number|DBS certificate number|DBS certificate|DBS cert no|"
      "DBS no|Certificate number"),
    F("dbs_issue_date", "DBS date|DBS issue date|DBS issued|Date of DBS|DBS",
      DATE, check=PAST, what="The DBS issue date"),
    F("dbs_update_service", "DBS update service|Update service|On update service", BOOL),
    F("dbs_next_check_due", "DBS next check due|DBS due|Next DBS due|DBS renewal|DBS renewal date|"
      "DBS expiry", DATE),
    F("left_on", "Left on|Date left|Leaving date|Left", DATE, check=PAST, what="The leaving date"),
    F("leaving_reason", "Leaving reason|Reason for leaving|Why left"),
    F("notes", "Notes|Comments|Other notes"),
)
SERVICE_FIELDS: tuple[Field, ...] = (
    F("name", "Name|Service|Service name|Organisation|Organisation name|Provider",
      what="The service's name"),
    F("category_id", "Category|Type|Service type|Kind of service", VOCAB, vocab=m.ServiceCategory),
    F("phone", "Phone|Tel|Telephone|Phone number|Contact number", PHONE),
    F("email", "Email|E-mail|Email address", EMAIL),
    F("website", "Website|Web|Web site|Web address|URL"),
    F("address", "Address|Full address"),
    F("postcode", "Postcode|Post code|PC|Postal code", POSTCODE),
    F("area", "Area|Area covered|Coverage|Areas|Location"),
    F("eligibility", "Eligibility|Who can use it|Criteria|Eligibility criteria|Who for"),
    F("how_to_refer", "How to refer|Referral route|How to access|Referral process"),
    F("notes", "Notes|Comments"),
    F("active", "Active|Current|In use", BOOL),
)
# fmt: on

#: The DBS columns: they make one DBSCheck row.
DBS_FIELDS = (
    "dbs_check_type",
    "dbs_certificate_number",
    "dbs_issue_date",
    "dbs_update_service",
    "dbs_next_check_due",
)
FIELDS: dict[str, tuple[Field, ...]] = {
    "mothers": MOTHER_FIELDS,
    "volunteers": VOLUNTEER_FIELDS,
    "services": SERVICE_FIELDS,
}
KINDS = tuple(FIELDS)


def fields_of(kind: str) -> tuple[Field, ...]:
    try:
        return FIELDS[kind]
    except KeyError:
        raise ValueError(f"Unknown kind of record: {kind!r}.") from None


def export_fields(kind: str) -> tuple[Field, ...]:
    return tuple(f for f in fields_of(kind) if not f.pseudo)


def alias_table(kind: str) -> dict[str, Field]:
    """normalised header spelling -> field (the first field to claim a spelling keeps it)."""
    table: dict[str, Field] = {}
    for field in fields_of(kind):
        for header in field.headers:
            table.setdefault(norm(header), field)
    return table
