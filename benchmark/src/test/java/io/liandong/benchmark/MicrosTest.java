package io.liandong.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class MicrosTest {

    @Test
    void aTimestampKeepsEveryMicrosecondForTheDatabasesComparisons() {
        long micros = Micros.of(Instant.parse("2026-11-30T03:30:25.123456Z"));

        assertThat(Micros.timestamp(micros).toInstant()).isEqualTo(Instant.parse("2026-11-30T03:30:25.123456Z"));
        assertThat(Micros.of(Micros.timestamp(micros))).isEqualTo(micros);
        assertThat(Micros.of(Micros.timestamp(micros + 1))).isEqualTo(micros + 1);
    }
}
