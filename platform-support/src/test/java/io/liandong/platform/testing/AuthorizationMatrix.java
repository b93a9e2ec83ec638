package io.liandong.platform.testing;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liandong.devstack.Devstack;
import io.liandong.devstack.LocalIdentity;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Walks every operation of a service's OpenAPI document ({@code /q/openapi?format=json}) with the
 * callers who must be refused and the one who must get through:
 * <ul>
 *   <li>no token, an expired token, a token of another issuer, for another audience, signed by an
 *       unknown key, and an unsigned ({@code alg=none}) one: 401;</li>
 *   <li>the wrong agency and the wrong role: 401, 403 or 404 (never the object);</li>
 *   <li>the right caller: not 401, 403 or 404, and no server error. A 409, 412, 422 or 428 proves
 *       the call got past authorization without changing anything the fixture needs.</li>
 * </ul>
 * The expectation table must name every operation the document lists, and only those: a new
 * endpoint without an entry fails the test.
 *
 * <pre>
 * AuthorizationMatrix.forService()
 *     .call("GET /api/v1/incidents/{id}", "/api/v1/incidents/" + id)
 *         .by(Who.of("police-binjiang-branch", Roles.AGENCY_OFFICER))
 *         .notByAgency(Who.of("health-commission", Roles.AGENCY_OFFICER))
 *         .notByRole(Who.of("police-binjiang-branch", Roles.PARTNER_INTAKE))
 *     .verify();
 * </pre>
 */
public final class AuthorizationMatrix {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final Set<Integer> REFUSED = Set.of(401, 403, 404);
    private static final Set<Integer> PASSED_AUTHORIZATION = Set.of(409, 412, 422, 428);

    /** A caller: the agency claim and the roles of a token. */
    public record Who(String agency, List<String> roles) {
        public static Who of(String agency, String... roles) {
            return new Who(agency, List.of(roles));
        }

        @Override
        public String toString() {
            return agency + " " + roles;
        }
    }

    /** One row of the table: how to call an operation, who must get through and who must not. */
    public final class Entry {
        private final String operation;
        private final String method;
        private final String url;
        private Who right;
        private final List<Who> wrongAgencies = new ArrayList<>();
        private final List<Who> wrongRoles = new ArrayList<>();
        private Supplier<String> body;
        private String contentType = "application/json";
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String publicBecause;
        private boolean anyRole;
        private boolean whenDocumented;

        private Entry(String operation, String url) {
            this.operation = operation;
            this.method = operation.substring(0, operation.indexOf(' ')).toUpperCase(Locale.ROOT);
            this.url = url;
        }

        /** The caller who must get through. */
        public Entry by(Who who) {
            this.right = who;
            return this;
        }

        /** A caller of the right role but an agency the object is not theirs: 404 (or 403). */
        public Entry notByAgency(Who who) {
            wrongAgencies.add(who);
            return this;
        }

        /** A caller whose role does not allow the operation: 403 (or 404). */
        public Entry notByRole(Who who) {
            wrongRoles.add(who);
            return this;
        }

        public Entry body(String json) {
            this.body = () -> json;
            return this;
        }

        /** A body made afresh for each call (e.g. with a unique id). */
        public Entry body(Supplier<String> json) {
            this.body = json;
            return this;
        }

        public Entry contentType(String value) {
            this.contentType = value;
            return this;
        }

        public Entry header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /**
         * An operation that does not take bearer tokens (e.g. Open311, whose partners use an
         * {@code api_key}); only the right call is checked, and the reason is the documentation.
         */
        public Entry publicBecause(String reason) {
            this.publicBecause = reason;
            return this;
        }

        /**
         * The operation belongs to a part of the service that a build may or may not include yet; the
         * entry counts only while the OpenAPI document lists the operation.
         */
        public Entry whenDocumented() {
            this.whenDocumented = true;
            return this;
        }

        /** Any signed-in caller may (e.g. read the category catalogue): there is no wrong role. */
        public Entry anyRole() {
            this.anyRole = true;
            return this;
        }

        public Entry call(String nextOperation, String nextUrl) {
            return AuthorizationMatrix.this.call(nextOperation, nextUrl);
        }

