package io.liandong.followup.support;

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

    public static List<String> strings(String sql, Object... args) {
        try (var connection = DevstackTestResource.connection(); var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            List<String> values = new ArrayList<>();
            try (var rs = statement.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The outbox events of a type about a subject, as their JSON payloads, in order. */
    public static List<String> events(String ceType, String subject) {
        return strings("SELECT payload FROM outbox_event WHERE ce_type = ? AND ce_subject = ? ORDER BY id", ceType, subject);
    }

    /** All outbox events about a subject. */
    public static long eventCount(String subject) {
        return count("SELECT count(*) FROM outbox_event WHERE ce_subject = ?", subject);
    }
}
