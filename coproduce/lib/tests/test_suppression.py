from hypothesis import given
from hypothesis import strategies as st

from coproduce.lib.suppression import suppress


def test_small_counts_are_hidden_and_zero_is_shown():
    shown, total = suppress({"a": 12, "b": 3, "c": 0, "d": 7})
    # b is small; d, the next smallest, goes too so b cannot be worked out from 22.
    assert shown == {"a": 12, "b": None, "c": 0, "d": None}
    assert total == 22


def test_a_single_hidden_cell_takes_the_next_smallest_with_it():
    assert suppress({"a": 20, "b": 9, "c": 2}) == ({"a": 20, "b": None, "c": None}, 31)


def test_a_lone_small_cell_hides_the_total():
    assert suppress({"a": 3, "b": 0}) == ({"a": None, "b": 0}, None)


@given(st.dictionaries(st.text(max_size=5), st.integers(min_value=0, max_value=40), max_size=8))
def test_no_small_cell_can_be_read_or_worked_out(counts):
    shown, total = suppress(counts)
    for n in shown.values():
        assert n is None or n == 0 or n >= 5
    assert total is None or total == 0 or total >= 5
    hidden = [label for label, n in shown.items() if n is None]
    if total is not None and hidden:
        # Knowing the total and every shown cell gives only the sum of the hidden
        # cells, which then covers at least two of them.
        assert len(hidden) >= 2
