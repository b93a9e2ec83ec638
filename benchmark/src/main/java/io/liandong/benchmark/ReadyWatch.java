package io.liandong.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Notes when each service first answers {@code /q/health/ready} with 200, polling every 20 ms (the
 * stack's own wait polls every 250 ms, too coarse to time a start).
 */
final class ReadyWatch implements AutoCloseable {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
    private final Map<String, Integer> ports;
    private final Map<String, Instant> readyAt = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    ReadyWatch(Map<String, Integer> ports) {
        this.ports = Map.copyOf(ports);
        this.thread = new Thread(this::run, "benchmark-ready-watch");
        thread.setDaemon(true);
        thread.start();
    }

    Instant readyAt(String service) {
        return readyAt.get(service);
    }

    private void run() {
        while (running && readyAt.size() < ports.size()) {
            for (var e : ports.entrySet()) {
                if (!readyAt.containsKey(e.getKey()) && ready(e.getValue())) {
                    readyAt.put(e.getKey(), Instant.now());
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private boolean ready(int port) {
        try {
            HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(1)).GET().build();
            return http.send(r, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
