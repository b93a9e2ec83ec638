package io.liandong.platform.audit;

import io.liandong.platform.outbox.OutboxWritten;
import io.liandong.platform.security.Caller;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.json.JsonString;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.security.Principal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Writes the audit record of a change in the transaction that makes it, with no code in the
 * endpoints: when a transaction begins while a changing HTTP request (POST, PUT, PATCH, DELETE) is
 * served, a synchronization is registered with it; just before the transaction commits, if it wrote
 * anything, the record is appended to the hash chain. A rolled-back change leaves no record; a
 * request whose transactions only read leaves none either; a request leaves at most one.
 *
 * <p>The synchronization is interposed, so it runs after Hibernate has flushed the entities: the
 * record is the last statement before the commit. It locks the chain head row, so the lock is held
 * only from there to the commit, and records of concurrent changes, on any replica, follow each other
 * in commit order.
 */
@ApplicationScoped
public class AuditTrail {

    private static final Logger LOG = Logger.getLogger(AuditTrail.class);

    /**
     * Takes the next place in the chain and appends the record, in one statement, unless the
     * transaction has written nothing (then nothing is inserted). The hash is computed by PostgreSQL
     * from the head's previous hash and sequence number, so no other change waits on a round trip to
     * this service while the head is locked.
     */
    private static final String APPEND = """
            WITH head AS (
                UPDATE audit_chain_head SET seq = seq + 1, hash = %s
                 WHERE id = 1 AND txid_current_if_assigned() IS NOT NULL
                RETURNING seq, hash)
            INSERT INTO audit_record (seq, occurred_at, actor, actor_kind, agency, action, target, subjects,
                request_id, idempotency_key, hash)
            SELECT seq, ?, ?, ?, ?, ?, ?, ?, ?, ?, hash FROM head""".formatted(AuditChain.NEXT_HASH_SQL);

    private final TransactionSynchronizationRegistry registry;
    private final DataSource dataSource;
    private final Clock clock;
    private final RequestFacts facts;
    private final Instance<SecurityIdentity> identity;
    private final Timer appendTime;

    AuditTrail(TransactionSynchronizationRegistry registry, DataSource dataSource, Clock clock, RequestFacts facts,
               Instance<SecurityIdentity> identity, MeterRegistry meters) {
        this.registry = registry;
        this.dataSource = dataSource;
        this.clock = clock;
        this.facts = facts;
        this.identity = identity;
        this.appendTime = Timer.builder("liandong.audit.append").description(
                        "Time a change's commit spends appending its audit record, waiting for the chain head included")
                .publishPercentiles(0.5, 0.99).register(meters);
    }

    void begun(@Observes @Initialized(TransactionScoped.class) Object transaction) {
        if (!inChangingRequest() || facts.recorded()) {
            return;
        }
        facts.transactionBegun();
        registry.registerInterposedSynchronization(new Synchronization() {
            private boolean written;

            @Override
            public void beforeCompletion() {
                if (registry.getTransactionStatus() == Status.STATUS_ACTIVE && !facts.recorded()) {
                    long start = System.nanoTime();
                    written = append();
                    appendTime.record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
                }
            }

            @Override
            public void afterCompletion(int status) {
                if (written && status == Status.STATUS_COMMITTED) {
                    facts.markRecorded();
                }
            }
        });
    }

    /** The aggregates the change published events about: what it was about, beyond its path. */
    void published(@Observes OutboxWritten written) {
        if (inChangingRequest()) {
            facts.subject(written.subject());
        }
    }

    private boolean inChangingRequest() {
        return Arc.container().requestContext().isActive() && facts.mutating();
    }

    private boolean append() {
        Who who = who();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String subjects = clip(String.join(" ", facts.subjects()), 2000).stripTrailing();
        AuditEntry entry = new AuditEntry(0, now, who.actor(), who.kind(), who.agency(), clip(facts.action(), 400),
                clip(facts.target(), 1000), split(subjects), facts.requestId(), facts.idempotencyKey(), null);
        try (Connection connection = dataSource.getConnection();
             var append = connection.prepareStatement(APPEND)) {
            append.setString(1, AuditChain.afterSeq(entry));
            append.setTimestamp(2, Timestamp.from(now));
            append.setString(3, entry.actor());
            append.setString(4, entry.actorKind());
            append.setString(5, entry.agency());
            append.setString(6, entry.action());
            append.setString(7, entry.target());
            append.setString(8, subjects);
            append.setString(9, entry.requestId());
            append.setString(10, entry.idempotencyKey());
            return append.executeUpdate() == 1;
        } catch (SQLException e) {
            // Thrown from beforeCompletion, this rolls the change back: no change goes unrecorded.
            throw new IllegalStateException("could not write the audit record of " + facts.action(), e);
        }
    }

    record Who(String actor, String kind, String agency) {
    }

    /** Only verified callers: the token's subject and agency claim; else the Open311 partner its key named; else anonymous. */
    private Who who() {
        Principal principal = principal();
        if (principal != null) {
            return new Who(clip(principal.getName(), 200), "token", claim(principal, Caller.AGENCY_CLAIM));
        }
        if (facts.partner() != null) {
            return new Who(facts.partner(), "open311-partner", null);
        }
        return new Who("anonymous", "anonymous", null);
    }

    private Principal principal() {
        if (!identity.isResolvable()) {
            return null;
        }
        try {
            SecurityIdentity current = identity.get();
            return current.isAnonymous() ? null : current.getPrincipal();
        } catch (RuntimeException e) {
            // A token that fails verification on an endpoint that does not require one: the caller is anonymous.
            LOG.debugf("no verified caller for the audit record: %s", e.toString());
            return null;
        }
    }

    /** A claim of the caller's token, e.g. its {@code agency}. */
    private static String claim(Principal principal, String name) {
        if (!(principal instanceof JsonWebToken token)) {
            return null;
        }
        Object value = token.getClaim(name);
        if (value == null) {
            return null;
        }
        String text = value instanceof JsonString json ? json.getString() : value.toString();
        return text.isBlank() ? null : clip(text.trim(), 100);
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    static List<String> split(String subjects) {
        return subjects == null || subjects.isBlank() ? List.of() : List.of(subjects.split(" "));
    }
}
