package io.liandong.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The information delay hop by hop, from what the services stored (outbox and inbox rows, stamped
 * with the machine's wall clock in microseconds), what the reference consumer saw on Kafka, and the
 * due time of each request. An inbox row is stamped inside the consumer's transaction, just before
 * its commit.
 */
final class Hops {

    static final String GRIEVANCE_RECEIVED = "io.liandong.grievance.received.v1";
    static final String ASSIGNMENT_CREATED = "io.liandong.assignment.created.v1";
    static final String ASSIGNMENT_ACKNOWLEDGED = "io.liandong.assignment.acknowledged.v1";
    static final String ASSIGNMENT_ON_SCENE = "io.liandong.assignment.on-scene.v1";

    record OutboxRow(String eventId, String type, String subject, String incidentId, long createdMicros, long publishedMicros) {
    }

    record InboxRow(String consumer, String eventId, String type, long ceTimeMicros, long processedMicros) {
    }

    /** Rows of one service's database from {@code sinceMicros} on. */
    record ServiceRows(String service, List<OutboxRow> outbox, List<InboxRow> inbox) {
    }

    static ServiceRows read(String service, String jdbcUrl, String user, String password, long sinceMicros) throws SQLException {
        Timestamp since = new Timestamp(sinceMicros / 1000);
        List<OutboxRow> outbox = new ArrayList<>();
        List<InboxRow> inbox = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password)) {
            try (var q = c.prepareStatement("""
                    SELECT event_id::text, ce_type, ce_subject, incident_id, created_at, published_at
                    FROM outbox_event WHERE created_at >= ?""")) {
                q.setTimestamp(1, since);
                try (var rs = q.executeQuery()) {
                    while (rs.next()) {
                        outbox.add(new OutboxRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                Micros.of(rs.getTimestamp(5)), Micros.of(rs.getTimestamp(6))));
                    }
                }
            }
            try (var q = c.prepareStatement("""
                    SELECT consumer, event_id, ce_type, ce_time, processed_at FROM inbox_event WHERE processed_at >= ?""")) {
                q.setTimestamp(1, since);
                try (var rs = q.executeQuery()) {
                    while (rs.next()) {
                        inbox.add(new InboxRow(rs.getString(1), rs.getString(2), rs.getString(3),
                                Micros.of(rs.getTimestamp(4)), Micros.of(rs.getTimestamp(5))));
                    }
                }
            }
        }
        return new ServiceRows(service, outbox, inbox);
    }

    /**
     * Every hop of one run. {@code seen} are the events the reference consumer read during the run;
     * only events written during the run ({@code fromMicros} to {@code toMicros}) count.
     */
    static Map<String, LatencyStats> compute(List<ServiceRows> services, Map<String, Observer.Seen> seen,
                                             Map<String, Long> consoleFrames, Load.Result load, long fromMicros,
                                             long toMicros) {
        Map<String, LatencyStats> hops = new LinkedHashMap<>();
        Map<String, OutboxRow> published = new LinkedHashMap<>();
        for (ServiceRows s : services) {
            for (OutboxRow row : s.outbox()) {
                if (row.createdMicros() >= fromMicros && row.createdMicros() <= toMicros) {
                    published.put(row.eventId(), row);
                }
            }
        }
        // 1. The relay: REST accepted (the event's time, in the request's transaction) to Kafka.
        for (ServiceRows s : services) {
            LatencyStats ack = hop(hops, "relay " + s.service() + ": event written -> broker ack (outbox published_at)");
            LatencyStats readable = hop(hops, "relay " + s.service() + ": event written -> read by a consumer on Kafka");
            for (OutboxRow row : s.outbox()) {
                if (!published.containsKey(row.eventId())) {
                    continue;
                }
                if (row.publishedMicros() != Long.MIN_VALUE) {
                    ack.recordMicros(row.publishedMicros() - row.createdMicros());
                }
                Observer.Seen on = seen.get(row.eventId());
                if (on != null) {
                    readable.recordMicros(on.receivedMicros() - row.createdMicros());
                }
            }
        }
        // 2. Each consumer: on Kafka (read by the reference consumer) to its inbox row.
        for (ServiceRows s : services) {
            LatencyStats consumed = hop(hops, "consumer " + s.service() + ": on Kafka -> handled and committed");
            for (InboxRow row : s.inbox()) {
                Observer.Seen on = seen.get(row.eventId());
                if (on != null && published.containsKey(row.eventId())) {
                    consumed.recordMicros(row.processedMicros() - on.receivedMicros());
                }
            }
        }
        // 3. End to end, from the due time of the request that caused it.
        ServiceRows dispatch = find(services, "dispatch-service");
        ServiceRows department = find(services, "department-service");
        if (dispatch != null) {
            endToEnd(hops, "grievance filed (request due) -> dispatch aware", dispatch, GRIEVANCE_RECEIVED, published,
                    OutboxRow::subject, load.grievanceDue);
            accepted(hops, "grievance accepted (event time) -> dispatch aware", dispatch, GRIEVANCE_RECEIVED, published);
            endToEnd(hops, "acknowledged (request due) -> dispatch aware", dispatch, ASSIGNMENT_ACKNOWLEDGED, published,
                    OutboxRow::subject, load.acknowledgeDue);
            endToEnd(hops, "arrival (request due) -> dispatch aware", dispatch, ASSIGNMENT_ON_SCENE, published,
                    OutboxRow::subject, load.arriveDue);
        }
        if (department != null) {
            accepted(hops, "assignment created (event time) -> in the agency's inbox", department, ASSIGNMENT_CREATED, published);
            endToEnd(hops, "incident reported (request due) -> assignment in the agency's inbox", department,
                    ASSIGNMENT_CREATED, published, OutboxRow::incidentId, load.incidentDue);
        }
        // 4. The operators' console: any event to its frame on the console's event stream.
        if (consoleFrames != null) {
            LatencyStats console = hop(hops, "any event (event time) -> console frame");
            published.forEach((id, row) -> {
                Long frame = consoleFrames.get(id);
                if (frame != null) {
                    console.recordMicros(frame - row.createdMicros());
                }
            });
        }
        return hops;
    }

    private static void endToEnd(Map<String, LatencyStats> hops, String name, ServiceRows consumer, String type,
                                 Map<String, OutboxRow> published, Function<OutboxRow, String> key, Map<String, Long> due) {
        LatencyStats stats = hop(hops, name);
        for (InboxRow row : consumer.inbox()) {
            if (!row.type().equals(type)) {
                continue;
            }
            OutboxRow event = published.get(row.eventId());
            Long dueMicros = event == null ? null : due.get(key.apply(event));
            if (dueMicros != null) {
                stats.recordMicros(row.processedMicros() - dueMicros);
            }
        }
    }

    private static void accepted(Map<String, LatencyStats> hops, String name, ServiceRows consumer, String type,
                                 Map<String, OutboxRow> published) {
        LatencyStats stats = hop(hops, name);
        for (InboxRow row : consumer.inbox()) {
            OutboxRow event = published.get(row.eventId());
            if (row.type().equals(type) && event != null) {
                stats.recordMicros(row.processedMicros() - event.createdMicros());
            }
        }
    }

    private static LatencyStats hop(Map<String, LatencyStats> hops, String name) {
        return hops.computeIfAbsent(name, LatencyStats::new);
    }

    private static ServiceRows find(List<ServiceRows> services, String name) {
        return services.stream().filter(s -> s.service().equals(name)).findFirst().orElse(null);
    }
}
