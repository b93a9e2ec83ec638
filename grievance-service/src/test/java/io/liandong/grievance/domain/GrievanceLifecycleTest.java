package io.liandong.grievance.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liandong.platform.error.IllegalStateChangeException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GrievanceLifecycleTest {

    private static final Instant CLOSED_AT = Instant.parse("2026-03-14T10:30:00Z");

    @Test
    void triageKeepsALinkedGrievanceLinked() {
        assertThat(GrievanceLifecycle.triage("g", GrievanceStatus.RECEIVED)).isEqualTo(GrievanceStatus.TRIAGED);
        assertThat(GrievanceLifecycle.triage("g", GrievanceStatus.LINKED)).isEqualTo(GrievanceStatus.LINKED);
        assertThatThrownBy(() -> GrievanceLifecycle.triage("g", GrievanceStatus.RESOLVED))
                .isInstanceOf(IllegalStateChangeException.class);
    }

    @Test
    void aGrievanceBelongsToOneIncident() {
        assertThat(GrievanceLifecycle.link("g", GrievanceStatus.TRIAGED, null, "inc-1")).isTrue();
        assertThat(GrievanceLifecycle.link("g", GrievanceStatus.LINKED, "inc-1", "inc-1")).isFalse();
        assertThatThrownBy(() -> GrievanceLifecycle.link("g", GrievanceStatus.LINKED, "inc-1", "inc-2"))
                .isInstanceOf(IllegalStateChangeException.class);
    }

    @Test
    void aClosedGrievanceCanBeReopenedOnlyWithinThePeriod() {
        Duration period = Duration.ofDays(30);
        GrievanceLifecycle.reopen("g", GrievanceStatus.RESOLVED, CLOSED_AT, CLOSED_AT.plus(Duration.ofDays(30)), period);
        assertThatThrownBy(() -> GrievanceLifecycle.reopen("g", GrievanceStatus.CLOSED, CLOSED_AT,
                CLOSED_AT.plus(Duration.ofDays(30)).plusSeconds(1), period))
                .isInstanceOf(IllegalStateChangeException.class).hasMessageContaining("could be reopened until");
        assertThatThrownBy(() -> GrievanceLifecycle.reopen("g", GrievanceStatus.TRIAGED, null, CLOSED_AT, period))
                .isInstanceOf(IllegalStateChangeException.class);
    }

    @Test
    void aClosedGrievanceIsNotClosedAgain() {
        GrievanceLifecycle.close("g", GrievanceStatus.REOPENED);
        assertThatThrownBy(() -> GrievanceLifecycle.close("g", GrievanceStatus.CLOSED))
                .isInstanceOf(IllegalStateChangeException.class);
    }
}
