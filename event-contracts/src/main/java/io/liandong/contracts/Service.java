package io.liandong.contracts;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** The four services that produce events, with the names their events carry. */
public enum Service {

    GRIEVANCE("grievance-service", Topics.GRIEVANCE_EVENTS, Topics.GRIEVANCE_DLQ),
    DISPATCH("dispatch-service", Topics.DISPATCH_EVENTS, Topics.DISPATCH_DLQ),
    DEPARTMENT("department-service", Topics.DEPARTMENT_EVENTS, Topics.DEPARTMENT_DLQ),
    FOLLOWUP("followup-service", Topics.FOLLOWUP_EVENTS, Topics.FOLLOWUP_DLQ);

    private final String serviceName;
    private final String eventsTopic;
    private final String deadLetterTopic;

    Service(String serviceName, String eventsTopic, String deadLetterTopic) {
        this.serviceName = serviceName;
        this.eventsTopic = eventsTopic;
        this.deadLetterTopic = deadLetterTopic;
    }

    /** E.g. {@code grievance-service}. */
    public String serviceName() {
        return serviceName;
    }

    /** The CloudEvent {@code source} of every event this service produces, e.g. {@code /grievance-service}. */
    public String source() {
        return "/" + serviceName;
    }

    /** The only topic this service writes its events to. */
    public String eventsTopic() {
        return eventsTopic;
    }

    /** Where this service's consumers park records they cannot handle. */
    public String deadLetterTopic() {
        return deadLetterTopic;
    }

    /** The event types this service produces, in catalogue order. */
    public Set<EventType> produces() {
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        for (EventType type : EventType.values()) {
            if (type.producer() == this) {
                types.add(type);
            }
        }
        return types;
    }

    /** The event types this service consumes, according to the catalogue. */
    public Set<EventType> consumes() {
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        for (EventType type : EventType.values()) {
            if (type.consumers().contains(this)) {
                types.add(type);
            }
        }
        return types;
    }

    /** The service whose CloudEvent source this is, e.g. {@code /dispatch-service}. */
    public static Optional<Service> ofSource(String source) {
        return Arrays.stream(values()).filter(s -> s.source().equals(source)).findFirst();
    }
}
