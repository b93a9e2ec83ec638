package io.liandong.platform.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * One audit record: who ({@code actor}, a token's subject or an Open311 partner, and how they were
 * known), for which agency, what ({@code action}: method and route, {@code target}: the path, and
 * {@code subjects}: the ids of the aggregates whose events the change published), under which
 * request id and {@code Idempotency-Key}, when, and its place in the hash chain.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditEntry(long seq, Instant occurredAt, String actor, String actorKind, String agency, String action,
                         String target, List<String> subjects, String requestId, String idempotencyKey, String hash) {

    public AuditEntry {
        subjects = List.copyOf(subjects);
    }
}
