package io.liandong.followup.messaging;

import io.liandong.contracts.EventType;
import io.liandong.contracts.grievance.GrievanceReceived;
import io.liandong.contracts.resolution.ResolutionAgreed;
import io.liandong.contracts.resolution.ResolutionFailed;
import io.liandong.contracts.incident.IncidentStatus;
import io.liandong.contracts.incident.IncidentStatusChanged;
import io.liandong.followup.application.PlanService;
import io.liandong.followup.application.ReviewService;
import io.liandong.platform.inbox.EventConsumer;
import io.liandong.platform.inbox.EventHandlers;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The events followup-service consumes (dispatch, department, grievance), each through the platform pipeline: inbox
 * (a redelivery changes nothing), the incident's timeline, then the handler for its type.
 */
@ApplicationScoped
public class IncomingEvents {

    static final String CONSUMER = "followup-service";

    private final EventConsumer consumer;
    private final EventHandlers handlers;

    IncomingEvents(EventConsumer consumer, PlanService plans, ReviewService reviews) {
        this.consumer = consumer;
        // Every consumed type is recorded in the incident's timeline; these change follow-up state.
        this.handlers = EventHandlers.builder()
                .on(EventType.RESOLUTION_AGREED, ResolutionAgreed.class, e -> plans.agreed(e.payload(), e.envelope()))
                .on(EventType.RESOLUTION_FAILED, ResolutionFailed.class, e -> plans.failed(e.payload(), e.envelope()))
                .on(EventType.GRIEVANCE_RECEIVED, GrievanceReceived.class, e -> reviews.received(e.payload()))
                .on(EventType.INCIDENT_STATUS_CHANGED, IncidentStatusChanged.class, e -> {
                    if (e.payload().to() == IncidentStatus.CLOSED) {
                        reviews.closed(e.payload().incidentId(), e.envelope());
                    }
                })
                .build();
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

    @Incoming("grievance-events")
    @Blocking(EventConsumer.WORKERS)
    public CompletionStage<Void> onGrievanceEvent(KafkaRecordBatch<String, byte[]> batch) {
        return consumer.consume(CONSUMER, batch, handlers);
    }
}
