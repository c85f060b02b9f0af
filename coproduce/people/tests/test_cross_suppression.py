"""Two-way equality tables: no count under the floor can be read, or worked out
from the totals (row, column or grand) and the numbers that are shown."""

import pytest
from django.core.exceptions import PermissionDenied
from hypothesis import given, settings
from hypothesis import strategies as st

from coproduce.accounts.tests.factories import UserFactory
from coproduce.people import actions
from coproduce.people.equality import cross_counts, suppress_cross
from coproduce.privacy.models import ReadLog

FLOOR = 5


def lines(cells, row_totals, column_totals, total, rows, columns):
    """Every line a hidden number could be worked out from: (parts, total)."""
    for r in rows:
        yield [cells[r, c] for c in columns], row_totals[r]
    for c in columns:
        yield [cells[r, c] for r in rows], column_totals[c]
    yield list(row_totals.values()), total
    yield list(column_totals.values()), total


def assert_safe(counts, rows, columns, floor=FLOOR):
    cells, row_totals, column_totals, total = suppress_cross(counts, rows, columns, floor)
    for key, n in counts.items():
        if 0 < n < floor:
            assert cells[key] is None, f"cell {key}={n} is readable"
        if cells[key] is not None:
            assert cells[key] == n
    true_rows = {r: sum(counts[r, c] for c in columns) for r in rows}
    true_columns = {c: sum(counts[r, c] for r in rows) for c in columns}
    for r, n in true_rows.items():
        if 0 < n < floor:
            assert row_totals[r] is None
    for c, n in true_columns.items():
        if 0 < n < floor:
            assert column_totals[c] is None
    for parts, line_total in lines(cells, row_totals, column_totals, total, rows, columns):
        unknown = sum(1 for n in [*parts, line_total] if n is None)
        # One unknown in a line could be worked out by subtraction.
        assert unknown != 1, (counts, cells, row_totals, column_totals, total)
    return cells, row_totals, column_totals, total


def test_a_small_cell_hides_others_in_its_row_and_column_and_nothing_leaks():
    rows, columns = ["a", "b", "c"], ["x", "y", "z"]
    counts = {
        ("a", "x"): 2,
        ("a", "y"): 9,
        ("a", "z"): 12,
        ("b", "x"): 8,
        ("b", "y"): 10,
        ("b", "z"): 7,
        ("c", "x"): 6,
        ("c", "y"): 11,
        ("c", "z"): 15,
    }
    cells, row_totals, column_totals, total = assert_safe(counts, rows, columns)
    assert cells["a", "x"] is None
    hidden = [key for key, n in cells.items() if n is None]
    assert len(hidden) >= 4  # its row, its column, and the corner that closes the loop
    assert total == sum(counts.values())  # the grand total is safe to show here


def test_a_row_total_under_the_floor_is_hidden_with_a_partner():
    rows, columns = ["a", "b", "c"], ["x", "y"]
    counts = {
        ("a", "x"): 1,
        ("a", "y"): 2,
        ("b", "x"): 10,
        ("b", "y"): 20,
        ("c", "x"): 30,
        ("c", "y"): 9,
    }
    _cells, row_totals, _columns, _total = assert_safe(counts, rows, columns)
    assert row_totals["a"] is None
    assert sum(1 for n in row_totals.values() if n is None) >= 2


@settings(max_examples=300, deadline=None)
@given(
    st.integers(min_value=1, max_value=4),
    st.integers(min_value=1, max_value=4),
    st.data(),
    st.integers(min_value=2, max_value=10),
)
def test_no_small_number_can_be_read_or_worked_out_for_any_table(n_rows, n_columns, data, floor):
    rows = [f"r{i}" for i in range(n_rows)]
    columns = [f"c{i}" for i in range(n_columns)]
    counts = {
        (r, c): data.draw(st.integers(min_value=0, max_value=25)) for r in rows for c in columns
    }
    assert_safe(counts, rows, columns, floor)


@pytest.mark.django_db
def test_cross_counts_use_the_floor_setting_log_the_read_and_need_permission(people, settings):
    settings.COPRODUCE_SMALL_NUMBER_FLOOR = 3
    answers = [
        ("white", "woman", 10),
        ("white", "man", 8),
        ("asian", "woman", 2),
        ("black", "woman", 12),
        ("black", "man", 11),
    ]
    for ethnicity, gender, n in answers:
        for _ in range(n):
            actions.save_equality(
                person=UserFactory(), data={"ethnicity": ethnicity, "gender": gender}
            )
    actions.save_equality(person=UserFactory(), data={"ethnicity": "black"})  # one question only
    table = cross_counts(people["lead"], "ethnicity", "gender", "Reach report")
    assert table.cells["asian", "woman"] is None  # 2 < 3
    assert table.row_totals["asian"] is None
    assert table.cells["asian", "man"] == 0  # zero identifies nobody
    # Asian women could be worked out from the women's column: another cell there goes,
    # and so on round the table; the column totals stay, as nothing hidden follows from them.
    assert table.cells["white", "woman"] is None
    assert table.column_totals["woman"] == 24 and table.column_totals["man"] == 19
    assert table.row_totals["white"] is None  # or Asian could be worked out from the total
    assert table.total == 43  # the person who answered one question is not counted
    assert ReadLog.objects.filter(viewer=people["lead"], what="equality").count() == 1
    grid = table.grid(corner="Ethnic group")
    assert grid[0][0] == "Ethnic group" and grid[-1][0] == "Total"
    for role in ("staff", "board", "coproducer", "administrator", "finance"):
        with pytest.raises(PermissionDenied):
            cross_counts(people[role], "ethnicity", "gender", "Curious")
    # The board reads the suppressed dashboard version only.
    cross_counts(
        people["board"], "ethnicity", "gender", "Board", permission="people.view_equality_report"
    )
    with pytest.raises(ValueError):
        cross_counts(people["lead"], "ethnicity", "password", "Bad")
