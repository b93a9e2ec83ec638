package io.liandong.followup.application;

import io.liandong.contracts.EventEnvelope;
import io.liandong.contracts.EventJson;
import io.liandong.contracts.EventPayload;
import io.liandong.contracts.EventType;
import io.liandong.contracts.grievance.GrievanceLinked;
import io.liandong.contracts.grievance.GrievanceReceived;
import io.liandong.contracts.review.AgencyResponse;
import io.liandong.contracts.review.ReviewPublished;
import io.liandong.followup.config.FollowupConfig;
import io.liandong.followup.domain.Review;
import io.liandong.followup.persistence.GrievanceReceiptEntity;
import io.liandong.followup.persistence.ItemEntity;
import io.liandong.followup.persistence.PlanEntity;
import io.liandong.followup.persistence.ReviewEntity;
import io.liandong.platform.error.IllegalStateChangeException;
import io.liandong.platform.error.UnknownResourceException;
import io.liandong.platform.outbox.OutgoingEvent;
import io.liandong.platform.outbox.Outbox;
import io.liandong.platform.timeline.IncidentTimeline;
import io.liandong.platform.timeline.TimelineEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The after-action review of a closed incident, built from its timeline and the follow-up items; on
 * closing, published once with its corrective actions turned into a plan.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ReviewService {

    /** A review and the corrective actions tracked for it (empty before the review was published). */
    public record ReviewView(Review review, List<CorrectiveAction> correctiveActions) {
    }

    /** A corrective action tracked as a follow-up item. */
    public record CorrectiveAction(String itemId, String issue, String action, String responsibleAgencyId, Instant dueAt,
                                   String verifierAgencyId, String status, boolean overdue) {
    }

    private final IncidentTimeline timeline;
    private final Outbox outbox;
    private final PlanService plans;
    private final FollowupConfig config;
    private final Clock clock;

    ReviewService(IncidentTimeline timeline, Outbox outbox, PlanService plans, FollowupConfig config, Clock clock) {
        this.timeline = timeline;
        this.outbox = outbox;
        this.plans = plans;
        this.config = config;
        this.clock = clock;
    }

    /** Remembers when a grievance was received, for the time from the first grievance to the incident. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void received(GrievanceReceived g) {
        if (GrievanceReceiptEntity.findById(g.grievanceId()) == null) {
            GrievanceReceiptEntity row = new GrievanceReceiptEntity();
            row.grievanceId = g.grievanceId();
            row.receivedAt = g.receivedAt();
            row.persist();
        }
    }

    /**
     * The incident was closed: its review is published once, as review.published, and its findings
     * become a plan of corrective actions (followup.plan-created, source review).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void closed(String incidentId, EventEnvelope cause) {
        if (ReviewEntity.findById(incidentId) != null) {
            return;
        }
        Review review = of(incidentId).review();
        ReviewEntity row = new ReviewEntity();
        row.incidentId = incidentId;
        row.reviewId = "rev-" + UUID.randomUUID();
        row.publishedAt = clock.instant();
        row.persist();
        int actions = plans.correctiveActions(incidentId, row.reviewId, review.findings(), row.publishedAt, cause);
        long open = review.commitments().stream().filter(c -> !"verified".equals(c.status())).count();
        long overdue = review.commitments().stream().filter(Review.CommitmentLine::overdue).count();
        String summary = review.agencies().size() + " agencies, " + review.breachCount() + " deadline breaches, "
                + review.handoffs().stream().filter(Review.Handoff::late).count() + " of " + review.handoffs().size()
                + " hand-offs late, golden period " + review.goldenPeriod().compliance() + ", "
                + review.mediationRounds() + " mediation rounds, " + review.commitments().size() + " commitment items ("
                + open + " not verified, " + overdue + " overdue), " + actions + " corrective actions";
        List<AgencyResponse> responses = review.agencies().stream().filter(a -> a.onSceneLimit() != null)
                .map(a -> new AgencyResponse(a.agencyId(), a.agencyRole(), a.acknowledgedAfter(), a.onSceneAfter(),
                        a.onSceneLimit(), !a.breaches().isEmpty())).toList();
        outbox.publish(OutgoingEvent.of(new ReviewPublished(row.reviewId, incidentId, row.publishedAt, review.breachCount(),
                actions, summary, responses)).causedBy(cause));
    }

    public ReviewView of(String incidentId) {
        List<TimelineEntry> entries = timeline.of(incidentId);
        if (entries.isEmpty()) {
            throw new UnknownResourceException("incident", incidentId);
        }
        List<EventPayload> events = new ArrayList<>();
        for (TimelineEntry entry : entries) {
            Optional<EventType> type = EventType.of(entry.type());
            type.ifPresent(t -> events.add(EventJson.read(entry.dataJson(), t)));
        }
        List<String> reviewPlans = PlanEntity.<PlanEntity>list("incidentId = ?1 and source = ?2", incidentId, PlanService.REVIEW)
                .stream().map(p -> p.id).toList();
        List<ItemEntity> items = ItemEntity.list("incidentId = ?1 order by dueAt, id", incidentId);
        List<Review.CommitmentLine> commitments = items.stream().filter(i -> !reviewPlans.contains(i.planId))
                .map(i -> new Review.CommitmentLine(i.id, i.commitmentId, i.occurrence, i.action, i.dueAt, i.status,
                        i.overdue)).toList();
        List<ItemEntity> tracked = items.stream().filter(i -> reviewPlans.contains(i.planId)).toList();
        List<String> linked = events.stream().filter(e -> e instanceof GrievanceLinked)
                .map(e -> ((GrievanceLinked) e).grievanceId()).distinct().toList();
        Map<String, Instant> received = new HashMap<>();
        if (!linked.isEmpty()) {
            for (GrievanceReceiptEntity g : GrievanceReceiptEntity.<GrievanceReceiptEntity>list("grievanceId in ?1", linked)) {
                received.put(g.grievanceId, g.receivedAt);
            }
        }
        Review review = Review.of(incidentId, events, commitments, received, config.goldenPeriod());
        if (review == null) {
            throw new IllegalStateChangeException("incident " + incidentId + " is not closed: its review is built once it is");
        }
        // in the order of the findings they answer (breaches, hand-offs, golden period)
        List<String> order = review.findings().stream().map(f -> "review:" + f.key()).toList();
        List<CorrectiveAction> corrective = tracked.stream()
                .sorted(java.util.Comparator.comparingInt((ItemEntity i) -> order.contains(i.commitmentId)
                        ? order.indexOf(i.commitmentId) : order.size()).thenComparing(i -> i.dueAt).thenComparing(i -> i.id))
                .map(i -> new CorrectiveAction(i.id, i.issue, i.action, i.responsibleAgencyId, i.dueAt, i.verifierAgencyId,
                        i.status, i.overdue)).toList();
        return new ReviewView(review, corrective);
    }
}
