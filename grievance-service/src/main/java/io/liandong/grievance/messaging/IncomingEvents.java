package io.liandong.grievance.messaging;

import io.liandong.contracts.EventPayload;
import io.liandong.contracts.EventType;
import io.liandong.contracts.assignment.AssignmentAcknowledged;
import io.liandong.contracts.assignment.AssignmentCreated;
import io.liandong.contracts.assignment.AssignmentOnScene;
import io.liandong.contracts.followup.FollowupItemOverdue;
import io.liandong.contracts.followup.FollowupItemReopened;
import io.liandong.contracts.followup.FollowupItemVerified;
import io.liandong.contracts.followup.FollowupPlanCreated;
import io.liandong.contracts.followup.FollowupVerificationRequested;
import io.liandong.contracts.incident.IncidentReported;
import io.liandong.contracts.incident.IncidentStatus;
import io.liandong.contracts.incident.IncidentStatusChanged;
import io.liandong.contracts.resolution.ResolutionAgreed;
import io.liandong.contracts.resolution.ResolutionFailed;
import io.liandong.contracts.review.ReviewPublished;
import io.liandong.grievance.application.IncidentUpdates;
import io.liandong.platform.inbox.EventConsumer;
import io.liandong.platform.inbox.EventHandlers;
import io.liandong.platform.inbox.ReceivedEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The events grievance-service consumes (dispatch, department, followup), each through the platform pipeline: inbox
 * (a redelivery changes nothing), the incident's timeline, then the handler for its type. The handlers link
 * grievances to the incident that answers them and keep each grievance's progress line current; the full progress
 * a complainant reads is narrated from the incident's timeline.
 */
@ApplicationScoped
public class IncomingEvents {

    static final String CONSUMER = "grievance-service";

    private final EventConsumer consumer;
    private final EventHandlers handlers;

    IncomingEvents(EventConsumer consumer, IncidentUpdates updates) {
        this.consumer = consumer;
        this.handlers = EventHandlers.builder()
                .on(EventType.INCIDENT_REPORTED, IncidentReported.class, e -> {
                    updates.clusterBecameIncident(e.payload().surgeClusterId(), e.payload().incidentId(), e.envelope());
                    happened(updates, e);
                })
                .on(EventType.INCIDENT_STATUS_CHANGED, IncidentStatusChanged.class, e -> {
                    if (e.payload().to() == IncidentStatus.CLOSED || e.payload().to() == IncidentStatus.CANCELLED) {
                        updates.incidentEnded(e.payload().incidentId());
                    }
                    happened(updates, e);
                })
                .on(EventType.ASSIGNMENT_CREATED, AssignmentCreated.class, e -> happened(updates, e))
                .on(EventType.ASSIGNMENT_ACKNOWLEDGED, AssignmentAcknowledged.class, e -> happened(updates, e))
                .on(EventType.ASSIGNMENT_ON_SCENE, AssignmentOnScene.class, e -> happened(updates, e))
                .on(EventType.RESOLUTION_AGREED, ResolutionAgreed.class, e -> {
                    updates.grievancesNamed(e.payload().linkedGrievanceIds(), e.payload().incidentId(), e.envelope());
                    happened(updates, e);
                })
                .on(EventType.RESOLUTION_FAILED, ResolutionFailed.class, e -> happened(updates, e))
                .on(EventType.FOLLOWUP_PLAN_CREATED, FollowupPlanCreated.class, e -> happened(updates, e))
                .on(EventType.FOLLOWUP_VERIFICATION_REQUESTED, FollowupVerificationRequested.class, e -> {
                    updates.grievancesNamed(e.payload().grievanceIds(), e.payload().incidentId(), e.envelope());
                    happened(updates, e);
                })
                .on(EventType.FOLLOWUP_ITEM_VERIFIED, FollowupItemVerified.class, e -> happened(updates, e))
                .on(EventType.FOLLOWUP_ITEM_REOPENED, FollowupItemReopened.class, e -> {
                    if (e.payload().grievanceId() != null) {
                        updates.grievancesNamed(List.of(e.payload().grievanceId()), e.payload().incidentId(), e.envelope());
                    }
                    happened(updates, e);
                })
                .on(EventType.FOLLOWUP_ITEM_OVERDUE, FollowupItemOverdue.class, e -> happened(updates, e))
                .on(EventType.REVIEW_PUBLISHED, ReviewPublished.class, e -> happened(updates, e))
                .build();
    }

    private static void happened(IncidentUpdates updates, ReceivedEvent<? extends EventPayload> e) {
        e.payload().incident().ifPresent(incident -> updates.happened(incident, e.payload(), e.envelope()));
    }

    @Incoming("dispatch-events")
    @Blocking(EventConsumer.WORKERS)
    public CompletionStage<Void> onDispatchEvent(KafkaRecordBatch<String, byte[]> batch) {
        return consumer.consume(CONSUMER, batch, handlers);
    }

    @Incoming("department-events")
    @Blocking(EventConsumer.WORKERS)
    public CompletionStage<Void> onDepartmentEvent(KafkaRecordBatch<String, byte[]> batch) {
        return consumer.consume(CONSUMER, batch, handlers);
    }

    @Incoming("followup-events")
    @Blocking(EventConsumer.WORKERS)
    public CompletionStage<Void> onFollowupEvent(KafkaRecordBatch<String, byte[]> batch) {
        return consumer.consume(CONSUMER, batch, handlers);
    }
}
