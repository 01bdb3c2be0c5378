"""A form's messages: which are shown as the user types and leaves fields, and when Save
may be used (the state the form dialog draws from, without Qt)."""

from __future__ import annotations

from coordinator.ui.kit.form_messages import FormMessages

FIELDS = ["full_name", "postcode", "email"]
NAME = {"full_name": "Her full name is needed."}
POSTCODE = {"postcode": "Not a UK postcode."}


def test_a_new_forms_messages_wait_until_the_user_has_been_in_a_field():
    view = FormMessages().view(NAME, FIELDS, changed=False)
    assert view.shown == {}
    assert view.errors == NAME and view.first == "Her full name is needed."
    assert not view.can_save and not view.offer_reveal


def test_leaving_a_field_shows_its_message_and_only_its_own():
    messages = FormMessages()
    messages.left("postcode")
    view = messages.view({**NAME, **POSTCODE}, FIELDS, changed=True)
    assert view.shown == POSTCODE
    assert view.problem_count == 2 and view.offer_reveal


def test_typing_shows_the_message_after_a_pause_then_at_every_keystroke():
    messages = FormMessages()
    messages.edited("postcode")
    assert messages.view(POSTCODE, FIELDS, changed=True).shown == {}  # still typing
    messages.paused()
    assert messages.view(POSTCODE, FIELDS, changed=True).shown == POSTCODE
    messages.edited("postcode")  # typing on: no waiting any more
    fixed = {"postcode": "Not a UK postcode: it looks like LE1 6TH."}
    assert messages.view(fixed, FIELDS, changed=True).shown == fixed
    assert messages.view({}, FIELDS, changed=True).shown == {}  # corrected: gone at once


def test_a_pause_shows_only_the_fields_typed_in():
    messages = FormMessages()
    messages.edited("email")
    messages.paused()
    messages.edited("postcode")  # typed in after the pause: still waiting
    problems = {"email": "Not an email address.", **POSTCODE}
    assert messages.view(problems, FIELDS, changed=True).shown == {"email": "Not an email address."}


def test_save_is_possible_only_when_something_changed_and_nothing_needs_correcting():
    messages = FormMessages()
    assert not messages.view({}, FIELDS, changed=False).can_save
    assert messages.view({}, FIELDS, changed=True).can_save
    assert not messages.view(POSTCODE, FIELDS, changed=True).can_save
    # A hidden message still stops Save: the user is told how many fields to correct.
    view = messages.view(POSTCODE, FIELDS, changed=True)
    assert view.shown == {} and view.problem_count == 1


def test_reveal_shows_every_message():
    messages = FormMessages()
    messages.reveal()
    both = {**NAME, **POSTCODE}
    assert messages.view(both, FIELDS, changed=True).shown == both


def test_what_save_was_refused_for_stays_until_that_field_is_edited():
    messages = FormMessages()
    taken = {"full_name": "A project of this name already exists."}
    messages.refuse(taken)
    # Typing elsewhere does not clear it, though checking as-you-type cannot find it.
    messages.edited("postcode")
    view = messages.view({}, FIELDS, changed=True)
    assert view.shown == taken and not view.can_save
    messages.edited("full_name")
    assert messages.view({}, FIELDS, changed=True).can_save


def test_a_refusal_shows_every_other_message_too():
    messages = FormMessages()
    messages.refuse({"full_name": "Taken."})
    view = messages.view(POSTCODE, FIELDS, changed=True)
    assert view.shown == {"full_name": "Taken.", **POSTCODE}


def test_the_first_problem_is_the_first_in_the_forms_order():
    problems = {"email": "Not an email address.", **NAME}  # the service's order differs
    assert FormMessages().view(problems, FIELDS, changed=True).first == NAME["full_name"]


def test_a_message_with_no_field_on_the_form_is_shown_with_the_others():
    problems = {"project_ids": "Choose a project.", **POSTCODE}
    view = FormMessages().view(problems, FIELDS, changed=True)
    assert view.others == ["Choose a project."]
    assert view.first == POSTCODE["postcode"]
    alone = FormMessages().view({"project_ids": "Choose a project."}, FIELDS, changed=True)
    assert alone.first == "Choose a project." and alone.problem_count == 1
