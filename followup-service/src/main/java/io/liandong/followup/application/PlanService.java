package io.liandong.followup.application;

import io.liandong.contracts.EventEnvelope;
import io.liandong.contracts.common.WireValues;
import io.liandong.contracts.followup.FollowupItemStatus;
import io.liandong.contracts.followup.FollowupPlanCreated;
import io.liandong.contracts.followup.PlanSource;
import io.liandong.contracts.followup.PlannedItem;
import io.liandong.contracts.resolution.Commitment;
import io.liandong.contracts.resolution.OwnerKind;
import io.liandong.contracts.resolution.ResolutionAgreed;
import io.liandong.contracts.resolution.ResolutionFailed;
import io.liandong.followup.config.FollowupConfig;
import io.liandong.contracts.followup.FollowupItemUpdated;
import io.liandong.contracts.followup.FollowupItemVerified;
import io.liandong.followup.domain.ItemLifecycle;
import io.liandong.followup.domain.Lines;
import io.liandong.followup.domain.Review;
import io.liandong.followup.domain.Occurrences;
import io.liandong.followup.domain.Occurrences.Occurrence;
import io.liandong.followup.persistence.ItemEntity;
import io.liandong.followup.persistence.PlanEntity;
import io.liandong.platform.outbox.OutgoingEvent;
import io.liandong.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Turns agreements and failed mediations into follow-up plans; reads plans. */
@ApplicationScoped
@Transactional
public class PlanService {

    static final String AGREEMENT = "agreement";
    static final String MEDIATION_FAILED = "mediation-failed";
    static final String REVIEW = "review";
    /** Who settles a "mediate again" item: the service whose agreement did. */
    static final String DEPARTMENT = "department-service";

    private final Outbox outbox;
    private final ItemTimers timers;
    private final FollowupConfig config;
    private final Clock clock;

    PlanService(Outbox outbox, ItemTimers timers, FollowupConfig config, Clock clock) {
        this.outbox = outbox;
        this.timers = timers;
        this.config = config;
        this.clock = clock;
    }

    /** One plan per agreement, one item per commitment occurrence (one, or each stage or recurrence); a second agreement for the incident adds a plan. */
    public void agreed(ResolutionAgreed agreed, EventEnvelope cause) {
        if (PlanEntity.count("source = ?1 and sourceId = ?2", AGREEMENT, agreed.agreementId()) > 0) {
            return;   // the same agreement under another event id: already planned
        }
        Instant now = clock.instant();
        settleMediateAgain(agreed, cause, now);
        PlanEntity plan = plan(agreed.incidentId(), AGREEMENT, agreed.agreementId(), now);
        List<PlannedItem> planned = new ArrayList<>();
        for (Commitment c : agreed.commitments()) {
            for (Occurrence o : Occurrences.of(c.schedule(), c.dueAt())) {
                ItemEntity item = new ItemEntity();
                item.id = UUID.randomUUID().toString();
                item.planId = plan.id;
                item.incidentId = plan.incidentId;
                item.commitmentId = c.commitmentId();
                item.occurrence = o.occurrence();
                item.ownerKind = WireValues.of(c.owner().kind());
                item.ownerId = c.owner().id();
                item.responsibleAgencyId = c.owner().kind() == OwnerKind.AGENCY ? c.owner().id() : c.verification().verifierAgencyId();
                item.action = o.detail() == null ? c.action() : c.action() + " (" + o.detail() + ")";
                item.dueAt = o.dueAt();
                item.verifierAgencyId = c.verification().verifierAgencyId();
                item.verificationEvidence = c.verification().evidence();
                item.scheduleKind = WireValues.of(c.schedule().kind());
                item.beneficiaries = Lines.join(c.beneficiaries());
                item.linkedGrievanceIds = Lines.join(agreed.linkedGrievanceIds());
                persistNew(item, now);
                planned.add(new PlannedItem(item.id, item.commitmentId, item.occurrence, c.owner(), item.action, item.dueAt,
                        item.verifierAgencyId));
            }
        }
        outbox.publish(OutgoingEvent.of(new FollowupPlanCreated(plan.id, plan.incidentId, PlanSource.AGREEMENT,
                agreed.agreementId(), planned, now)).causedBy(cause));
    }

    /**
     * A failed mediation becomes a one-item plan, announced as followup.plan-created with source
     * mediation-failed: the competent agency mediates again within the event's days (or the
     * configured default). The HQ verifies it; an agreement reached for the incident settles it.
     */
    public void failed(ResolutionFailed failed, EventEnvelope cause) {
        if (PlanEntity.count("source = ?1 and sourceId = ?2", MEDIATION_FAILED, failed.mediationId()) > 0) {
            return;
        }
        Instant now = clock.instant();
        int days = failed.mediateAgainWithinDays() > 0 ? failed.mediateAgainWithinDays() : config.mediateAgainWithinDays();
        PlanEntity plan = plan(failed.incidentId(), MEDIATION_FAILED, failed.mediationId(), now);
        ItemEntity item = new ItemEntity();
        item.id = UUID.randomUUID().toString();
        item.planId = plan.id;
        item.incidentId = plan.incidentId;
        item.commitmentId = "mediate-again:" + failed.mediationId();
        item.ownerKind = WireValues.of(OwnerKind.AGENCY);
        item.ownerId = failed.competentAgencyId();
        item.responsibleAgencyId = failed.competentAgencyId();
        item.action = "mediate again within " + days + " days (mediation " + failed.mediationId() + " failed: "
                + failed.reason() + ")";
        item.dueAt = failed.failedAt().plus(Duration.ofDays(days));
        item.verifierAgencyId = config.verifyingAgency();
        item.verificationEvidence = "a new mediation reached an agreement, or the HQ confirms the parties mediated again";
        item.scheduleKind = "once";
        item.beneficiaries = config.verifyingAgency();
        item.agencyVerified = true;
        item.linkedGrievanceIds = "";
        persistNew(item, now);
        outbox.publish(OutgoingEvent.of(new FollowupPlanCreated(plan.id, plan.incidentId, PlanSource.MEDIATION_FAILED,
                failed.mediationId(), List.of(planned(item)), now)).causedBy(cause));
    }

