package io.liandong.department.messaging;

import io.liandong.contracts.EventType;
import io.liandong.contracts.assignment.AssignmentCreated;
import io.liandong.contracts.assignment.AssignmentDeadlineBreached;
import io.liandong.contracts.assignment.AssignmentDeadlineWarning;
import io.liandong.contracts.assignment.AssignmentEscalated;
import io.liandong.contracts.assignment.AssignmentStatusChanged;
import io.liandong.contracts.common.WireValues;
import io.liandong.contracts.grievance.GrievanceLinked;
import io.liandong.contracts.incident.IncidentReported;
import io.liandong.contracts.incident.IncidentSeverityChanged;
import io.liandong.contracts.incident.IncidentStatusChanged;
import io.liandong.department.application.InboxService;
import io.liandong.department.application.IncidentFacts;
import io.liandong.platform.inbox.EventConsumer;
import io.liandong.platform.inbox.EventHandlers;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The events department-service consumes (dispatch, grievance), each through the platform pipeline: inbox
 * (a redelivery changes nothing), the incident's timeline, then the handler for its type. Every consumed
 * type joins the timeline agencies read; the ones below also fill inboxes and incident summaries.
 */
@ApplicationScoped
public class IncomingEvents {

    static final String CONSUMER = "department-service";

    private final EventConsumer consumer;
    private final EventHandlers handlers;

    IncomingEvents(EventConsumer consumer, InboxService inbox, IncidentFacts incidents) {
        this.consumer = consumer;
        this.handlers = EventHandlers.builder()
                .on(EventType.INCIDENT_REPORTED, IncidentReported.class, e -> incidents.reported(e.payload()))
                .on(EventType.INCIDENT_STATUS_CHANGED, IncidentStatusChanged.class, e -> incidents.statusChanged(e.payload()))
                .on(EventType.INCIDENT_SEVERITY_CHANGED, IncidentSeverityChanged.class,
                        e -> incidents.severityChanged(e.payload()))
                .on(EventType.GRIEVANCE_LINKED, GrievanceLinked.class, e -> incidents.grievanceLinked(e.payload()))
                .on(EventType.ASSIGNMENT_CREATED, AssignmentCreated.class, e -> inbox.created(e.payload(), e.envelope()))
                .on(EventType.ASSIGNMENT_DEADLINE_WARNING, AssignmentDeadlineWarning.class, e -> {
                    var p = e.payload();
                    inbox.signal(e.envelope(), p.assignmentId(), p.incidentId(), "deadline-warning",
                            p.thresholdPercent() + "% of the " + WireValues.of(p.deadline()) + " time has passed; due at "
                                    + p.dueAt(), null, null, p.warnedAt());
                })
                .on(EventType.ASSIGNMENT_DEADLINE_BREACHED, AssignmentDeadlineBreached.class, e -> {
                    var p = e.payload();
                    inbox.signal(e.envelope(), p.assignmentId(), p.incidentId(), "deadline-breached",
                            "the " + WireValues.of(p.deadline()) + " deadline passed at " + p.dueAt(), null, null, p.breachedAt());
                })
                .on(EventType.ASSIGNMENT_ESCALATED, AssignmentEscalated.class, e -> {
                    var p = e.payload();
                    inbox.signal(e.envelope(), p.assignmentId(), p.incidentId(), "escalated",
                            "escalated to " + p.escalatedTo() + (p.reason() == null ? "" : ": " + p.reason()), null, p.level(),
                            p.escalatedAt());
                })
                .on(EventType.ASSIGNMENT_STATUS_CHANGED, AssignmentStatusChanged.class, e -> {
                    var p = e.payload();
                    inbox.signal(e.envelope(), p.assignmentId(), p.incidentId(), "status-changed",
                            p.changedBy() + " recorded " + WireValues.of(p.to()) + (p.reason() == null ? "" : ": " + p.reason()),
                            p.to(), null, p.changedAt());
                })
                .build();
    }

    @Incoming("dispatch-events")
    @Blocking(EventConsumer.WORKERS)
    public CompletionStage<Void> onDispatchEvent(KafkaRecordBatch<String, byte[]> batch) {
        return consumer.consume(CONSUMER, batch, handlers);
    }

    @Incoming("grievance-events")
    @Blocking(EventConsumer.WORKERS)
    public CompletionStage<Void> onGrievanceEvent(KafkaRecordBatch<String, byte[]> batch) {
        return consumer.consume(CONSUMER, batch, handlers);
    }
}
