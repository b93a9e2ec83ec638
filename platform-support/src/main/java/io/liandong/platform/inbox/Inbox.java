package io.liandong.platform.inbox;

import io.liandong.contracts.EventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import javax.sql.DataSource;

/** Remembers which events each consumer has handled, in the transaction of the handling. */
@ApplicationScoped
public class Inbox {

    private final DataSource dataSource;
    private final Clock clock;

    Inbox(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * Records that {@code consumer} handles {@code event} now.
     *
     * @return false when it was handled before: the caller must change nothing
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, EventEnvelope event) {
        try (var connection = dataSource.getConnection();
             var insert = connection.prepareStatement("""
                     INSERT INTO inbox_event (consumer, event_id, ce_type, ce_time, processed_at)
                     VALUES (?, ?, ?, ?, ?) ON CONFLICT (consumer, event_id) DO NOTHING""")) {
            insert.setString(1, consumer);
            insert.setString(2, event.id());
            insert.setString(3, event.type().type());
            insert.setTimestamp(4, Timestamp.from(event.time()));
            insert.setTimestamp(5, Timestamp.from(clock.instant()));
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("could not record event " + event.id() + " in the inbox", e);
        }
    }
}
