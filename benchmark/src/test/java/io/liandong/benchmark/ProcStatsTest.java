package io.liandong.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcStatsTest {

    @Test
    void residentMemoryIsReadFromStatus() {
        String status = "Name:\tjava\nVmPeak:\t 3000000 kB\nVmRSS:\t  235012 kB\nThreads:\t40\n";
        assertThat(ProcStats.parseRssBytes(status)).hasValue(235012L * 1024);
        assertThat(ProcStats.parseRssBytes("Name:\tkthreadd\n")).isEmpty();
    }

    @Test
    void cpuTimeIsUserPlusSystemTicksCountedAfterTheCommandName() {
        // A command name with a space and a parenthesis must not shift the fields.
        String stat = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 1234 566 0 0 20 0 40 0 100 0 0";
        assertThat(ProcStats.parseCpuMillis(stat)).hasValue((1234 + 566) * 10L);
    }

    @Test
    void cpuIsAPercentageOfOneCore() {
        assertThat(ProcStats.percentOfOneCore(1500, 1000)).isEqualTo(150.0);
        assertThat(ProcStats.percentOfOneCore(10, 0)).isNaN();
    }

    @Test
    void thisProcessHasMemoryAndCpuTime() {
        long pid = ProcessHandle.current().pid();
        assertThat(ProcStats.rssBytes(pid).orElse(0)).isPositive();
        assertThat(ProcStats.cpuMillis(pid)).isPresent();
    }

    @Test
    void theEphemeralRangeStartsAtItsFirstNumber() {
        assertThat(Ports.parseEphemeralLow("32768\t60999\n")).isEqualTo(32768);
        assertThat(Ports.free()).isBetween(10_000, Ports.ephemeralLow() - 1);
    }
}
