package io.liandong.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.liandong.benchmark.Schedule.Operation;
import io.liandong.devstack.LocalIdentity;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives the open-loop load through the public REST APIs: grievances to grievance-service, incident
 * reports to dispatch-service, acknowledgements and arrivals to department-service, each request
 * with a bearer token of the local identity provider.
 */
final class Load {

    /** An assignment is acknowledged only once it has been on Kafka this long, so it is surely in the inbox. */
    static final long ASSIGNMENT_MIN_AGE_MICROS = 300_000;
    static final String HQ = "city-command-hq";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final ExecutorService executor;
    private final String grievanceUrl;
    private final String dispatchUrl;
    private final String departmentUrl;
    private final LocalIdentity identity;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final Queue<Observer.Assignment> toAcknowledge = new ConcurrentLinkedQueue<>();
    private final Queue<Acknowledged> toArrive = new ConcurrentLinkedQueue<>();
    private final boolean minimalAnswers;

    private record Acknowledged(String assignmentId, String agencyId, String etag) {
    }

    /** What one run of the load did. Due times in epoch microseconds, by the id the request created or moved. */
    static final class Result {
        final Map<Operation, LatencyStats> latency = new EnumMap<>(Operation.class);
        final Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
        final Map<Operation, AtomicLong> skipped = new EnumMap<>(Operation.class);
        final Map<Operation, AtomicLong> sent = new EnumMap<>(Operation.class);
        final AtomicLong notYetInInbox = new AtomicLong();
        final LatencyStats senderLag = new LatencyStats("sender lag (actual send after due time)");
        final Map<String, Long> grievanceDue = new ConcurrentHashMap<>();
        final Map<String, Long> incidentDue = new ConcurrentHashMap<>();
        final Map<String, Long> acknowledgeDue = new ConcurrentHashMap<>();
        final Map<String, Long> arriveDue = new ConcurrentHashMap<>();
        long startMicros;
        long endMicros;
        /** When the last request was answered (or the wait for the answers gave up). */
        long answeredMicros;
        double rate;

        Result() {
            for (Operation op : Operation.values()) {
                latency.put(op, new LatencyStats(op.endpoint()));
                skipped.put(op, new AtomicLong());
                sent.put(op, new AtomicLong());
            }
        }

        long failureCount() {
            return failures.values().stream().mapToLong(AtomicLong::get).sum();
        }
    }

