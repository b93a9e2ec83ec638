package io.liandong.dispatch.support;

import io.liandong.devstack.DevstackTestResource;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Looks at the service's rows directly, as the tests' source of truth for "nothing changed" and "published once". */
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

    public static long outboxCount(String ceType, String incidentId) {
        return count("SELECT count(*) FROM outbox_event WHERE ce_type = ? AND incident_id = ?", ceType, incidentId);
    }
}
