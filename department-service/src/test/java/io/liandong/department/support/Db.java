package io.liandong.department.support;

import io.liandong.platform.testing.Rows;
import java.util.List;

/** department-service's row checks, on platform-support's shared {@link Rows}: "nothing changed" and "published once". */
public final class Db {

    private Db() {
    }

    public static long count(String sql, Object... args) {
        return Rows.count(sql, args);
    }

    public static String string(String sql, Object... args) {
        return Rows.string(sql, args);
    }

    /** The outbox events of a type about a subject, as their JSON payloads, in order. */
    public static List<String> events(String ceType, String subject) {
        return Rows.outboxPayloads(ceType, subject);
    }

    public static long outbox() {
        return count("SELECT count(*) FROM outbox_event");
    }

    /** A fingerprint of every row of the service's own tables and the number of outbox rows: equal before and after means nothing changed. */
    public static String snapshot() {
        StringBuilder s = new StringBuilder();
        for (String table : new String[] {"agency", "incident_summary", "inbox_assignment", "assignment_signal", "referral",
                "assignment_note", "mediation", "mediation_session", "mediation_proposal", "proposal_answer"}) {
            s.append(table).append('=').append(string("SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM "
                    + table + " t")).append(';');
        }
        // The relay marks outbox rows published as it goes: count them rather than fingerprint them.
        return s.append("outbox_event=").append(outbox()).toString();
    }
}
