"""Fill an empty database with realistic, made-up records for demos, training and benchmarks.

`fill_demo` refuses a database that already holds any mother or volunteer, so made-up records
are never mixed with real ones. The same seed, sizes and `today` give exactly the same rows:
all randomness comes from one seeded `random.Random` and one seeded Faker instance, and every
date is counted back from `today`. Rows are built as plain dicts and inserted in batches with
explicit ids (no per-row queries).

The modules, by job: common (weights, dates), words (word lists), places (towns, postcodes),
rows (pending rows), records (what later steps need), run (shared state, random helpers),
projects, volunteers, checks (references, training, DBS), mothers, timeline, mother_records,
safeguarding, matches, contacts, endings, supervision, and fill (the order of it all).
"""

from coordinator.services.demo.fill import DemoRefused, fill_demo
from coordinator.services.demo.places import town_postcodes, towns

__all__ = ["DemoRefused", "fill_demo", "town_postcodes", "towns"]
