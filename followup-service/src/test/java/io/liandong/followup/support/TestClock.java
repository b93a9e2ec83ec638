package io.liandong.followup.support;

import io.liandong.platform.time.MovableClock;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The service's clock in tests: starts at the real time, moves only when a test moves it. */
public class TestClock {

    @Produces
    @Singleton
    @Alternative
    @Priority(1)
    MovableClock clock() {
        return new MovableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }
}
