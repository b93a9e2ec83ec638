package io.liandong.grievance.support;

import io.liandong.platform.time.MovableClock;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;

/** The application's clock under {@link MovableClockProfile}; starts at the real time and moves only when told. */
@Alternative
@Singleton
public class TestClock {

    public static final MovableClock CLOCK = new MovableClock(Instant.now());

    @Produces
    @Singleton
    Clock clock() {
        return CLOCK;
    }
}
