package io.liandong.platform.testing;

import io.liandong.devstack.DevstackTestResource;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Looks at the rows of the service under test directly: the tests' source of truth for
 * "nothing changed" and "published once". Shared with the services through the test jar.
 */
public final class Rows {

    private Rows() {
    }

    /** The first column of the first row of a query returning a number. */
    public static long count(String sql, Object... args) {
        try (var connection = DevstackTestResource.connection(); var statement = connection.prepareStatement(sql)) {
            bind(statement, args);
            try (var rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of the first row as text, or null when there is no row. */
    public static String string(String sql, Object... args) {
        try (var connection = DevstackTestResource.connection(); var statement = connection.prepareStatement(sql)) {
            bind(statement, args);
            try (var rs = statement.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The outbox events of a type about a subject, as their JSON payloads, in order. */
    public static List<String> outboxPayloads(String ceType, String subject) {
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

    private static void bind(PreparedStatement statement, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            statement.setObject(i + 1, args[i]);
        }
    }
}
