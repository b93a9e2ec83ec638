package io.liandong.platform.inbox;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Tells a failure of the moment (no free connection in the pool, the database restarting, a
 * deadlock, a serialization conflict) from a failure of the event. The first kind is retried
 * until it passes; only the second ends in the dead-letter topic, so a busy database never
 * turns good events into dead letters.
 */
final class TransientFailures {

    /** SQLSTATE classes and codes of PostgreSQL that say "try again", not "this is wrong". */
    private static final Set<String> TRANSIENT_STATES = Set.of("40001", "40P01", "55P03", "57P01", "57P02", "57P03");
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "53");

    private TransientFailures() {
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && isTransient(sql)) {
                return true;
            }
            String type = t.getClass().getName();
            if (type.endsWith("LockTimeoutException") || type.endsWith("PessimisticLockException")
                    || type.endsWith("JDBCConnectionException")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTransient(SQLException sql) {
        String state = sql.getSQLState();
        if (state != null && (TRANSIENT_STATES.contains(state)
                || (state.length() >= 2 && TRANSIENT_CLASSES.contains(state.substring(0, 2))))) {
            return true;
        }
        // Agroal's pool says so only in words: "Acquisition timeout while waiting for new connection".
        String message = sql.getMessage();
        return message != null && message.contains("Acquisition timeout");
    }
}
