"""The pages of the workspace, one per module.

A module that is a page declares `PAGE` (or `PAGES`): a PageSpec saying its key, its place
in the navigation, its title and how to build it. The workspace finds them here and builds
each page the first time it is shown, so unlocking builds only the page that opens.

A page asks the window for something by having a signal of one of the names in
`Workspace.REQUESTS` (e.g. `backup_requested`); the workspace connects it when it builds
the page.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from coordinator.storage.vault import Vault


@dataclass(frozen=True)
class PageSpec:
    #: A stable name ("mothers"), never shown.
    key: str
    #: Its place in the navigation, lowest first.
    order: int
    #: Its title in the navigation (translated when asked).
    title: Callable[[], str]
    build: Callable[[Vault], QWidget]
    #: The draft forms it takes back after a lock (see Workspace.DraftForm).
    drafts: tuple[str, ...] = ()


def declarations(package: str, one: str, many: str) -> list[Any]:
    """What the modules of `package` declare as `one` (a spec) or `many` (a sequence of
    them): the pages here, the sections of Settings, ..., in no particular order."""
    found: list[Any] = []
    for info in pkgutil.iter_modules(importlib.import_module(package).__path__):
        module = importlib.import_module(f"{package}.{info.name}")
        found.extend(getattr(module, many, ()))
        if hasattr(module, one):
            found.append(getattr(module, one))
    return found


def page_specs() -> list[PageSpec]:
    """Every page this version has, in navigation order."""
    found: list[PageSpec] = declarations(__name__, "PAGE", "PAGES")
    return sorted(found, key=lambda spec: (spec.order, spec.key))
