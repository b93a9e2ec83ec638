package io.liandong.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.liandong.contracts.EventEnvelope;
import io.liandong.devstack.Devstack;
import io.liandong.devstack.DevstackTestResource;
import io.liandong.devstack.TopicWriter;
import io.liandong.platform.cloudevents.CloudEventCodec;
import io.liandong.platform.fixture.ConnectionHolderResource;
import io.liandong.platform.fixture.ProbeConsumer;
import io.liandong.platform.fixture.Samples;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(DevstackTestResource.class)
class ConnectionBudgetTest {

    private static final String PROBE_TOPIC = "liandong.probe.events";

    @Inject
    ConnectionBudget connections;

    @Inject
    DataSource dataSource;

    @TestHTTPResource("/fixture/connections/hold")
    URI hold;

    private final List<CompletableFuture<HttpResponse<Void>>> held = new ArrayList<>();

    @BeforeEach
    void holdConnections() {
        ConnectionHolderResource.holdFromNowOn();
    }

    @AfterEach
    void letGo() {
        ConnectionHolderResource.releaseAll();
        held.forEach(CompletableFuture::join);
    }

    @Test
    void theSharedDefaultsLeaveTheConsumersAndTheRelayAConnectionEach() {
        ConnectionBudget.Budget budget = connections.budget();

        assertThat(budget).isEqualTo(new ConnectionBudget.Budget(20, 16, 3, 1));
        assertThat(budget.fits()).isTrue();
    }

    @Test
    void anEventIsHandledWhileAFloodOfSlowRequestsHoldsConnections() {
        HttpClient http = HttpClient.newHttpClient();
        int flood = connections.budget().pool() + 10;
        for (int i = 0; i < flood; i++) {
            held.add(http.sendAsync(HttpRequest.newBuilder(hold).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding()));
        }
        // As many requests hold a connection as can: one per worker thread, or every connection the relay does not
        // keep if there are fewer.
        ConnectionBudget.Budget budget = connections.budget();
        int canHold = Math.min(budget.workerThreads(), budget.pool() - budget.relay());
        await().atMost(Duration.ofSeconds(30)).until(() -> ConnectionHolderResource.holding() == canHold);

        EventEnvelope event = Samples.incidentReported("inc-" + UUID.randomUUID());
        try (TopicWriter writer = new TopicWriter(Devstack.kafka().bootstrapServers())) {
            writer.send(CloudEventCodec.toRecord(PROBE_TOPIC, event.incidentId(), event));
        }

        // Had the requests taken every connection, the consumer would wait until they let go.
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> ProbeConsumer.effects(dataSource, event.id()) == 1);
        // The other requests waited for a worker thread, not for a connection.
        assertThat(ConnectionHolderResource.holding()).isEqualTo(budget.workerThreads());
        assertThat(held).noneMatch(CompletableFuture::isDone);

        ConnectionHolderResource.releaseAll();
        assertThat(held).allSatisfy(request -> assertThat(request.join().statusCode()).isEqualTo(204));
    }

    @Test
    void aBudgetWithMoreThreadsThanConnectionsSaysHowManyThreadsWouldFit() {
        ConnectionBudget.Budget quarkusDefaults = new ConnectionBudget.Budget(20, 200, 3, 1);

        assertThat(quarkusDefaults.fits()).isFalse();
        assertThat(quarkusDefaults.demand()).isEqualTo(204);
        assertThat(quarkusDefaults.workerThreadsThatFit()).isEqualTo(16);
    }
}
