package io.liandong.platform.outbox;

import io.liandong.contracts.EventEnvelope;
import io.liandong.contracts.EventType;
import io.liandong.platform.cloudevents.CloudEventCodec;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

/**
 * Publishes unpublished outbox rows of one topic in id order. Each batch runs in its own
 * transaction holding a PostgreSQL advisory lock, so with several replicas exactly one
 * publishes at a time and per-key order holds; the others wait and then find nothing left.
 * Not thread-safe: one worker per thread (it keeps a connection and a producer).
 */
public final class RelayWorker implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RelayWorker.class);

    private final DataSource dataSource;
    private final Supplier<Producer<String, byte[]>> producers;
    private final String topic;
    private final long lockKey;
    private final int batchSize;
    private final Clock clock;
    private final RelayMetrics metrics;
    private final int transactionTimeoutSeconds;
    private Producer<String, byte[]> producer;
    private Connection connection;
    private boolean afterFailure;

    public RelayWorker(DataSource dataSource, Supplier<Producer<String, byte[]>> producers, String topic,
                       int batchSize, Duration deliveryTimeout, Clock clock, RelayMetrics metrics) {
        this.dataSource = dataSource;
        this.producers = producers;
        this.topic = topic;
        this.lockKey = ("liandong.outbox." + topic).hashCode();
        this.batchSize = batchSize;
        this.clock = clock;
        this.metrics = metrics;
        // Room for waiting on the other replica's batch and for one delivery timeout of our own.
        this.transactionTimeoutSeconds = (int) Math.max(30, deliveryTimeout.toSeconds() * 3);
    }

    /** The outcome of one batch: how many rows went out, and the failure that stopped it, if any. */
    public record BatchResult(int published, Exception failure) {
        public boolean full(int batchSize) {
            return failure == null && published >= batchSize;
        }
    }

    /**
     * Publishes up to one batch; never throws for a broker failure, it reports it.
     *
     * @throws IllegalStateException when the database cannot be read or written
     */
    public BatchResult publishBatch() {
        BatchResult result;
        try {
            result = inTransactionOfItsOwn();
        } catch (SQLException e) {
            closeConnection();
            throw new IllegalStateException("outbox of " + topic + ": " + e.getMessage(), e);
        }
        afterFailure = result.failure() != null;
        if (result.failure() != null) {
            // A producer that failed may hold a fenced or stale session; start clean next time.
            closeProducer();
        }
        return result;
    }

    /**
     * One batch in a plain JDBC transaction on a connection the worker keeps: when requests hold every
     * connection of the pool (each waiting on its own work), the relay still publishes what they already
     * committed, instead of waiting for the pool's acquisition timeout behind them.
     */
    private BatchResult inTransactionOfItsOwn() throws SQLException {
        Connection connection = connection();
        try {
            BatchResult result = publishLocked(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            Connection fresh = dataSource.getConnection();
            try {
                fresh.setAutoCommit(false);
            } catch (SQLException e) {
                fresh.close();
                throw e;
            }
            connection = fresh;
        }
        return connection;
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debugf("closing the relay's connection: %s", e.getMessage());
            }
            connection = null;
        }
    }

    private BatchResult publishLocked(Connection connection) throws SQLException {
        // One round trip settles the transaction and takes the topic's lock; the settings come first (the inner
        // query is evaluated before the lock is asked for):
        // - lock_timeout bounds the wait for another replica's batch, as a transaction timeout would;
        // - marking rows published need not wait for a WAL flush: other replicas see the mark as soon as it commits,
        //   and a mark lost in a crash only sends those rows again, which consumers' inboxes drop. Without the flush
        //   the relay is back for the next rows a disk write sooner.
        try (var lock = connection.prepareStatement("""
                SELECT count(*) FROM (
                    SELECT pg_advisory_xact_lock(?) FROM (
                        SELECT set_config('lock_timeout', ?, true), set_config('synchronous_commit', 'off', true)
                        OFFSET 0) AS settings) AS locked""")) {
            lock.setLong(1, lockKey);
            lock.setString(2, transactionTimeoutSeconds + "s");
            lock.executeQuery().close();
        }
        List<Row> rows = new ArrayList<>();
        try (var select = connection.prepareStatement("""
                SELECT id, event_id, message_key, ce_type, ce_source, ce_subject, ce_time, incident_id,
                       correlation_id, causation_id, payload, created_at
                FROM outbox_event WHERE published_at IS NULL AND topic = ? ORDER BY id LIMIT ?""")) {
            select.setString(1, topic);
            select.setInt(2, batchSize);
            try (var rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(8), rs.getString(9),
                            rs.getString(10), rs.getString(11), rs.getTimestamp(12).toInstant()));
                }
            }
        }
        if (rows.isEmpty()) {
            return new BatchResult(0, null);
        }
        Producer<String, byte[]> out = producer();
        List<Future<RecordMetadata>> sent = new ArrayList<>(rows.size());
        Exception failure = null;
        for (Row row : rows) {
            try {
                sent.add(out.send(row.toRecord(topic)));
            } catch (RuntimeException e) {
                failure = e;
                break;
            }
            if (sent.size() == 1 && afterFailure && !acknowledged(out, sent.get(0))) {
                // After a failed batch the first row goes alone: while the broker is still away, rows sent
                // behind it could reach it first once it is back (an expired idempotent batch resets the
                // sequence), and would be sent again after it. Its failure is reported below.
                break;
            }
        }
        out.flush();
        List<Long> published = new ArrayList<>(sent.size());
        for (int i = 0; i < sent.size(); i++) {
            try {
                sent.get(i).get();
                published.add(rows.get(i).id());
            } catch (ExecutionException e) {
                failure = e.getCause() instanceof Exception cause ? cause : e;
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = e;
                break;
            }
        }
        Instant now = clock.instant();
        if (!published.isEmpty()) {
            try (var update = connection.prepareStatement(
                    "UPDATE outbox_event SET published_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ANY (?)")) {
                update.setTimestamp(1, Timestamp.from(now));
                update.setArray(2, connection.createArrayOf("bigint", published.toArray()));
                update.executeUpdate();
            }
            for (int i = 0; i < published.size(); i++) {
                metrics.published(rows.get(i).ceType(), Duration.between(rows.get(i).createdAt(), now));
            }
        }
        if (failure != null) {
            Row stuck = rows.get(published.size());
            try (var update = connection.prepareStatement(
                    "UPDATE outbox_event SET attempts = attempts + 1, last_error = ? WHERE id = ?")) {
                update.setString(1, String.valueOf(failure.getMessage()));
                update.setLong(2, stuck.id());
                update.executeUpdate();
            }
            LOG.warnf("outbox relay for %s stopped at event %s after %d published: %s", topic, stuck.eventId(),
                    published.size(), failure.getMessage());
            metrics.failed();
        }
        return new BatchResult(published.size(), failure);
    }

    private static boolean acknowledged(Producer<String, byte[]> out, Future<RecordMetadata> send) {
        out.flush();
        try {
            send.get();
            return true;
        } catch (ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Producer<String, byte[]> producer() {
        if (producer == null) {
            producer = producers.get();
        }
        return producer;
    }

    private void closeProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ofSeconds(1));
            } catch (RuntimeException e) {
                LOG.debugf("closing a failed producer: %s", e.getMessage());
            }
            producer = null;
        }
    }

    @Override
    public void close() {
        closeProducer();
        closeConnection();
    }

    private record Row(long id, String eventId, String key, String ceType, String source, String subject, Instant time,
                       String incidentId, String correlationId, String causationId, String payload, Instant createdAt) {

        ProducerRecord<String, byte[]> toRecord(String topic) {
            EventType type = EventType.of(ceType)
                    .orElseThrow(() -> new IllegalStateException("outbox row " + eventId + " has a type outside the catalogue: " + ceType));
            return CloudEventCodec.toRecord(topic, key,
                    new EventEnvelope(eventId, type, source, subject, time, incidentId, correlationId, causationId, payload));
        }
    }
}