        public void verify() {
            AuthorizationMatrix.this.verify();
        }

        public AuthorizationMatrix matrix() {
            return AuthorizationMatrix.this;
        }
    }

    private final Map<String, Entry> table = new LinkedHashMap<>();
    private final List<Entry> platform = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final LocalIdentity identity = Devstack.identity();
    private int calls;

    private AuthorizationMatrix() {
    }

    public static AuthorizationMatrix forService() {
        return new AuthorizationMatrix();
    }

    /** The entry of {@code operation} ({@code "POST /api/v1/incidents/{id}/status"} as the OpenAPI document spells it), called at {@code url}. */
    public Entry call(String operation, String url) {
        Entry entry = new Entry(operation, url);
        if (table.put(operation, entry) != null) {
            throw new IllegalArgumentException("two entries for " + operation);
        }
        return entry;
    }

    /**
     * The entries of the operations platform-support adds to every service (the incident timeline,
     * the audit trail), for those the service's document lists. {@code incidentId} must have a
     * timeline in this service; {@code assigned} reaches it, {@code notAssigned} must not.
     */
    public AuthorizationMatrix platformOperations(String incidentId, Who assigned, Who notAssigned) {
        Entry timeline = new Entry("GET /api/v1/incidents/{incidentId}/timeline", "/api/v1/incidents/" + incidentId + "/timeline")
                .by(assigned).notByAgency(notAssigned).notByRole(Who.of(assigned.agency(), "partner-intake"));
        Entry audit = new Entry("GET /api/v1/audit", "/api/v1/audit")
                .by(Who.of(As.HQ_AGENCY, "auditor")).notByRole(Who.of(As.HQ_AGENCY, "hq-commander"))
                .notByRole(Who.of("commerce-bureau", "agency-lead"));
        Entry verification = new Entry("GET /api/v1/audit/verification", "/api/v1/audit/verification")
                .by(Who.of(As.HQ_AGENCY, "auditor")).notByRole(Who.of(As.HQ_AGENCY, "hq-operator"))
                .notByRole(Who.of("commerce-bureau", "agency-officer"));
        platform.addAll(List.of(timeline, audit, verification));
        return this;
    }

