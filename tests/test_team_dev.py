"""The team's own development reports (tests/data/team-dev: 24 English, 24 Russian, in outlet
styles the shared dev set lacks; see its README): ``parley extract`` + ``parley eval`` against their
gold.

They were written as a held-out set and first scored unseen (0.738 English, 0.698 Russian overall
F1); since then their errors are read like the dev reports'. The unseen measure is now
tests/data/heldout (test_heldout.py). The floors are the figures measured as work landed (rounded
down; 0.810 / 0.756 English, 0.820 / 0.785 Russian, then 0.868 / 0.832 and 0.913 / 0.923, then 0.879 / 0.837 and 0.919 / 0.926): raise them as
work lands, never lower them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import check_floors, check_gold_set

TEAM_DEV = Path(__file__).resolve().parent / "data" / "team-dev"

pytestmark = pytest.mark.slow

# (overall F1, meeting recall) floors per language.
FLOORS = {"en": (0.87, 0.83), "ru": (0.91, 0.92)}


@pytest.mark.parametrize("language", sorted(FLOORS))
def test_team_dev_reports_meet_their_floors(tmp_path, language):
    check_floors(TEAM_DEV, language, FLOORS[language], tmp_path / language)


@pytest.mark.parametrize("language", sorted(FLOORS))
def test_every_team_dev_report_has_its_gold(language):
    check_gold_set(TEAM_DEV / language, TEAM_DEV / f"gold-{language}", language)
