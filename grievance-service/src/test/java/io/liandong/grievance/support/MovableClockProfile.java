package io.liandong.grievance.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import java.util.Set;

/** Runs the application on a clock the test moves ({@link TestClock}), so windows and periods pass without sleeping. */
public class MovableClockProfile implements QuarkusTestProfile {

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(TestClock.class);
    }

    /** A small Open311 row limit, so that a test can reach it. */
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("liandong.grievance.open311.max-requests", "3");
    }
}
