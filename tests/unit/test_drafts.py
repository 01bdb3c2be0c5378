"""Drafts: unsaved forms kept in the encrypted database across a lock, never a passphrase."""

from __future__ import annotations

import pytest

from coordinator.services import drafts
from coordinator.storage.vault import open_vault
from tests.conftest import PASSPHRASE


def test_a_saved_draft_is_pending_and_loads_back(vault):
    draft_id = drafts.save(vault, "settings", None, {"keep": 3, "folder": "E:\\Backups"})

    [pending] = drafts.pending(vault)
    assert (pending.id, pending.form, pending.record_id) == (draft_id, "settings", None)
    assert pending.saved_at is not None
    assert drafts.load(vault, draft_id) == {"keep": 3, "folder": "E:\\Backups"}


def test_a_draft_survives_closing_and_reopening_the_database(db_path):
    with open_vault(db_path, PASSPHRASE) as vault:
        drafts.save(vault, "mother", 7, {"notes": "Café visit — Tuesday"})
    with open_vault(db_path, PASSPHRASE) as vault:
        [pending] = drafts.pending(vault)
        assert pending.record_id == 7
        assert drafts.load(vault, pending.id) == {"notes": "Café visit — Tuesday"}


def test_saving_again_replaces_the_draft_of_the_same_form_and_record(vault):
    drafts.save(vault, "settings", None, {"keep": 3})
    newest = drafts.save(vault, "settings", None, {"keep": 4})
    drafts.save(vault, "mother", 1, {"name": "A"})
    drafts.save(vault, "mother", 2, {"name": "B"})

    pending = drafts.pending(vault)
    assert [(p.form, p.record_id) for p in pending] == [
        ("settings", None),
        ("mother", 1),
        ("mother", 2),
    ]
    assert drafts.load(vault, newest) == {"keep": 4}


def test_passphrase_fields_are_never_stored(vault):
    draft_id = drafts.save(
        vault,
        "settings",
        None,
        {
            "keep": 5,
            "passphrase": "pale kettle",
            "new_Passphrase_again": "x",
            "nested": {"old_password": "y", "folder": "/b"},
            "rows": [{"secret_answer": "z", "name": "n"}],
        },
    )
    with vault.session() as session:
        from coordinator.models import Draft

        stored = session.get(Draft, draft_id).payload
    assert "pale kettle" not in stored and "assphrase" not in stored
    assert drafts.load(vault, draft_id) == {
        "keep": 5,
        "nested": {"folder": "/b"},
        "rows": [{"name": "n"}],
    }


def test_discard_deletes_and_is_harmless_twice(vault):
    draft_id = drafts.save(vault, "settings", None, {"keep": 3})
    drafts.discard(vault, draft_id)
    drafts.discard(vault, draft_id)
    assert drafts.pending(vault) == []
    with pytest.raises(KeyError):
        drafts.load(vault, draft_id)


def test_a_payload_that_is_not_json_is_refused_and_nothing_kept(vault):
    with pytest.raises(TypeError):
        drafts.save(vault, "settings", None, {"when": object()})
    with pytest.raises(TypeError):
        drafts.save(vault, "settings", None, ["not", "a", "dict"])  # type: ignore[arg-type]
    assert drafts.pending(vault) == []


def test_drafts_are_in_the_encrypted_file_not_in_clear(db_path):
    with open_vault(db_path, PASSPHRASE) as vault:
        drafts.save(vault, "settings", None, {"folder": "UNMISTAKABLE-SENTINEL-FOLDER"})
        with vault.engine.connect() as con:
            con.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    assert b"UNMISTAKABLE-SENTINEL-FOLDER" not in db_path.read_bytes()
