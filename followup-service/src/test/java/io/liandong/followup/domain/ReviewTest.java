package io.liandong.followup.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.liandong.contracts.EventPayload;
import io.liandong.contracts.assignment.AssignmentAcknowledged;
import io.liandong.contracts.assignment.AssignmentCreated;
import io.liandong.contracts.assignment.AssignmentDeadlineBreached;
import io.liandong.contracts.assignment.AssignmentOnScene;
import io.liandong.contracts.assignment.DeadlineKind;
import io.liandong.contracts.common.OnSiteGroup;
import io.liandong.contracts.incident.IncidentStatus;
import io.liandong.contracts.incident.IncidentStatusChanged;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReviewTest {

    static final Instant T0 = Instant.parse("2026-03-14T05:43:24Z");

    @Test
    void timesAgainstLimitsBreachesAndTheClosing() {
        List<EventPayload> events = List.of(
                created("a1", "police-binjiang-branch", "police", Duration.ofMinutes(2), Duration.ofMinutes(5)),
                created("a2", "community-binhe", "community", Duration.ofMinutes(5), Duration.ofMinutes(20)),
                new AssignmentAcknowledged("a1", "inc", "police-binjiang-branch", "x", T0.plusSeconds(27)),
                new AssignmentAcknowledged("a1", "inc", "police-binjiang-branch", "x", T0.plusSeconds(99)),   // a repeat counts once
                new AssignmentOnScene("a1", "inc", "police-binjiang-branch", "x", T0.plusSeconds(254), 12),
                new AssignmentDeadlineBreached("a2", "inc", "community-binhe", DeadlineKind.ON_SCENE, T0.plusSeconds(1200),
                        T0.plusSeconds(1201)),
                new IncidentStatusChanged("inc", IncidentStatus.RESOLVED, IncidentStatus.CLOSED, "hq", "done", T0.plusSeconds(9000)));
        Review review = Review.of("inc", events, List.of());
        assertThat(review.closedAt()).isEqualTo(T0.plusSeconds(9000));
        assertThat(review.breachCount()).isEqualTo(1);
        Review.AgencyLine police = review.agencies().get(0);
        assertThat(police.acknowledgedAfter()).isEqualTo(Duration.ofSeconds(27));
        assertThat(police.acknowledgeLimit()).isEqualTo(Duration.ofMinutes(2));
        assertThat(police.onSceneAfter()).isEqualTo(Duration.ofSeconds(254));
        assertThat(police.onSceneLimit()).isEqualTo(Duration.ofMinutes(5));
        assertThat(police.breaches()).isEmpty();
        Review.AgencyLine community = review.agencies().get(1);
        assertThat(community.acknowledgedAfter()).isNull();
        assertThat(community.onSceneAfter()).isNull();
        assertThat(community.breaches()).containsExactly("on-scene");
    }

    @Test
    void anIncidentNotClosedHasNoReview() {
        assertThat(Review.of("inc", List.of(created("a1", "p", "police", Duration.ofMinutes(2), Duration.ofMinutes(5))),
                List.of())).isNull();
    }

    private static AssignmentCreated created(String id, String agency, String role, Duration ack, Duration onScene) {
        return new AssignmentCreated(id, "inc", role, agency, OnSiteGroup.ORDER_MAINTENANCE, List.of("duty"), T0.plus(ack),
                T0.plus(onScene), "pb@1", T0);
    }
}
