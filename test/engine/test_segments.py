"""algorithms/segments.py: the GIL-free np.repeat and concatenated ranges give exactly numpy's rows."""
import numpy as np
import pytest

from algorithms.segments import SMALL, expand, repeat, segment_of


@pytest.mark.parametrize("n, hi, zero_share", [(10, 4, 0.3), (3_000, 6, 0.5), (20_000, 12, 0.0), (50_000, 3, 0.9)])
def test_same_rows_as_numpy(n, hi, zero_share):
    rng = np.random.default_rng(n)
    counts = rng.integers(1, hi, n) * (rng.random(n) >= zero_share)        # empty segments anywhere, also first/last
    counts[0] = counts[-1] = 0
    values = rng.random(n)
    xy = rng.random((n, 2))
    starts = rng.integers(-1_000, 10**6, n)
    assert np.array_equal(segment_of(counts), np.repeat(np.arange(n), counts))
    assert np.array_equal(repeat(values, counts), np.repeat(values, counts))
    assert np.array_equal(repeat(values > 0.5, counts), np.repeat(values > 0.5, counts))
    assert np.array_equal(repeat(xy, counts), np.repeat(xy, counts, axis=0))
    want = np.concatenate([np.arange(s, s + c) for s, c in zip(starts, counts)] + [np.zeros(0, dtype=np.int64)])
    assert np.array_equal(expand(starts, counts), want)
    assert expand(starts, counts).dtype == np.int64


def test_large_and_empty():
    counts = np.zeros(100, dtype=np.int64)
    assert len(segment_of(counts)) == 0 and len(expand(np.arange(100), counts)) == 0
    counts[57] = SMALL * 3                                                  # one segment above the numpy cut-off
    assert np.array_equal(segment_of(counts), np.full(SMALL * 3, 57))
    assert np.array_equal(expand(np.arange(100) * 10, counts), np.arange(570, 570 + SMALL * 3))
