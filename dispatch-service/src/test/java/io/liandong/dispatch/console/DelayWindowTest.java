package io.liandong.dispatch.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.liandong.dispatch.console.ConsoleViews.Delay;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DelayWindowTest {

    private static final Instant T = Instant.parse("2026-03-14T06:00:00Z");
    private final DelayWindow window = new DelayWindow(Duration.ofMinutes(5));

    @Test
    void p50AndP99AreTheNearestRanksOfTheDelaysOfOneTypeReceivedWithinTheWindow() {
        for (int i = 1; i <= 200; i++) {
            window.record("liandong.department.events", "io.liandong.assignment.on-scene.v1", T.minusMillis(i * 10L), T);
        }
        Delay d = window.percentiles(T).get(0);
        assertThat(d.count()).isEqualTo(200);
        assertThat(d.p50Millis()).isEqualTo(1000);
        assertThat(d.p99Millis()).isEqualTo(1980);
        assertThat(d.maxMillis()).isEqualTo(2000);
    }

    @Test
    void hopsAreKeptApartByTopicAndTypeAndLeaveTheWindowFiveMinutesAfterReceipt() {
        window.record("liandong.grievance.events", "io.liandong.grievance.surge-detected.v1", T.minusSeconds(2), T);
        window.record("liandong.followup.events", "io.liandong.followup.item-overdue.v1", T.plusSeconds(60).minusMillis(40),
                T.plusSeconds(60));
        assertThat(window.percentiles(T.plusSeconds(60))).extracting(Delay::topic, Delay::p99Millis).containsExactly(
                org.assertj.core.groups.Tuple.tuple("liandong.followup.events", 40L),
                org.assertj.core.groups.Tuple.tuple("liandong.grievance.events", 2000L));
        assertThat(window.percentiles(T.plus(Duration.ofMinutes(5)).plusMillis(1))).extracting(Delay::topic)
                .containsExactly("liandong.followup.events");
    }

    @Test
    void anEventStampedAfterItsReceiptCountsAsNoDelay() {
        window.record("liandong.dispatch.events", "io.liandong.incident.reported.v1", T.plusSeconds(3), T);
        assertThat(window.percentiles(T).get(0).p50Millis()).isZero();
    }
}
