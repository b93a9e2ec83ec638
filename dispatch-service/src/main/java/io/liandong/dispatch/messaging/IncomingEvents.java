package io.liandong.dispatch.messaging;

import io.liandong.contracts.EventType;
import io.liandong.contracts.assignment.AssignmentAcknowledged;
import io.liandong.contracts.assignment.AssignmentEnRoute;
import io.liandong.contracts.assignment.AssignmentOnScene;
import io.liandong.contracts.assignment.AssignmentReferred;
import io.liandong.contracts.assignment.AssignmentReleased;
import io.liandong.contracts.assignment.AssignmentStatus;
import io.liandong.contracts.grievance.GrievanceSurgeDetected;
import io.liandong.contracts.mediation.MediationSessionHeld;
import io.liandong.contracts.resolution.ResolutionAgreed;
import io.liandong.contracts.resolution.ResolutionFailed;
import io.liandong.dispatch.application.AssignmentService;
import io.liandong.dispatch.application.IncidentService;
import io.liandong.dispatch.application.ProposalService;
import io.liandong.platform.inbox.EventConsumer;
import io.liandong.platform.inbox.EventHandlers;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The events dispatch-service consumes (grievance, department, followup), each through the platform pipeline: inbox
 * (a redelivery changes nothing), the incident's timeline, then the handler for its type. Every consumed type joins
 * the timeline; the ones below also move this service's own state.
 */
@ApplicationScoped
public class IncomingEvents {

    static final String CONSUMER = "dispatch-service";

    private final EventConsumer consumer;
    private final EventHandlers handlers;

    IncomingEvents(EventConsumer consumer, AssignmentService assignments, IncidentService incidents,
                   ProposalService proposals) {
        this.consumer = consumer;
        this.handlers = EventHandlers.builder()
                .on(EventType.GRIEVANCE_SURGE_DETECTED, GrievanceSurgeDetected.class,
                        e -> proposals.surgeDetected(e.payload(), e.envelope()))
                .on(EventType.ASSIGNMENT_ACKNOWLEDGED, AssignmentAcknowledged.class,
                        e -> assignments.reported(e.payload().assignmentId(), AssignmentStatus.ACKNOWLEDGED,
                                e.payload().acknowledgedAt(), e.envelope()))
                .on(EventType.ASSIGNMENT_EN_ROUTE, AssignmentEnRoute.class,
                        e -> assignments.reported(e.payload().assignmentId(), AssignmentStatus.EN_ROUTE,
                                e.payload().departedAt(), e.envelope()))
                .on(EventType.ASSIGNMENT_ON_SCENE, AssignmentOnScene.class,
                        e -> assignments.reported(e.payload().assignmentId(), AssignmentStatus.ON_SCENE,
                                e.payload().arrivedAt(), e.envelope()))
                .on(EventType.ASSIGNMENT_RELEASED, AssignmentReleased.class,
                        e -> assignments.reported(e.payload().assignmentId(), AssignmentStatus.RELEASED,
                                e.payload().releasedAt(), e.envelope()))
                .on(EventType.ASSIGNMENT_REFERRED, AssignmentReferred.class,
                        e -> assignments.referred(e.payload().assignmentId(), e.payload().toAgencyId()))
                .on(EventType.MEDIATION_SESSION_HELD, MediationSessionHeld.class,
                        e -> incidents.mediationHeld(e.payload().incidentId(), e.envelope()))
                .on(EventType.RESOLUTION_AGREED, ResolutionAgreed.class,
                        e -> incidents.resolutionAgreed(e.payload().incidentId(), e.envelope()))
                .on(EventType.RESOLUTION_FAILED, ResolutionFailed.class,
                        e -> incidents.resolutionFailed(e.payload().incidentId(), e.envelope()))
                .build();
    }

    @Incoming("grievance-events")
    @Blocking(EventConsumer.WORKERS)
    public CompletionStage<Void> onGrievanceEvent(KafkaRecordBatch<String, byte[]> batch) {
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