    Load(String grievanceUrl, String dispatchUrl, String departmentUrl, LocalIdentity identity, boolean minimalAnswers) {
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "benchmark-http");
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
                .connectTimeout(Duration.ofSeconds(5)).build();
        this.grievanceUrl = grievanceUrl;
        this.dispatchUrl = dispatchUrl;
        this.departmentUrl = departmentUrl;
        this.identity = identity;
        this.minimalAnswers = minimalAnswers;
    }

    /** Called by the observer for every {@code assignment.created} on Kafka. */
    void assignmentCreated(Observer.Assignment assignment) {
        toAcknowledge.add(assignment);
    }

    /** Runs the schedule at {@code rate} for {@code duration}, then waits (bounded) for the answers. */
    Result run(double rate, Duration duration) {
        Schedule schedule = new Schedule(rate);
        Result result = new Result();
        result.rate = rate;
        long n = schedule.requestsWithin(duration);
        CompletableFuture<?>[] inFlight = new CompletableFuture<?>[(int) n];
        long startNanos = System.nanoTime();
        result.startMicros = Micros.now();
        for (long i = 0; i < n; i++) {
            long offset = schedule.dueNanos(i);
            long wait = startNanos + offset - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            long dueNanos = startNanos + offset;
            long dueMicros = result.startMicros + offset / 1_000;
            result.senderLag.recordNanos(System.nanoTime() - dueNanos);
            inFlight[(int) i] = send(schedule.operation(i), dueNanos, dueMicros, result);
        }
        result.endMicros = Micros.now();
        try {
            CompletableFuture.allOf(inFlight).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            result.failures.computeIfAbsent("not answered within 60 s after the run", k -> new AtomicLong()).incrementAndGet();
        }
        result.answeredMicros = Micros.now();
        return result;
    }

    private CompletableFuture<?> send(Operation op, long dueNanos, long dueMicros, Result result) {
        HttpRequest request;
        String agency = HQ;
        String assignmentId = null;
        switch (op) {
            case GRIEVANCE -> request = post(grievanceUrl + "/api/v1/grievances", grievance(), HQ, "hq-operator", null);
            case INCIDENT -> request = post(dispatchUrl + "/api/v1/incidents", incident(), HQ, "hq-operator", null);
            case ACKNOWLEDGE -> {
                Observer.Assignment a = toAcknowledge.peek();
                if (a == null || a.seenMicros() > Micros.now() - ASSIGNMENT_MIN_AGE_MICROS || !toAcknowledge.remove(a)) {
                    result.skipped.get(op).incrementAndGet();
                    return CompletableFuture.completedFuture(null);
                }
                agency = a.agencyId();
                assignmentId = a.assignmentId();
                request = post(inbox(agency, assignmentId, "acknowledge"), "{\"acknowledgedBy\": \"benchmark-officer\"}",
                        agency, "agency-officer", "\"0\"");
            }
            case ARRIVE -> {
                Acknowledged a = toArrive.poll();
                if (a == null) {
                    result.skipped.get(op).incrementAndGet();
                    return CompletableFuture.completedFuture(null);
                }
                agency = a.agencyId();
                assignmentId = a.assignmentId();
                request = post(inbox(agency, assignmentId, "on-scene"), "{\"reportedBy\": \"benchmark-officer\", \"personnelCount\": 4}",
                        agency, "agency-officer", a.etag());
            }
            default -> throw new IllegalStateException(op.name());
        }
        result.sent.get(op).incrementAndGet();
        String finalAgency = agency;
        String finalAssignment = assignmentId;
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
            long latency = System.nanoTime() - dueNanos;
            if (failure != null) {
                result.failures.computeIfAbsent(op.name() + " " + failure.getClass().getSimpleName(), k -> new AtomicLong())
                        .incrementAndGet();
                return null;
            }
            int status = response.statusCode();
            if (op == Operation.ACKNOWLEDGE && status == 404) {
                // Not in the agency's inbox yet: the department's consumer is behind. Try it again later.
                result.notYetInInbox.incrementAndGet();
                toAcknowledge.add(new Observer.Assignment(finalAssignment, "", finalAgency, Micros.now()));
                return null;
            }
            if (status / 100 != 2) {
                result.failures.computeIfAbsent(op.name() + " " + status, k -> new AtomicLong()).incrementAndGet();
                return null;
            }
            result.latency.get(op).recordNanos(latency);
            switch (op) {
                case GRIEVANCE -> result.grievanceDue.put(id(response.body()), dueMicros);
                case INCIDENT -> result.incidentDue.put(id(response.body()), dueMicros);
                case ACKNOWLEDGE -> {
                    result.acknowledgeDue.put(finalAssignment, dueMicros);
                    toArrive.add(new Acknowledged(finalAssignment, finalAgency,
                            response.headers().firstValue("ETag").orElse("*")));
                }
                case ARRIVE -> result.arriveDue.put(finalAssignment, dueMicros);
                default -> {
                }
            }
            return null;
        });
    }

    private String inbox(String agency, String assignmentId, String action) {
        return departmentUrl + "/api/v1/agencies/" + agency + "/assignments/" + assignmentId + "/" + action;
    }

    private HttpRequest post(String url, String body, String agency, String role, String ifMatch) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + tokens.computeIfAbsent(agency + " " + role, k -> identity.token(agency, role)))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (ifMatch != null) {
            // A change of an assignment: an acknowledgement or an arrival.
            b.header("If-Match", ifMatch);
            if (minimalAnswers) {
                b.header("Prefer", "return=minimal");
            }
        }
        return b.build();
    }

    private static String id(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node.path("id").asText();
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static final String[] CATEGORIES = {"shop-rent", "management-fee", "unpaid-wages", "property-service", "public-gathering"};

    /** The districts of grievance-service's catalogue: code, centre latitude and longitude. */
    private static final Object[][] AREAS = {
            {"330108", 30.2084, 120.2119}, {"330106", 30.2595, 120.1300}, {"330102", 30.2425, 120.1693}};

    /**
     * Grievances over the city's districts, each within about 3 km of its district's centre, of every
     * category, so surge detection does its normal work: a cluster per dispute type and district.
     */
    static String grievance() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        Object[] area = AREAS[r.nextInt(AREAS.length)];
        return String.format(Locale.ROOT, """
                {"category": "%s", "description": "商户反映租金上涨，管理公司不回应。第%d号",
                 "place": {"lat": %.6f, "lon": %.6f, "address": "杭州市某商圈", "areaCode": "%s"},
                 "channel": "web", "contact": {"phone": "138%08d"}}""",
                CATEGORIES[r.nextInt(CATEGORIES.length)], r.nextInt(1_000_000), (double) area[1] + (r.nextDouble() - 0.5) * 0.06,
                (double) area[2] + (r.nextDouble() - 0.5) * 0.06, area[0], r.nextInt(100_000_000));
    }

    /** A commercial dispute in Binjiang of medium severity: police, the commerce bureau and the community committee. */
    static String incident() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return String.format(Locale.ROOT, """
                {"incidentType": "commercial-dispute", "disputeType": "rent-increase", "severity": "medium",
                 "place": {"lat": %.6f, "lon": %.6f, "address": "滨江商圈管理处", "areaCode": "330108"},
                 "estimatedCrowdSize": %d, "description": "商户围堵管理处, 围观群众聚集",
                 "reportedBy": "benchmark-operator"}""",
                30.2 + r.nextDouble() * 0.02, 120.2 + r.nextDouble() * 0.02, 10 + r.nextInt(30));
    }

    void close() {
        executor.shutdownNow();
    }
}
