package io.sphere.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void medianOfOddAndEvenCounts() {
        assertEquals(3.0, Stats.median(List.of(5.0, 1.0, 3.0)));
        assertEquals(2.5, Stats.median(List.of(4.0, 1.0, 2.0, 3.0)));
        assertEquals(7.0, Stats.median(List.of(7.0)));
    }

    @Test
    void nearestRankPercentiles() {
        double[] hundred = new double[100];
        for (int i = 0; i < 100; i++) {
            hundred[99 - i] = i + 1; // 100 … 1, unsorted on purpose
        }
        assertEquals(50.0, Stats.percentile(hundred, 50));
        assertEquals(95.0, Stats.percentile(hundred, 95));
        assertEquals(100.0, Stats.percentile(hundred, 100));
        assertEquals(1.0, Stats.percentile(hundred, 0.5));
        assertEquals(100.0, hundred[0], "the caller's array is not sorted in place");
        assertEquals(9.0, Stats.percentile(new double[]{9}, 95));
    }

    @Test
    void spreadIsRangeOverMedian() {
        assertEquals(0.2, Stats.spread(List.of(9.0, 10.0, 11.0)), 1e-12);
        assertEquals(0.0, Stats.spread(List.of(4.0, 4.0)));
        assertEquals(0.0, Stats.spread(List.of(0.0, 0.0)));
    }

    @Test
    void refusesNothingToMeasure() {
        assertThrows(IllegalArgumentException.class, () -> Stats.median(List.of()));
        assertThrows(IllegalArgumentException.class, () -> Stats.percentile(new double[0], 50));
        assertThrows(IllegalArgumentException.class, () -> Stats.percentile(new double[]{1}, 0));
    }
}
