package io.liandong.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LatencyStatsTest {

    @Test
    void percentilesAreInMillisecondsWithThreeSignificantDigits() {
        LatencyStats stats = new LatencyStats("hop");
        for (int ms = 1; ms <= 1000; ms++) {
            stats.recordMicros(ms * 1000L);
        }
        LatencyStats.Summary s = stats.summary();
        assertThat(s.count()).isEqualTo(1000);
        assertThat(s.p50()).isCloseTo(500, within(0.5));
        assertThat(s.p99()).isCloseTo(990, within(1.0));
        assertThat(s.p999()).isCloseTo(999, within(1.0));
        assertThat(s.max()).isCloseTo(1000, within(1.0));
    }

    @Test
    void nanosecondsAreRecordedAsMicroseconds() {
        LatencyStats stats = new LatencyStats("rest");
        stats.recordNanos(12_345_678);
        assertThat(stats.percentileMillis(50)).isCloseTo(12.345, within(0.02));
    }

    @Test
    void aNegativeDelayCountsAsZeroAndIsCounted() {
        LatencyStats stats = new LatencyStats("hop");
        stats.recordMicros(-3);
        stats.recordMicros(2000);
        assertThat(stats.negatives()).isEqualTo(1);
        assertThat(stats.percentileMillis(50)).isZero();
        assertThat(stats.maxMillis()).isCloseTo(2.0, within(0.01));
    }

    @Test
    void nothingRecordedIsNotANumberAndRatiosOfItToo() {
        LatencyStats.Summary empty = new LatencyStats("none").summary();
        assertThat(empty.p99()).isNaN();
        assertThat(empty.toMap().get("p99Ms")).isNull();
        assertThat(LatencyStats.ratio(10, Double.NaN)).isNaN();
        assertThat(LatencyStats.ratio(10, 0)).isNaN();
    }

    @Test
    void aHopsP99IsComparedWithTheFloorsP99() {
        LatencyStats floor = new LatencyStats("floor");
        LatencyStats hop = new LatencyStats("hop");
        for (int i = 0; i < 100; i++) {
            floor.recordMicros(4_000);
            hop.recordMicros(20_000);
        }
        assertThat(hop.summary().p99Ratio(floor.summary())).isCloseTo(5.0, within(0.01));
    }
}
