package io.liandong.benchmark;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * Wall-clock time in microseconds since the epoch: the one scale every process of the machine shares
 * (the services stamp {@code ce_time}, outbox and inbox rows with it; PostgreSQL keeps microseconds).
 */
final class Micros {

    private Micros() {
    }

    static long now() {
        return of(Instant.now());
    }

    static long of(Instant instant) {
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }

    static Timestamp timestamp(long micros) {
        Timestamp t = new Timestamp(Math.floorDiv(micros, 1_000_000L) * 1_000);
        t.setNanos((int) Math.floorMod(micros, 1_000_000L) * 1_000);
        return t;
    }

    static long of(Timestamp timestamp) {
        return timestamp == null ? Long.MIN_VALUE : of(timestamp.toInstant());
    }
}
