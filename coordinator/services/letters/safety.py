"""The rules that keep a letter safe: where a letter to her may go, and whether a referral
summary may be shared with the person it is for."""

from __future__ import annotations

from dataclasses import dataclass

from coordinator.models import Mother
from coordinator.models.mother import SafeContactMethod
from coordinator.models.mother_detail import ConsentKind
from coordinator.services.letters.gather import home_address
from coordinator.services.letters.kinds import AddressChoice


class LetterRefused(Exception):
    """This letter cannot be made as asked; `message` says why and what to do instead.
    `alternatives` are the addresses she may use; `needs_acknowledgement` marks a warning
    that making the letter anyway must acknowledge (LetterRequest.consent_acknowledged)."""

    def __init__(
        self,
        message: str,
        *,
        alternatives: tuple[AddressChoice, ...] = (),
        needs_acknowledgement: bool = False,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.alternatives = alternatives
        self.needs_acknowledgement = needs_acknowledgement


@dataclass(frozen=True)
class Recipient:
    """Who a referral summary is for. `is_referrer` means the referrer recorded on her."""

    name: str
    organisation: str = ""
    is_referrer: bool = False

    def lines(self) -> tuple[str, ...]:
        return tuple(part for part in (self.name, self.organisation) if part)

    def one_line(self) -> str:
        return ", ".join(self.lines())


def safe_address(mother: Mother) -> tuple[str, ...]:
    """Her safe address block: the one recorded on her, else care of her referrer when
    that is the way she asked to be contacted. Empty when there is none."""
    recorded = [line.strip() for line in (mother.safe_address or "").splitlines()]
    if any(recorded):
        return (mother.full_name, *(line for line in recorded if line))
    if mother.safe_contact_method != SafeContactMethod.VIA_REFERRER:
        return ()
    via = [part for part in (mother.referrer_name, mother.referrer_agency) if part]
    if not via:
        return ()
    return (mother.full_name, f"c/o {via[0]}", *via[1:])


def address_options(mother: Mother) -> dict[AddressChoice, str | None]:
    """Each way a letter to her could be addressed, with the reason when it is not allowed
    (None = allowed)."""
    options: dict[AddressChoice, str | None] = {}
    if mother.no_letters_home:
        options[AddressChoice.HOME] = (
            "She asked for no letters to her home address, so this letter cannot be addressed "
            "there."
        )
    elif not home_address(mother):
        options[AddressChoice.HOME] = "No home address is recorded for her."
    else:
        options[AddressChoice.HOME] = None
    options[AddressChoice.SAFE] = (
        None if safe_address(mother) else "No safe address is recorded for her."
    )
    options[AddressChoice.NONE] = None
    return options


def addressed(mother: Mother, choice: AddressChoice) -> tuple[str, ...]:
    """The address block for her letter; LetterRefused with the reason and the choices
    that are allowed if this one is not."""
    options = address_options(mother)
    why = options[choice]
    if why is not None:
        allowed = tuple(c for c, reason in options.items() if reason is None)
        offer = " Make it without an address to hand to her"
        if AddressChoice.SAFE in allowed:
            offer += ", or address it to her safe address"
        raise LetterRefused(why + offer + ".", alternatives=allowed)
    if choice == AddressChoice.HOME:
        return (mother.full_name, *home_address(mother))
    if choice == AddressChoice.SAFE:
        return safe_address(mother)
    return ()


def her_referrer(mother: Mother) -> Recipient | None:
    if not (mother.referrer_name or mother.referrer_agency):
        return None
    return Recipient(mother.referrer_name or "", mother.referrer_agency or "", is_referrer=True)


def consent_warning(mother: Mother, recipient: Recipient) -> str | None:
    """Why sharing her summary with `recipient` is not covered by a consent she gave, or
    None when it is."""
    current = {c.kind: c for c in mother.consents if c.is_current}
    if recipient.is_referrer and ConsentKind.CONTACT_REFERRER in current:
        return None
    sharing = current.get(ConsentKind.SHARE_WITH_SERVICES)
    if sharing is not None:
        named = (sharing.share_with or "").lower()
        wanted = [part.lower() for part in recipient.lines() if part]
        if not named.strip() or any(part in named for part in wanted):
            return None
    who = recipient.one_line() or "this recipient"
    return (
        f"No consent is recorded for sharing her information with {who}. Check that she "
        "agrees before you send it; making it anyway is recorded on the letter."
    )
