package io.liandong.dispatch.support;

import io.liandong.platform.testing.Rows;
import java.util.List;

/** dispatch-service's row checks, on platform-support's shared {@link Rows}. */
public final class Db {

    private Db() {
    }

    public static long count(String sql, Object... args) {
        return Rows.count(sql, args);
    }

    /** The outbox events of a type about a subject, as their JSON payloads, in order. */
    public static List<String> events(String ceType, String subject) {
        return Rows.outboxPayloads(ceType, subject);
    }

    public static long outboxCount(String ceType, String incidentId) {
        return Rows.count("SELECT count(*) FROM outbox_event WHERE ce_type = ? AND incident_id = ?", ceType, incidentId);
    }
}
