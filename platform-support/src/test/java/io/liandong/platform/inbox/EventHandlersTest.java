package io.liandong.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liandong.contracts.EventType;
import io.liandong.contracts.grievance.GrievanceLinked;
import io.liandong.contracts.incident.IncidentReported;
import org.junit.jupiter.api.Test;

class EventHandlersTest {

    @Test
    void aConsumerWithoutHandlersHandlesNoType() {
        var handlers = EventHandlers.builder().build();

        assertThat(handlers.handlerFor(EventType.INCIDENT_REPORTED)).isEmpty();
    }

    @Test
    void aHandlerIsFoundByItsType() {
        EventHandlers.Handler<IncidentReported> handler = event -> { };
        var handlers = EventHandlers.builder().on(EventType.INCIDENT_REPORTED, IncidentReported.class, handler).build();

        assertThat(handlers.handlerFor(EventType.INCIDENT_REPORTED)).containsSame(handler);
        assertThat(handlers.handlerFor(EventType.GRIEVANCE_LINKED)).isEmpty();
    }

    @Test
    void aHandlerForTheWrongPayloadIsRefused() {
        assertThatThrownBy(() -> EventHandlers.builder().on(EventType.INCIDENT_REPORTED, GrievanceLinked.class, e -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("IncidentReported");
    }

    @Test
    void twoHandlersForOneTypeAreRefused() {
        var builder = EventHandlers.builder().on(EventType.INCIDENT_REPORTED, IncidentReported.class, e -> { });

        assertThatThrownBy(() -> builder.on(EventType.INCIDENT_REPORTED, IncidentReported.class, e -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two handlers");
    }
}