    /** The operations of the running application's OpenAPI document, as {@code "GET /path/{param}"}. */
    public static Set<String> operations() {
        String json = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        try {
            JsonNode paths = new ObjectMapper().readTree(json).path("paths");
            Set<String> operations = new TreeSet<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> path = it.next();
                for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                    String method = methods.next();
                    if (METHODS.contains(method)) {
                        operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                    }
                }
            }
            return operations;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Checks the table against the OpenAPI document, then makes every call; reports all failures at once. */
    public void verify() {
        Set<String> documented = operations();
        for (Entry entry : platform) {
            if (documented.contains(entry.operation) && !table.containsKey(entry.operation)) {
                table.put(entry.operation, entry);
            }
        }
        table.values().removeIf(entry -> entry.whenDocumented && !documented.contains(entry.operation));
        Set<String> missing = new TreeSet<>(documented);
        missing.removeAll(table.keySet());
        Set<String> stale = new TreeSet<>(table.keySet());
        stale.removeAll(documented);
        if (!missing.isEmpty()) {
            failures.add("operations without an entry in the authorization table: " + missing);
        }
        if (!stale.isEmpty()) {
            failures.add("entries for operations the OpenAPI document does not list: " + stale);
        }
        for (Entry entry : table.values()) {
            check(entry);
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " authorization failures in " + calls + " calls:\n  "
                    + String.join("\n  ", failures));
        }
    }

    /** How many calls the last {@link #verify()} made. */
    public int calls() {
        return calls;
    }

    private void check(Entry e) {
        if (e.right == null) {
            failures.add(e.operation + ": no right caller in the table");
            return;
        }
        if (e.publicBecause == null) {
            if (e.wrongRoles.isEmpty() && !e.anyRole) {
                failures.add(e.operation + ": no wrong role in the table");
            }
            String[] roles = e.right.roles().toArray(String[]::new);
            LocalIdentity foreign = foreignIdentity();
            Map<String, Supplier<String>> faulty = new LinkedHashMap<>();
            faulty.put("no token", () -> null);
            faulty.put("an expired token", () -> identity.tokenFor(e.right.agency(), roles)
                    .expiresAt(Instant.now().minusSeconds(3600)).sign());
            faulty.put("a token of another issuer", () -> identity.tokenFor(e.right.agency(), roles)
                    .issuer("https://identity.elsewhere.example").sign());
            faulty.put("a token for another audience", () -> identity.tokenFor(e.right.agency(), roles)
                    .audience("another-application").sign());
            faulty.put("a token signed by an unknown key", () -> foreign.tokenFor(e.right.agency(), roles).sign());
            faulty.put("an unsigned token (alg=none)", () -> identity.tokenFor(e.right.agency(), roles).unsigned());
            faulty.forEach((what, spec) -> {
                int status = send(e, spec.get());
                if (status != 401) {
                    failures.add(e.operation + " with " + what + ": " + status + ", expected 401");
                }
            });
            for (Who who : e.wrongAgencies) {
                expectRefused(e, "the wrong agency " + who, who);
            }
            for (Who who : e.wrongRoles) {
                expectRefused(e, "the wrong role " + who, who);
            }
        }
        int status = send(e, As.token(e.right.agency(), e.right.roles().toArray(String[]::new)));
        if (e.publicBecause != null) {
            if (status >= 500) {
                failures.add(e.operation + " (public: " + e.publicBecause + "): " + status);
            }
            return;
        }
        boolean through = (status >= 200 && status < 400) || PASSED_AUTHORIZATION.contains(status);
        if (!through) {
            failures.add(e.operation + " by the right caller " + e.right + ": " + status
                    + (REFUSED.contains(status) ? " (refused)" : " (neither done nor refused by a business rule)"));
        }
    }

    private void expectRefused(Entry e, String what, Who who) {
        int status = send(e, As.token(who.agency(), who.roles().toArray(String[]::new)));
        if (!REFUSED.contains(status)) {
            failures.add(e.operation + " by " + what + ": " + status + ", expected 401, 403 or 404");
        }
    }

    /*
     * java.net.http rather than REST Assured: send() returns once the status line and headers are in,
     * so an event stream (text/event-stream) is answered too, and its body is closed unread.
     */
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private int send(Entry e, String token) {
        calls++;
        String base = RestAssured.baseURI + ":" + RestAssured.port;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + e.url)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        e.headers.forEach(request::header);
        String body = e.body != null ? e.body.get() : "";
        if (e.body != null || !e.method.equals("GET") && !e.method.equals("DELETE")) {
            // an endpoint that consumes JSON answers 415 before it asks who calls
            request.header("Content-Type", e.contentType);
        }
        request.method(e.method, body.isEmpty() && e.method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<InputStream> response;
            try {
                response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException reusedConnectionClosed) {
                // A pooled connection the server had closed meanwhile (after an event stream's body was closed
                // unread, or an answer given before a body was read) fails at once with an EOF. The same request
                // on a connection of its own tells that apart from a server that does not answer.
                HttpClient fresh = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
                response = fresh.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            }
            response.body().close();
            int status = response.statusCode();
            String type = response.headers().firstValue("Content-Type").orElse("");
            // Public operations answer in their own protocol's error shape (Open311's error list).
            if ((status == 401 || status == 403) && e.publicBecause == null && !type.startsWith("application/problem+json")) {
                failures.add(e.operation + ": a " + status + " without a problem+json body");
            }
            return status;
        } catch (IOException ex) {
            failures.add(e.operation + ": no answer (" + ex + ")");
            return -1;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static LocalIdentity foreign;

    private static synchronized LocalIdentity foreignIdentity() {
        if (foreign == null) {
            try {
                foreign = LocalIdentity.in(Files.createTempDirectory("liandong-foreign-identity"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return foreign;
    }

    /** The operations in the table, for a test that wants to print or count them. */
    public Set<String> entries() {
        return new LinkedHashSet<>(table.keySet());
    }
}
