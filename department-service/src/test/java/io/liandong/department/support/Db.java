package io.liandong.department.support;

import io.liandong.devstack.DevstackTestResource;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Looks at the service's rows directly: the tests' source of truth for "nothing changed" and "published once". */
public final class Db {

    private Db() {
    }

    public static long count(String sql, Object... args) {
        try (var connection = DevstackTestResource.connection(); var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (var rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String string(String sql, Object... args) {
        try (var connection = DevstackTestResource.connection(); var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (var rs = statement.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The outbox events of a type about a subject, as their JSON payloads, in order. */
    public static List<String> events(String ceType, String subject) {
        try (var connection = DevstackTestResource.connection();
             var statement = connection.prepareStatement(
                     "SELECT payload FROM outbox_event WHERE ce_type = ? AND ce_subject = ? ORDER BY id")) {
            statement.setString(1, ceType);
            statement.setString(2, subject);
            List<String> payloads = new ArrayList<>();
            try (var rs = statement.executeQuery()) {
                while (rs.next()) {
                    payloads.add(rs.getString(1));
                }
            }
            return payloads;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
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
