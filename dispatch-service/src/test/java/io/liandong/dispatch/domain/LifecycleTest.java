package io.liandong.dispatch.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liandong.contracts.assignment.AssignmentStatus;
import io.liandong.contracts.assignment.DeadlineKind;
import io.liandong.contracts.incident.IncidentStatus;
import io.liandong.platform.error.IllegalStateChangeException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LifecycleTest {

    @Test
    void anIncidentGoesThroughTheWholeLifecycleInOrder() {
        IncidentStatus[] path = {IncidentStatus.REPORTED, IncidentStatus.DISPATCHED, IncidentStatus.ON_SCENE,
                IncidentStatus.UNDER_CONTROL, IncidentStatus.MEDIATING, IncidentStatus.RESOLVED, IncidentStatus.CLOSED};
        for (int i = 0; i + 1 < path.length; i++) {
            assertThat(IncidentLifecycle.allows(path[i], path[i + 1])).as(path[i] + " -> " + path[i + 1]).isTrue();
        }
    }

    @Test
    void illegalIncidentMovesAreRefusedWithTheAllowedOnesNamed() {
        assertThatThrownBy(() -> IncidentLifecycle.require("inc-1", IncidentStatus.REPORTED, IncidentStatus.CLOSED))
                .isInstanceOf(IllegalStateChangeException.class).hasMessageContaining("dispatched, cancelled");
        assertThat(IncidentLifecycle.allows(IncidentStatus.CLOSED, IncidentStatus.REPORTED)).isFalse();
        assertThat(IncidentLifecycle.allows(IncidentStatus.CANCELLED, IncidentStatus.DISPATCHED)).isFalse();
        assertThat(IncidentLifecycle.allows(IncidentStatus.RESOLVED, IncidentStatus.CANCELLED)).isFalse();
        assertThat(IncidentLifecycle.allows(IncidentStatus.DISPATCHED, IncidentStatus.CANCELLED)).isTrue();
        assertThat(IncidentLifecycle.allows(IncidentStatus.MEDIATING, IncidentStatus.UNDER_CONTROL)).isTrue();
        assertThat(IncidentLifecycle.isFinal(IncidentStatus.CLOSED)).isTrue();
        assertThat(IncidentLifecycle.isFinal(IncidentStatus.RESOLVED)).isFalse();
    }

    @Test
    void anAssignmentOnlyMovesForwardsAndReleasedIsFinal() {
        assertThat(AssignmentLifecycle.allows(AssignmentStatus.NOTIFIED, AssignmentStatus.ACKNOWLEDGED)).isTrue();
        assertThat(AssignmentLifecycle.allows(AssignmentStatus.NOTIFIED, AssignmentStatus.ON_SCENE)).isTrue();
        assertThat(AssignmentLifecycle.allows(AssignmentStatus.ON_SCENE, AssignmentStatus.EN_ROUTE)).isFalse();
        assertThat(AssignmentLifecycle.allows(AssignmentStatus.ACKNOWLEDGED, AssignmentStatus.ACKNOWLEDGED)).isFalse();
        assertThat(AssignmentLifecycle.allows(AssignmentStatus.RELEASED, AssignmentStatus.RELEASED)).isFalse();
        assertThatThrownBy(() -> AssignmentLifecycle.require("asg-1", AssignmentStatus.RELEASED, AssignmentStatus.ON_SCENE))
                .isInstanceOf(IllegalStateChangeException.class).hasMessageContaining("released");
        assertThat(AssignmentLifecycle.stepDone(DeadlineKind.ACKNOWLEDGE, AssignmentStatus.EN_ROUTE)).isTrue();
        assertThat(AssignmentLifecycle.stepDone(DeadlineKind.ON_SCENE, AssignmentStatus.EN_ROUTE)).isFalse();
    }

    @Test
    void eachClockHasAWarningPerThresholdAndABreachAtItsLimit() {
        Instant start = Instant.parse("2026-03-14T05:43:24Z");
        var timers = AssignmentDeadlines.of(DeadlineKind.ON_SCENE, start, Duration.ofMinutes(5), java.util.List.of(50, 80));
        assertThat(timers).extracting(AssignmentDeadlines.Timer::name)
                .containsExactly("on-scene:warning:50", "on-scene:warning:80", "on-scene:breach");
        assertThat(timers).extracting(AssignmentDeadlines.Timer::dueAt)
                .containsExactly(start.plusSeconds(150), start.plusSeconds(240), start.plusSeconds(300));
        var restored = AssignmentDeadlines.Timer.fromData(timers.get(1).name(), timers.get(1).data(), timers.get(1).dueAt());
        assertThat(restored).isEqualTo(timers.get(1));
        assertThat(AssignmentDeadlines.escalation(DeadlineKind.ACKNOWLEDGE, 2, start, Duration.ofMinutes(5)).name())
                .isEqualTo("acknowledge:escalation:2");
    }

    @Test
    void theGoldenPeriodIsMetMissedOrPending() {
        Instant arrived = Instant.parse("2026-03-14T05:48:00Z");
        Duration target = Duration.ofMinutes(10);
        assertThat(GoldenPeriod.of(null, null, target, arrived).compliance()).isEqualTo("not-started");
        assertThat(GoldenPeriod.of(arrived, arrived.plusSeconds(540), target, arrived).compliance()).isEqualTo("met");
        assertThat(GoldenPeriod.of(arrived, arrived.plusSeconds(660), target, arrived).compliance()).isEqualTo("missed");
        assertThat(GoldenPeriod.of(arrived, null, target, arrived.plusSeconds(60)).compliance()).isEqualTo("pending");
        assertThat(GoldenPeriod.of(arrived, null, target, arrived.plusSeconds(601)).compliance()).isEqualTo("missed");
    }
}
