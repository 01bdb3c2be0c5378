"""Letters: a one-page referral summary from the database, and 100 introduction letters in
one PDF (one print job); the preview shown from the bytes.

Baselines, measured in the same run: what she does today, the same one-page letter as an
OpenDocument file converted to PDF by LibreOffice (`soffice --headless --convert-to pdf`,
a new process each time; skipped, with the reason, where LibreOffice is not installed);
and ReportLab's bare one-line "hello" page, the floor of any PDF made this way. Targets
from the issue: summary <= 40 ms median and >= 20x faster than LibreOffice, 100 letters
<= 3 s, preview shown <= 300 ms.
"""

from __future__ import annotations

import io
import time
from datetime import date

import pytest
from reportlab.pdfgen import canvas

from coordinator.letters import introductions_accepted_on, make_letter
from coordinator.letters.made import laid_out
from coordinator.models import Match, MatchStatus, MatchStatusChange, Mother, Volunteer
from coordinator.models.volunteer import VolunteerStatus
from coordinator.services.letters import LetterKind, LetterRequest, Section
from coordinator.services.letters.making import prepare
from tests.bench import office_baseline
from tests.bench.conftest import median_seconds
from tests.letters import world
from tests.letters.pdftext import page_count, pdf_text

TODAY = world.TODAY
SUMMARY_TARGET = 0.040
BATCH_TARGET = 3.0
PREVIEW_TARGET = 0.300
OFFICE_RATIO_TARGET = 20
SECTIONS = frozenset({Section.IDENTITY, Section.PREGNANCY, Section.SUPPORT})


def hello_page() -> bytes:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(72, 720, "hello")
    page.showPage()
    page.save()
    return buffer.getvalue()


def add_accepted_matches(vault, project_id: int, count: int) -> None:
    with vault.transaction() as s:
        volunteer = Volunteer(
            reference="V0900", full_name="Grace Okoro", status=VolunteerStatus.ACTIVE
        )
        s.add(volunteer)
        s.flush()
        for n in range(count):
            mother = Mother(
                reference=f"M{1000 + n:04d}",
                full_name=f"Zoë Łukasiewicz {n}",
                address_line1=f"{n + 1} Aylestone Road",
                town="Leicester",
                postcode="LE2 7QJ",
                referral_received_on=date(2026, 11, 1),
                project_id=project_id,
            )
            s.add(mother)
            s.flush()
            match = Match(
                mother_id=mother.id,
                volunteer_id=volunteer.id,
                project_id=project_id,
                status=MatchStatus.ACTIVE,
                proposed_on=date(2026, 11, 20),
                introduction_visit_on=date(2026, 12, 9),
            )
            s.add(match)
            s.flush()
            s.add(
                MatchStatusChange(
                    match_id=match.id, to_status=MatchStatus.ACTIVE, changed_on=date(2026, 12, 1)
                )
            )


def test_one_page_referral_summary_from_the_database(benchmark, vault):
    people = world.build(vault)
    request = LetterRequest(LetterKind.REFERRAL_SUMMARY, people.zoe, sections=SECTIONS)

    def summary_pdf() -> bytes:
        with vault.session() as session:
            return laid_out(prepare(session, request, TODAY))

    assert page_count(summary_pdf()) == 1
    hello_page()
    base, _ = median_seconds(hello_page, 50)
    recorded, _ = median_seconds(lambda: make_letter(vault, request, today=TODAY), 20)
    benchmark.pedantic(summary_pdf, rounds=50, iterations=1, warmup_rounds=3)
    median = benchmark.stats.stats.median
    benchmark.extra_info.update(
        {
            "summary_median_ms": round(median * 1000, 1),
            "with_record_median_ms": round(recorded * 1000, 1),
            "hello_page_median_ms": round(base * 1000, 2),
            "ratio_to_hello": round(median / base, 1),
        }
    )
    print(
        f"\none-page referral summary, database to PDF bytes: {median * 1000:.1f} ms median "
        f"({recorded * 1000:.1f} ms made and recorded); ReportLab hello page "
        f"{base * 1000:.2f} ms; ratio {median / base:.0f} (target <= {SUMMARY_TARGET * 1000:.0f} ms)"
    )
    assert median <= SUMMARY_TARGET


