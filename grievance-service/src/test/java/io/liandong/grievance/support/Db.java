package io.liandong.grievance.support;

import io.liandong.devstack.DevstackTestResource;
import java.sql.SQLException;

/** Row counts straight from the test database, to prove what a request stored or did not. */
public final class Db {

    private Db() {
    }

    public static long count(String sql, Object... params) {
        try (var connection = DevstackTestResource.connection(); var select = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                select.setObject(i + 1, params[i]);
            }
            try (var rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Grievances, contacts, steps, outbox rows and idempotency records: everything filing a grievance writes. */
    public static String footprint() {
        return count("SELECT count(*) FROM grievance") + "/" + count("SELECT count(*) FROM complainant_contact") + "/"
                + count("SELECT count(*) FROM grievance_step") + "/" + count("SELECT count(*) FROM outbox_event") + "/"
                + count("SELECT count(*) FROM idempotency_record") + "/" + count("SELECT count(*) FROM surge_cluster");
    }
}
