package io.liandong.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * An operator's console, as far as timing goes: subscribes to dispatch-service's Server-Sent Events
 * ({@code GET /api/v1/console/stream}) and notes when the frame of each event arrives ({@code change}
 * frames carry the event's id in {@code activity.eventId}). One that does not time the frames only reads
 * them, as one more operator's browser would, and counts them.
 */
final class ConsoleWatch implements AutoCloseable {

    static final String PATH = "/api/v1/console/stream";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Long> frames = new ConcurrentHashMap<>();
    private final boolean timesFrames;
    private final AtomicLong changes = new AtomicLong();
    private final Thread thread;
    private volatile int status = -1;
    private volatile String problem;
    private volatile boolean running = true;

    ConsoleWatch(String dispatchUrl, String token, boolean timesFrames) {
        this.timesFrames = timesFrames;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(dispatchUrl + PATH))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + token)
                .GET().build();
        this.thread = new Thread(() -> read(http, request), "benchmark-console");
        thread.setDaemon(true);
        thread.start();
    }

    /** The HTTP status of the subscription (-1 while none), and frames by event id (epoch microseconds). */
    int status() {
        return status;
    }

    String problem() {
        return problem;
    }

    Map<String, Long> frames() {
        return frames;
    }

    /** How many {@code change} frames arrived. */
    long changes() {
        return changes.get();
    }

    private void read(HttpClient http, HttpRequest request) {
        try {
            HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
            status = response.statusCode();
            if (status != 200) {
                response.body().close();
                return;
            }
            String event = null;
            try (Stream<String> lines = response.body()) {
                for (var it = lines.iterator(); running && it.hasNext(); ) {
                    String line = it.next();
                    long now = Micros.now();
                    if (line.startsWith("event:")) {
                        event = line.substring(6).trim();
                    } else if (line.startsWith("data:") && "change".equals(event)) {
                        changes.incrementAndGet();
                        if (!timesFrames) {
                            continue;
                        }
                        String id = JSON.readTree(line.substring(5).trim()).path("activity").path("eventId").asText("");
                        if (!id.isEmpty()) {
                            frames.putIfAbsent(id, now);
                        }
                    } else if (line.isEmpty()) {
                        event = null;
                    }
                }
            }
        } catch (Exception e) {
            problem = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
