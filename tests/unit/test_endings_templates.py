"""Editing the ending checklist templates: reword, reorder, mark required, retire."""

from __future__ import annotations

import pytest

from coordinator import models as m
from coordinator.models import EndingType
from coordinator.services import endings_templates as templates
from coordinator.services.endings import template_for


def planned_default(vault) -> templates.TemplateForm:
    (row,) = [r for r in templates.template_rows(vault) if r.label.startswith("Planned ending")]
    return templates.load_template(vault, row.id)


def test_rewording_and_reordering_keep_each_items_identity(vault):
    form = planned_default(vault)
    first, second = form.items[0], form.items[1]
    first.text = "Ending date agreed at the introduction"
    form.items[0], form.items[1] = second, first
    form.items[0].required = False
    form.items.append(templates.ItemForm("Thank-you card sent", required=False))
    templates.save_template(vault, form)
    again = templates.load_template(vault, form.id)
    assert [i.text for i in again.items[:2]] == [
        "Ending discussed again about 4 weeks before the end",
        "Ending date agreed at the introduction",
    ]
    assert again.items[1].id == first.id and not again.items[0].required
    assert again.items[-1].text == "Thank-you card sent"


def test_a_retired_template_is_no_longer_used(vault):
    form = planned_default(vault)
    form.active = False
    templates.save_template(vault, form)
    with vault.session() as s:
        assert template_for(s, None, m.SupportModel.BEFRIENDING, EndingType.PLANNED) is None
    assert templates.template_rows(vault)[-1].label.endswith("(retired)")


@pytest.mark.parametrize(
    ("change", "said"),
    [({"name": " "}, "name"), ({"items": []}, "items")],
)
def test_a_template_needs_a_name_and_items(vault, change, said):
    form = planned_default(vault)
    for key, value in change.items():
        setattr(form, key, value)
    assert said in templates.check_template(form)
    with pytest.raises(ValueError):
        templates.save_template(vault, form)
