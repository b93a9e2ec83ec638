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
import io.liandong.followup.domain.Lines;
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
     * A failed mediation becomes a one-item plan: the competent agency mediates again within the
     * event's days (or the configured default). No followup.plan-created is published for it: the
     * contract's plan sources are agreement and review only.
     */
    public void failed(ResolutionFailed failed) {
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
        item.verifierAgencyId = failed.competentAgencyId();
        item.verificationEvidence = "a new mediation started";
        item.scheduleKind = "once";
        item.beneficiaries = "";
        item.linkedGrievanceIds = "";
        persistNew(item, now);
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
