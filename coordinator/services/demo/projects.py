"""The demo's projects, local services and the ending checklists that apply to each project."""

from __future__ import annotations

from sqlalchemy import select

from coordinator import models as m
from coordinator.services.demo.common import DAY, at
from coordinator.services.demo.records import Proj
from coordinator.services.demo.run import Run
from coordinator.services.letters.documents import Letterhead
from coordinator.services.letters.letterhead import put_letterhead


def add_projects(run: Run) -> None:
    taken = set(run.session.scalars(select(m.Project.name)))
    for spec in run.w["projects"]:
        name, n = spec["name"], 1
        while name in taken:
            name, n = f"{spec['name']} (demo {n})", n + 1
        proj = Proj(
            id=run.new_id("project"),
            model=m.SupportModel(spec["model"]),
            towns=tuple(spec["towns"]),
            coordinator=spec["coordinator"],
            interval_weeks=spec["supervision_interval_weeks"],
            step=7 if spec["visit_norm"] == "weekly" else 14,
            numbers_shared=spec["personal_numbers_shared"],
            norm=m.VisitFrequency(spec["visit_norm"]),
        )
        given = {k: v for k, v in spec.items() if k in m.Project.__table__.c}
        run.rows.add(
            "project",
            **given | {"model": proj.model, "visit_norm": proj.norm, "name": name},
            id=proj.id,
            active=True,
            created_at=at(run.T - DAY * 1100, 9),
            updated_at=at(run.T - DAY * 400, 9),
        )
        run.projects.append(proj)
        for town in proj.towns:
            run.town_projects.setdefault(town, []).append(proj)


def add_services(run: Run) -> None:
    for town, category, name in run.w["services"]:
        sid = run.new_id("local_service")
        slug = name.lower().replace(" ", "-").replace("'", "").replace("é", "e")
        line1, _, point = run.address(town)
        days = f"{run.pick(('Mon', 'Tue', 'Wed'))} and {run.pick(('Thu', 'Fri'))}"
        run.rows.add(
            "local_service",
            id=sid,
            name=name,
            category_id=run.vocab["category"].get(category),
            phone=run.mobile() if run.chance(0.2) else run.landline(town),
            email=f"hello@{slug}.example.org",
            website=f"https://www.example.org/{slug}",
            address=f"{line1}, {town}",
            postcode=point[0],
            area=town,
            eligibility=run.w["service_eligibility"].get(category),
            how_to_refer=run.pick(run.w["how_to_refer"]),
            notes=f"Open {days}, {run.pick(('9.30am', '10am'))}-{run.pick(('1pm', '3pm'))}.",
            active=True,
            created_at=at(run.T - DAY * run.r(30, 700), 11),
            updated_at=at(run.T - DAY * run.r(0, 29), 11),
        )
        run.services.setdefault(town, []).append((sid, name, category))


def load_templates(run: Run) -> None:
    """The most specific active checklist template per (project, ending type)."""
    templates = run.session.scalars(
        select(m.ChecklistTemplate)
        .where(m.ChecklistTemplate.active)
        .order_by(m.ChecklistTemplate.id)
    ).all()
    for proj in run.projects:
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
            run.templates[(proj.id, ending_type)] = [(i.id, i.position, i.text) for i in items]


#: The made-up charity whose letterhead the demo's letters print on.
DEMO_LETTERHEAD = Letterhead(
    charity_name="Bridgeway Family Friends",
    charity_number="1234567",
    address=("The Old School Rooms", "12 Chapel Street", "Leicester", "LE1 5AB"),
    phone="0116 496 0100",
    email="hello@bridgeway.example.org",
    website="bridgeway.example.org",
    signatory_name="Jo Bloggs",
    signatory_role="Project Coordinator",
    footer="Bridgeway Family Friends is a registered charity. We keep what you tell us private.",
)


def add_letterhead(run: Run) -> None:
    """The demo's letters print on a letterhead, as hers will once Settings → Letters is set."""
    put_letterhead(run.session, DEMO_LETTERHEAD)