    /**
     * A review's findings become a plan of corrective actions (source review), each owned by the
     * responsible agency, due {@code corrective-action-within} after the review, verified by the HQ.
     *
     * @return how many corrective actions are tracked (0: no plan, nothing published)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int correctiveActions(String incidentId, String reviewId, List<Review.Finding> findings, Instant reviewedAt,
                                 EventEnvelope cause) {
        if (findings.isEmpty() || PlanEntity.count("source = ?1 and sourceId = ?2", REVIEW, reviewId) > 0) {
            return 0;
        }
        PlanEntity plan = plan(incidentId, REVIEW, reviewId, reviewedAt);
        List<PlannedItem> planned = new ArrayList<>();
        for (Review.Finding f : findings) {
            ItemEntity item = new ItemEntity();
            item.id = UUID.randomUUID().toString();
            item.planId = plan.id;
            item.incidentId = incidentId;
            item.commitmentId = "review:" + f.key();
            item.ownerKind = WireValues.of(OwnerKind.AGENCY);
            item.ownerId = f.responsibleAgencyId();
            item.responsibleAgencyId = f.responsibleAgencyId();
            item.action = f.action();
            item.issue = f.issue();
            item.dueAt = reviewedAt.plus(config.correctiveActionWithin());
            item.verifierAgencyId = config.verifyingAgency();
            item.verificationEvidence = "the HQ confirms the corrective action was taken";
            item.scheduleKind = "once";
            item.beneficiaries = config.verifyingAgency();
            item.agencyVerified = true;
            item.linkedGrievanceIds = "";
            persistNew(item, reviewedAt);
            planned.add(planned(item));
        }
        outbox.publish(OutgoingEvent.of(new FollowupPlanCreated(plan.id, incidentId, PlanSource.REVIEW, reviewId, planned,
                reviewedAt)).causedBy(cause));
        return planned.size();
    }

    /** An agreement for the incident settles its open "mediate again" items: verified, timers cancelled. */
    private void settleMediateAgain(ResolutionAgreed agreed, EventEnvelope cause, Instant now) {
        List<PlanEntity> failedPlans = PlanEntity.list("incidentId = ?1 and source = ?2 and sourceId <> ?3", agreed.incidentId(),
                MEDIATION_FAILED, agreed.mediationId());
        for (PlanEntity p : failedPlans) {
            for (ItemEntity item : ItemEntity.<ItemEntity>list("planId = ?1", p.id)) {
                FollowupItemStatus from = Views.status(item);
                if (from == FollowupItemStatus.VERIFIED) {
                    continue;
                }
                FollowupItemStatus to = ItemLifecycle.next(from, ItemLifecycle.Move.SETTLE);
                String note = "agreement " + agreed.agreementId() + " reached in mediation " + agreed.mediationId();
                item.status = WireValues.of(to);
                item.updatedAt = now;
                item.doneAt = item.doneAt == null ? now : item.doneAt;
                item.note = item.note == null ? note : item.note;
                timers.cancelAll(item);
                outbox.publish(OutgoingEvent.of(new FollowupItemUpdated(item.id, item.planId, item.incidentId, from, to,
                        DEPARTMENT, note, List.of(), now)).causedBy(cause));
                outbox.publish(OutgoingEvent.of(new FollowupItemVerified(item.id, item.planId, item.incidentId, DEPARTMENT, now,
                        note, Lines.split(item.evidenceUrls))).causedBy(cause));
            }
        }
    }

    private static PlannedItem planned(ItemEntity item) {
        return new PlannedItem(item.id, item.commitmentId, item.occurrence, Views.owner(item), item.action, item.dueAt,
                item.verifierAgencyId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PlanView> ofIncident(String incidentId) {
        List<PlanEntity> plans = PlanEntity.list("incidentId = ?1 order by createdAt, id", incidentId);
        return plans.stream().map(p -> new PlanView(p.id, p.incidentId, p.source, p.sourceId, p.createdAt,
                ItemEntity.<ItemEntity>list("planId = ?1 order by dueAt, id", p.id).stream().map(Views::item).toList())).toList();
    }

    private PlanEntity plan(String incidentId, String source, String sourceId, Instant now) {
        PlanEntity plan = new PlanEntity();
        plan.id = UUID.randomUUID().toString();
        plan.incidentId = incidentId;
        plan.source = source;
        plan.sourceId = sourceId;
        plan.createdAt = now;
        plan.persist();
        return plan;
    }

    private void persistNew(ItemEntity item, Instant now) {
        item.status = WireValues.of(FollowupItemStatus.PENDING);
        item.evidenceUrls = "";
        item.createdAt = now;
        item.updatedAt = now;
        item.persist();
        timers.schedule(item, now, "");
    }
}
