package io.liandong.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * The platform's public REST APIs as the scenario's people call them: every request carries the
 * caller's bearer token.
 */
final class Api {

    /** One answer: status, ETag and the JSON body (a {@link NullNode} when there is none or it is not JSON). */
    record Reply(int status, String etag, JsonNode body, String text) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json;

    Api(ObjectMapper json) {
        this.json = json;
    }

    Reply get(String url, Actor who) {
        return send(who.sign(HttpRequest.newBuilder(URI.create(url)).GET()
                .header("Accept", "application/json")).build());
    }

    Reply getText(String url, Actor who, String accept) {
        return send(who.sign(HttpRequest.newBuilder(URI.create(url)).GET().header("Accept", accept)).build());
    }

    /** POST a JSON body; {@code ifMatch} may be null; creating calls get an Idempotency-Key. */
    Reply post(String url, Actor who, Object body, String ifMatch) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : write(body), StandardCharsets.UTF_8))
                .header("Accept", "application/json")
                .header("Content-Type", "application/json; charset=UTF-8");
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        return send(who.sign(b).build());
    }

    /** POST, with an Idempotency-Key so a retry of the driver never files twice. */
    Reply create(String url, Actor who, Object body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .POST(HttpRequest.BodyPublishers.ofString(write(body), StandardCharsets.UTF_8))
                .header("Accept", "application/json")
                .header("Content-Type", "application/json; charset=UTF-8")
                .header("Idempotency-Key", UUID.randomUUID().toString());
        return send(who.sign(b).build());
    }

    Reply putYaml(String url, Actor who, String yaml) {
        return send(who.sign(HttpRequest.newBuilder(URI.create(url))
                .PUT(HttpRequest.BodyPublishers.ofString(yaml, StandardCharsets.UTF_8))
                .header("Accept", "application/json")
                .header("Content-Type", "application/yaml; charset=UTF-8")).build());
    }

    /** The answer must be 2xx, else the scenario stops with what the service said. */
    static Reply expect(Reply reply, String what) {
        if (!reply.ok()) {
            throw new ScenarioException(what + ": HTTP " + reply.status() + " " + reply.text());
        }
        return reply;
    }

    static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private Reply send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String text = r.body() == null ? "" : r.body();
            JsonNode body = NullNode.getInstance();
            String type = r.headers().firstValue("Content-Type").orElse("");
            if (!text.isBlank() && type.contains("json")) {
                body = json.readTree(text);
            }
            return new Reply(r.statusCode(), r.headers().firstValue("ETag").orElse(null), body, text);
        } catch (IOException e) {
            throw new ScenarioException(request.method() + " " + request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScenarioException("interrupted", e);
        }
    }

    private String write(Object body) {
        try {
            return body instanceof String s ? s : json.writeValueAsString(body);
        } catch (IOException e) {
            throw new ScenarioException("cannot write a request body", e);
        }
    }
}
