package io.liandong.followup.application;

import io.liandong.contracts.EventEnvelope;
import io.liandong.contracts.EventJson;
import io.liandong.contracts.review.AgencyResponse;
import io.liandong.contracts.review.ReviewPublished;
import io.liandong.followup.persistence.ReviewEntity;
import io.liandong.platform.outbox.OutgoingEvent;
import io.liandong.platform.outbox.Outbox;
import java.time.Clock;
import java.util.UUID;
import io.liandong.contracts.EventPayload;
import io.liandong.contracts.EventType;
import io.liandong.followup.domain.Review;
import io.liandong.followup.persistence.ItemEntity;
import io.liandong.platform.error.IllegalStateChangeException;
import io.liandong.platform.error.UnknownResourceException;
import io.liandong.platform.timeline.IncidentTimeline;
import io.liandong.platform.timeline.TimelineEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The after-action review of a closed incident, built on request from its timeline and the follow-up items. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ReviewService {

    private final IncidentTimeline timeline;
    private final Outbox outbox;
    private final Clock clock;

    ReviewService(IncidentTimeline timeline, Outbox outbox, Clock clock) {
        this.timeline = timeline;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The incident was closed: its review is published once, as review.published. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void closed(String incidentId, EventEnvelope cause) {
        if (ReviewEntity.findById(incidentId) != null) {
            return;
        }
        Review review = of(incidentId);
        ReviewEntity row = new ReviewEntity();
        row.incidentId = incidentId;
        row.reviewId = "rev-" + UUID.randomUUID();
        row.publishedAt = clock.instant();
        row.persist();
        long open = review.commitments().stream().filter(c -> !"verified".equals(c.status())).count();
        String summary = review.agencies().size() + " agencies, " + review.breachCount() + " deadline breaches, "
                + review.mediationRounds() + " mediation rounds, " + review.commitments().size() + " commitment items ("
                + open + " not verified)";
        List<AgencyResponse> responses = review.agencies().stream().filter(a -> a.onSceneLimit() != null)
                .map(a -> new AgencyResponse(a.agencyId(), a.agencyRole(), a.acknowledgedAfter(), a.onSceneAfter(),
                        a.onSceneLimit(), !a.breaches().isEmpty())).toList();
        outbox.publish(OutgoingEvent.of(new ReviewPublished(row.reviewId, incidentId, row.publishedAt, review.breachCount(), 0,
                summary, responses)).causedBy(cause));
    }

    public Review of(String incidentId) {
        List<TimelineEntry> entries = timeline.of(incidentId);
        if (entries.isEmpty()) {
            throw new UnknownResourceException("incident", incidentId);
        }
        List<EventPayload> events = new ArrayList<>();
        for (TimelineEntry entry : entries) {
            Optional<EventType> type = EventType.of(entry.type());
            type.ifPresent(t -> events.add(EventJson.read(entry.dataJson(), t)));
        }
        List<Review.CommitmentLine> commitments = ItemEntity.<ItemEntity>list("incidentId = ?1 order by dueAt, id", incidentId)
                .stream().map(i -> new Review.CommitmentLine(i.id, i.commitmentId, i.occurrence, i.action, i.dueAt, i.status,
                        i.overdue)).toList();
        Review review = Review.of(incidentId, events, commitments);
        if (review == null) {
            throw new IllegalStateChangeException("incident " + incidentId + " is not closed: its review is built once it is");
        }
        return review;
    }
}
