"""The ending checklist templates, as Settings edits them (Qt-free): per project (or every
project), model (or both) and ending type; items added, reworded, reordered, marked
required; templates retired rather than deleted. Endings already saved keep the wording
their answers were given."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select

from coordinator import models as m
from coordinator.models import AuditAction, EndingType, SupportModel
from coordinator.services import audit
from coordinator.services.sessions import Source, reading
from coordinator.storage.vault import Vault


@dataclass
class ItemForm:
    text: str
    required: bool = True
    id: int | None = None


@dataclass
class TemplateForm:
    name: str = ""
    ending_type: EndingType = EndingType.PLANNED
    project_id: int | None = None
    model: SupportModel | None = None
    active: bool = True
    items: list[ItemForm] = field(default_factory=list)
    id: int | None = None


@dataclass(frozen=True)
class TemplateRow:
    id: int
    label: str
    active: bool


def _label(t: m.ChecklistTemplate) -> str:
    kind = "planned" if t.ending_type is EndingType.PLANNED else "unplanned"
    where = t.project.name if t.project else "every project"
    model = f", {t.model.value}" if t.model else ""
    retired = " (retired)" if not t.active else ""
    return f"{t.name}: {kind}, {where}{model}{retired}"


def template_rows(source: Source) -> list[TemplateRow]:
    """Every template, the active ones first, by name."""
    with reading(source) as session:
        found = session.scalars(select(m.ChecklistTemplate)).all()
        rows = [TemplateRow(t.id, _label(t), t.active) for t in found]
    return sorted(rows, key=lambda r: (not r.active, r.label.casefold()))


def load_template(source: Source, template_id: int) -> TemplateForm:
    with reading(source) as session:
        t = session.get(m.ChecklistTemplate, template_id)
        if t is None:
            raise LookupError("That checklist is no longer in the database.")
        return TemplateForm(
            t.name,
            t.ending_type,
            t.project_id,
            t.model,
            t.active,
            [ItemForm(i.text, i.required, i.id) for i in t.items],
            t.id,
        )


def check_template(form: TemplateForm) -> dict[str, str]:
    problems = {}
    if not form.name.strip():
        problems["name"] = "Give the checklist a name."
    texts = [item.text.strip() for item in form.items]
    if not any(texts):
        problems["items"] = "A checklist needs at least one item."
    elif len({t.casefold() for t in texts if t}) < len([t for t in texts if t]):
        problems["items"] = "Two items have the same words: reword or remove one."
    return problems


def save_template(vault: Vault, form: TemplateForm) -> int:
    """Add or change the template; its id. Items keep their ids when reworded or moved
    (answers saved earlier keep their own copy of the words); removed items go."""
    problems = check_template(form)
    if problems:
        raise ValueError(" ".join(problems.values()))
    with vault.transaction() as session:
        template = session.get(m.ChecklistTemplate, form.id) if form.id else None
        created = template is None
        if template is None:
            template = m.ChecklistTemplate()
            session.add(template)
        template.name = form.name.strip()
        template.ending_type = form.ending_type
        template.project_id = form.project_id
        template.model = form.model
        template.active = form.active
        kept = {item.id: item for item in template.items}
        items = []
        for position, item in enumerate(i for i in form.items if i.text.strip()):
            row = kept.pop(item.id, None) if item.id else None
            row = row or m.ChecklistTemplateItem()
            row.text, row.required, row.position = item.text.strip(), item.required, position
            items.append(row)
        template.items = items
        session.flush()
        audit.record(
            session,
            AuditAction.CREATE if created else AuditAction.UPDATE,
            entity_type="checklist_template",
            entity_id=template.id,
        )
        return template.id
