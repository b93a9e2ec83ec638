package io.liandong.dispatch.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * Scene control against the golden period: from the first police arrival to the scene being
 * under control, compared with the playbook's target. Pending while the scene is not yet under
 * control and the target has not yet passed.
 *
 * @param policeArrivedAt when the first police assignment was on scene, or null
 * @param underControlAt  when the scene was recorded under control, or null
 * @param target          the playbook's golden period
 * @param elapsed         how long control took (or has taken so far), or null before police arrive
 * @param compliance      met, missed, pending, or not-started
 */
public record GoldenPeriod(Instant policeArrivedAt, Instant underControlAt, Duration target, Duration elapsed,
                           String compliance) {

    public static GoldenPeriod of(Instant policeArrivedAt, Instant underControlAt, Duration target, Instant now) {
        if (policeArrivedAt == null) {
            return new GoldenPeriod(null, underControlAt, target, null, "not-started");
        }
        if (underControlAt != null) {
            Duration took = Duration.between(policeArrivedAt, underControlAt);
            return new GoldenPeriod(policeArrivedAt, underControlAt, target, took,
                    took.compareTo(target) <= 0 ? "met" : "missed");
        }
        Duration sofar = Duration.between(policeArrivedAt, now);
        return new GoldenPeriod(policeArrivedAt, null, target, sofar, sofar.compareTo(target) > 0 ? "missed" : "pending");
    }
}
