package io.liandong.platform.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The hash of a record: SHA-256 over the previous record's hash and the record's canonical form.
 * The canonical form lists every field, each as its length, a colon and its value (a missing value
 * as {@code -1:}), so no value can be shifted into its neighbour; times are microseconds since the
 * epoch, as PostgreSQL stores them.
 */
final class AuditChain {

    /** The hash before the first record. */
    static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    static String hash(String previousHash, AuditEntry e) {
        StringBuilder canonical = new StringBuilder(256).append(previousHash).append('\n');
        field(canonical, Long.toString(e.seq()));
        canonical.append(afterSeq(e));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * The canonical form's fields after the sequence number. The appender hands it to PostgreSQL,
     * which hashes it with the chain head's hash and the next sequence number in the statement that
     * takes them ({@link #NEXT_HASH_SQL}), so the head is locked for one round trip only.
     */
    static String afterSeq(AuditEntry e) {
        StringBuilder canonical = new StringBuilder(256);
        field(canonical, Long.toString(micros(e.occurredAt())));
        field(canonical, e.actor());
        field(canonical, e.actorKind());
        field(canonical, e.agency());
        field(canonical, e.action());
        field(canonical, e.target());
        field(canonical, String.join(" ", e.subjects()));
        field(canonical, e.requestId());
        field(canonical, e.idempotencyKey());
        return canonical.toString();
    }

    /**
     * {@link #hash} in SQL, over the columns {@code hash} (the previous record's) and {@code seq} (the
     * previous sequence number) of {@code audit_chain_head} and a parameter holding {@link #afterSeq}.
     */
    static final String NEXT_HASH_SQL = "encode(sha256(convert_to(hash || chr(10) || length((seq + 1)::text) || ':'"
            + " || (seq + 1)::text || ';' || ?, 'UTF8')), 'hex')";

    private static void field(StringBuilder out, String value) {
        if (value == null) {
            out.append("-1:");
        } else {
            out.append(value.length()).append(':').append(value);
        }
        out.append(';');
    }

    static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
    }
}
