package io.liandong.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.hibernate.Session;

/**
 * The end of one event in a transaction that handles several: what the event changed through Hibernate is written
 * out, and the persistence context is emptied, so the next event reads the database as if it had a transaction of
 * its own (nothing cached from an earlier event, nothing pending that plain JDBC would miss), and session settings an
 * event made for its own work (a JDBC batch size) end with it.
 */
@ApplicationScoped
class EventBoundary {

    private final Instance<Session> sessions;

    EventBoundary(Instance<Session> sessions) {
        this.sessions = sessions;
    }

    void endOfEvent() {
        if (!sessions.isResolvable()) {
            return;
        }
        Session session = sessions.get();
        session.flush();
        session.clear();
        session.setJdbcBatchSize(null);
    }
}
