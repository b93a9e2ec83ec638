package io.liandong.dispatch.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.liandong.contracts.EventType;
import io.liandong.devstack.DevstackTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A measurement, not a test (excluded from the default run): what sending the console's changes costs the service
 * when many operators watch.
 * <pre>
 * mvn -B -o verify -pl dispatch-service -Ddispatch.excludedGroups=none -Dtest=ConsoleBenchmark
 * </pre>
 * Results are printed and appended to {@code dispatch-service/target/benchmark-results.md}.
 */
@QuarkusTest
@WithTestResource(DevstackTestResource.class)
@Tag("benchmark")
class ConsoleBenchmark {

    static final int OPERATORS = 20;
    static final int CHANGES = 1_000;
    static final int WARM_UP_CHANGES = 300;
    private static final Duration WAIT = Duration.ofSeconds(120);

    @TestHTTPResource("/api/v1/console/stream")
    URI stream;

    private final List<SseClient> open = new ArrayList<>();

    @AfterEach
    void close() {
        open.forEach(SseClient::close);
    }

    /**
     * Twenty operators watch while a thousand incidents are reported; timed from the first event written to the last
     * change on every stream. The service's side of the sending is the CPU time of the threads that do it: the console's
     * feed (it hands each change to every stream) and the event loops (they write the streams).
     */
    @Test
    void aThousandChangesToTwentyOperators() throws Exception {
        String token = ConsoleStreamTest.operator();
        ConsoleEvents.warmUp(token);
        for (int i = 0; i < OPERATORS; i++) {
            SseClient client = new SseClient(stream, token, null);
            open.add(client);
            assertThat(client.status()).isEqualTo(200);
            assertThat(client.nextWithId(WAIT).name()).isEqualTo("snapshot");
        }
        // The code that sends runs compiled from here on.
        reportIncidents(WARM_UP_CHANGES);

        long cpuBefore = sendingCpuNanos();
        long started = System.nanoTime();
        reportIncidents(CHANGES);
        long elapsed = System.nanoTime() - started;
        long cpu = sendingCpuNanos() - cpuBefore;

        report(String.format(Locale.ROOT, """
                ### %d changes to %d operators watching the console
                | measure | value |
                | --- | --- |
                | first event written → last change on every stream | %.0f ms |
                | CPU of the feed and the event loops | %.0f ms |
                | CPU per change | %.2f ms |
                | CPU per change and operator | %.3f ms |
                """, CHANGES, OPERATORS, elapsed / 1e6, cpu / 1e6, cpu / 1e6 / CHANGES, cpu / 1e6 / CHANGES / OPERATORS));
    }

    private void reportIncidents(int count) throws Exception {
        String last = null;
        try (var events = new ConsoleEvents()) {
            for (int i = 0; i < count; i++) {
                last = ConsoleEvents.newIncidentId();
                events.write(EventType.INCIDENT_REPORTED, last, Map.of());
            }
        }
        String lastIncident = last;
        for (SseClient client : open) {
            client.next(e -> "change".equals(e.name())
                    && lastIncident.equals(e.data().path("incident").path("incidentId").asText()), WAIT);
        }
    }

    private static long sendingCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && (info.getThreadName().startsWith("vert.x-eventloop-thread")
                    || info.getThreadName().equals("console-feed"))) {
                total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
            }
        }
        return total;
    }

    private static void report(String text) throws Exception {
        System.out.println(text);
        Files.writeString(Path.of("target", "benchmark-results.md"), text + "\n", StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }
}