@pytest.mark.skipif(office_baseline.soffice() is None, reason="LibreOffice is not installed")
def test_faster_than_a_letter_converted_by_libreoffice(benchmark, vault, tmp_path):
    people = world.build(vault)
    request = LetterRequest(LetterKind.REFERRAL_SUMMARY, people.zoe, sections=SECTIONS)

    def summary_pdf() -> bytes:
        with vault.session() as session:
            return laid_out(prepare(session, request, TODAY))

    lines = [line for line in pdf_text(summary_pdf()).splitlines() if line.strip()]
    odt = office_baseline.write_odt(tmp_path / "summary.odt", lines)
    profile = tmp_path / "office-profile"
    first = time.perf_counter()
    converted = office_baseline.convert(odt, tmp_path, profile)  # also makes its profile
    cold = time.perf_counter() - first
    assert page_count(converted.read_bytes()) == 1
    assert "Zoë Łukasiewicz" in pdf_text(converted.read_bytes())  # the same letter
    office, _ = median_seconds(lambda: office_baseline.convert(odt, tmp_path, profile), 5)
    benchmark.pedantic(summary_pdf, rounds=50, iterations=1, warmup_rounds=3)
    ours = benchmark.stats.stats.median
    ratio = office / ours
    benchmark.extra_info.update(
        {
            "libreoffice_median_ms": round(office * 1000),
            "libreoffice_first_s": round(cold, 2),
            "summary_median_ms": round(ours * 1000, 1),
            "ratio": round(ratio),
        }
    )
    print(
        f"\none-page letter: LibreOffice .odt -> PDF {office * 1000:.0f} ms median "
        f"(first run, making its profile: {cold:.1f} s); Coordinator, database to PDF bytes "
        f"{ours * 1000:.1f} ms; {ratio:.0f}x faster (target >= {OFFICE_RATIO_TARGET}x)"
    )
    assert ratio >= OFFICE_RATIO_TARGET


def test_100_introduction_letters_in_one_pdf(benchmark, vault):
    people = world.build(vault)
    add_accepted_matches(vault, people.project_id, 100)
    base, _ = median_seconds(hello_page, 50)

    def batch():
        # each round records its letters: a rolled-back copy is not what she does
        return introductions_accepted_on(vault, date(2026, 12, 1), made_by="bench", today=TODAY)

    result = benchmark.pedantic(batch, rounds=3, iterations=1)
    assert len(result.made) == 100 and page_count(result.pdf) == 100
    median = benchmark.stats.stats.median
    benchmark.extra_info.update(
        {"batch_median_s": round(median, 3), "per_letter_ms": round(median * 10, 1)}
    )
    print(
        f"\n100 introduction letters in one PDF: {median:.2f} s median "
        f"({median * 10:.1f} ms a letter; hello page {base * 1000:.2f} ms; "
        f"target <= {BATCH_TARGET:.0f} s)"
    )
    assert median <= BATCH_TARGET


def test_preview_shown_from_the_bytes(benchmark, qtbot, vault):
    from coordinator.ui.letters.preview import LetterPreview

    people = world.build(vault)
    request = LetterRequest(LetterKind.REFERRAL_SUMMARY, people.zoe, sections=SECTIONS)
    shown = []

    def preview() -> None:
        pdf = make_letter(vault, request, today=TODAY).pdf
        window = LetterPreview(pdf, "Referral summary")
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        shown.append(window)

    benchmark.pedantic(preview, rounds=10, iterations=1, warmup_rounds=1)
    for window in shown:
        window.close()
    median = benchmark.stats.stats.median
    print(f"\nletter made and its preview shown: {median * 1000:.0f} ms median (target <= 300 ms)")
    assert median <= PREVIEW_TARGET
