package io.liandong.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class GcPausesTest {

    /** As a service's /q/metrics gives them, with other series around and two causes of minor pauses. */
    private static final String BEFORE = """
            # HELP jvm_gc_pause_seconds Time spent in GC pause
            # TYPE jvm_gc_pause_seconds summary
            jvm_gc_pause_seconds_count{action="end of minor GC",cause="Allocation Failure",gc="Copy"} 26.0
            jvm_gc_pause_seconds_sum{action="end of minor GC",cause="Allocation Failure",gc="Copy"} 2.085
            jvm_gc_pause_seconds_count{action="end of minor GC",cause="System.gc()",gc="Copy"} 1.0
            jvm_gc_pause_seconds_sum{action="end of minor GC",cause="System.gc()",gc="Copy"} 0.015
            jvm_gc_pause_seconds_count{action="end of major GC",cause="Allocation Failure",gc="MarkSweepCompact"} 1.0
            jvm_gc_pause_seconds_sum{action="end of major GC",cause="Allocation Failure",gc="MarkSweepCompact"} 0.453
            # HELP jvm_gc_pause_seconds_max Time spent in GC pause
            # TYPE jvm_gc_pause_seconds_max gauge
            jvm_gc_pause_seconds_max{action="end of minor GC",cause="Allocation Failure",gc="Copy"} 0.323
            jvm_gc_overhead 0.042032219627640616
            jvm_gc_memory_promoted_bytes_total 1.2345E7
            """;

    private static final String AFTER = """
            jvm_gc_pause_seconds_count{action="end of minor GC",cause="Allocation Failure",gc="Copy"} 40.0
            jvm_gc_pause_seconds_sum{action="end of minor GC",cause="Allocation Failure",gc="Copy"} 2.3
            jvm_gc_pause_seconds_count{action="end of minor GC",cause="System.gc()",gc="Copy"} 1.0
            jvm_gc_pause_seconds_sum{action="end of minor GC",cause="System.gc()",gc="Copy"} 0.015
            jvm_gc_pause_seconds_count{action="end of major GC",cause="Allocation Failure",gc="MarkSweepCompact"} 2.0
            jvm_gc_pause_seconds_sum{action="end of major GC",cause="Allocation Failure",gc="MarkSweepCompact"} 0.691
            jvm_gc_pause_seconds_count{action="end of major GC",cause="Metadata GC Threshold",gc="MarkSweepCompact"} 1.0
            jvm_gc_pause_seconds_sum{action="end of major GC",cause="Metadata GC Threshold",gc="MarkSweepCompact"} 0.1
            """;

    @Test
    void minorAndMajorPausesAreSummedOverCausesAndTheMaxGaugeIsNotCounted() {
        GcPauses.Snapshot s = GcPauses.parse(BEFORE);
        assertThat(s.minor().count()).isEqualTo(27);
        assertThat(s.minor().totalMillis()).isCloseTo(2100.0, Offset.offset(1e-6));
        assertThat(s.major().count()).isEqualTo(1);
        assertThat(s.major().totalMillis()).isCloseTo(453.0, Offset.offset(1e-6));
    }

    @Test
    void aRunsPausesAreTheDifferenceIncludingACauseFirstSeenDuringIt() {
        GcPauses.Snapshot run = GcPauses.parse(AFTER).minus(GcPauses.parse(BEFORE));
        assertThat(run.toMap()).containsEntry("minorCount", 14L).containsEntry("minorTotalMs", 215.0)
                .containsEntry("majorCount", 2L).containsEntry("majorTotalMs", 338.0);
        assertThat(GcPauses.text(run.toMap())).isEqualTo("14 / 215 ms; 2 / 338 ms");
    }

    @Test
    void aServiceWithoutPausesOrMetricsCountsNone() {
        GcPauses.Snapshot none = new GcPauses.Snapshot(new GcPauses.Tally(0, 0), new GcPauses.Tally(0, 0));
        assertThat(GcPauses.parse("jvm_threads_live_threads 52.0\n")).isEqualTo(none);
        assertThat(GcPauses.parse("")).isEqualTo(none);
    }
}
