package io.liandong.platform.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liandong.contracts.EventEnvelope;
import io.liandong.contracts.EventJson;
import io.liandong.contracts.EventType;
import io.liandong.devstack.Devstack;
import io.liandong.devstack.TopicWriter;
import io.liandong.platform.cloudevents.CloudEventCodec;
import io.liandong.platform.inbox.EventConsumer;
import io.quarkus.arc.Arc;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.junit.jupiter.api.Test;

/**
 * What every service's wiring must do, shared by the services' tests (platform-support's test jar):
 * it is ready with its database, Kafka and outbox checked, and an event of a type it consumes,
 * delivered twice on its producer's topic, joins the incident's timeline once and is measured; and
 * every {@code @Incoming} method runs on the consumers' own workers.
 * A subclass names the service and one event type it consumes, and carries the
 * {@code @QuarkusTest} and {@code @WithTestResource(DevstackTestResource.class)} annotations.
 */
public abstract class IncomingEventsContract {

    private final String consumer;
    private final EventType consumed;

    protected IncomingEventsContract(String consumer, EventType consumed) {
        this.consumer = consumer;
        this.consumed = consumed;
    }

    @Test
    void theServiceIsReadyWithItsDatabaseKafkaAndOutboxChecked() {
        given().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check", "outbox"));
    }

    @Test
    void everyIncomingMethodRunsOnTheConsumersOwnWorkers() {
        // A plain @Blocking would share the pool that serves REST requests, and a flood of requests would queue events.
        List<String> incoming = new ArrayList<>();
        List<String> elsewhere = new ArrayList<>();
        for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
            for (Method method : bean.getBeanClass().getDeclaredMethods()) {
                if (method.isAnnotationPresent(Incoming.class)) {
                    String name = bean.getBeanClass().getSimpleName() + "." + method.getName();
                    incoming.add(name);
                    Blocking blocking = method.getAnnotation(Blocking.class);
                    if (blocking == null || !EventConsumer.WORKERS.equals(blocking.value())) {
                        elsewhere.add(name);
                    }
                }
            }
        }
        assertThat(incoming).as("the service's @Incoming methods").isNotEmpty();
        assertThat(elsewhere).as("@Incoming methods not on @Blocking(EventConsumer.WORKERS)").isEmpty();
    }

    @Test
    void aConsumedEventJoinsTheIncidentTimelineOnceEvenWhenDeliveredTwice() {
        String incident = "inc-" + UUID.randomUUID();
        ObjectNode data = (ObjectNode) EventJson.readTree(consumed.sampleJson());
        data.put("incidentId", incident);
        EventEnvelope event = EventEnvelope.of(UUID.randomUUID().toString(), Instant.now(),
                EventJson.read(data.toString(), consumed), null, null);
        EventEnvelope fence = new EventEnvelope(UUID.randomUUID().toString(), consumed, event.source(), event.subject(),
                event.time().plusSeconds(1), incident, null, null, event.dataJson());
        try (var writer = new TopicWriter(Devstack.kafka().bootstrapServers())) {
            writer.send(CloudEventCodec.toRecord(consumed.topic(), incident, event));
            writer.send(CloudEventCodec.toRecord(consumed.topic(), incident, event));
            writer.send(CloudEventCodec.toRecord(consumed.topic(), incident, fence));
        }

        // The fence follows the redelivery on the same partition: once it shows, the redelivery was handled.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> As.auditor().get("/api/v1/incidents/" + incident + "/timeline")
                .then().statusCode(200)
                .body("events.id", hasItem(fence.id())));
        As.auditor().get("/api/v1/incidents/" + incident + "/timeline")
                .then().statusCode(200)
                .body("events.id", contains(event.id(), fence.id()))
                .body("events[0].type", equalTo(consumed.type()))
                .body("events[0].source", equalTo(consumed.producer().source()));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("liandong_information_delay_seconds_count{consumer=\"" + consumer
                        + "\",type=\"" + consumed.type() + "\""));
    }
}
