package io.liandong.grievance.messaging;

import io.liandong.platform.inbox.EventConsumer;
import io.liandong.platform.inbox.EventHandlers;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The events grievance-service consumes (dispatch, department, followup), each through the platform pipeline: inbox
 * (a redelivery changes nothing), the incident's timeline, then the handler for its type.
 */
@ApplicationScoped
public class IncomingEvents {

    static final String CONSUMER = "grievance-service";

    private final EventConsumer consumer;
    private final EventHandlers handlers;

    IncomingEvents(EventConsumer consumer) {
        this.consumer = consumer;
        // Every consumed type is recorded in the incident's timeline; handlers for types that
        // change this service's own state are added here as the service grows.
        this.handlers = EventHandlers.builder().build();
    }

    @Incoming("dispatch-events")
    @Blocking
    public void onDispatchEvent(ConsumerRecord<String, byte[]> record) {
        consumer.consume(CONSUMER, record, handlers);
    }

    @Incoming("department-events")
    @Blocking
    public void onDepartmentEvent(ConsumerRecord<String, byte[]> record) {
        consumer.consume(CONSUMER, record, handlers);
    }

    @Incoming("followup-events")
    @Blocking
    public void onFollowupEvent(ConsumerRecord<String, byte[]> record) {
        consumer.consume(CONSUMER, record, handlers);
    }
}
