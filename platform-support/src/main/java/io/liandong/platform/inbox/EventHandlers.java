package io.liandong.platform.inbox;

import io.liandong.contracts.EventPayload;
import io.liandong.contracts.EventType;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a consumer does per event type: a map, never an if-chain. A type in the catalogue with
 * no handler is still recorded (inbox and incident timeline); a type outside the catalogue is
 * poison and goes to the dead-letter topic.
 */
public final class EventHandlers {

    @FunctionalInterface
    public interface Handler<P extends EventPayload> {
        void handle(ReceivedEvent<P> event);
    }

    private final Map<EventType, Handler<?>> handlers;

    private EventHandlers(Map<EventType, Handler<?>> handlers) {
        this.handlers = Collections.unmodifiableMap(handlers);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<Handler<?>> handlerFor(EventType type) {
        return Optional.ofNullable(handlers.get(type));
    }

    public static final class Builder {
        private final Map<EventType, Handler<?>> handlers = new EnumMap<>(EventType.class);

        public <P extends EventPayload> Builder on(EventType type, Class<P> payloadClass, Handler<P> handler) {
            if (!type.payloadClass().equals(payloadClass)) {
                throw new IllegalArgumentException(type.type() + " carries " + type.payloadClass().getSimpleName()
                        + ", not " + payloadClass.getSimpleName());
            }
            if (handlers.putIfAbsent(type, handler) != null) {
                throw new IllegalArgumentException("two handlers for " + type.type());
            }
            return this;
        }

        public EventHandlers build() {
            Map<EventType, Handler<?>> copy = new EnumMap<>(EventType.class);
            copy.putAll(handlers);
            return new EventHandlers(copy);
        }
    }
}
