package io.liandong.contracts;

import java.util.List;

/** Every Kafka topic name of the platform. Each service writes only its own events topic. */
public final class Topics {

    public static final String GRIEVANCE_EVENTS = "liandong.grievance.events";
    public static final String DISPATCH_EVENTS = "liandong.dispatch.events";
    public static final String DEPARTMENT_EVENTS = "liandong.department.events";
    public static final String FOLLOWUP_EVENTS = "liandong.followup.events";

    public static final String GRIEVANCE_DLQ = "liandong.grievance.dlq";
    public static final String DISPATCH_DLQ = "liandong.dispatch.dlq";
    public static final String DEPARTMENT_DLQ = "liandong.department.dlq";
    public static final String FOLLOWUP_DLQ = "liandong.followup.dlq";

    public static final List<String> EVENTS = List.of(
            GRIEVANCE_EVENTS, DISPATCH_EVENTS, DEPARTMENT_EVENTS, FOLLOWUP_EVENTS);

    public static final List<String> DEAD_LETTERS = List.of(
            GRIEVANCE_DLQ, DISPATCH_DLQ, DEPARTMENT_DLQ, FOLLOWUP_DLQ);

    public static final List<String> ALL = List.of(
            GRIEVANCE_EVENTS, DISPATCH_EVENTS, DEPARTMENT_EVENTS, FOLLOWUP_EVENTS,
            GRIEVANCE_DLQ, DISPATCH_DLQ, DEPARTMENT_DLQ, FOLLOWUP_DLQ);

    private Topics() {
    }
}
