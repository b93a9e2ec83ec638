package io.liandong.platform.audit;

import jakarta.enterprise.context.RequestScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * What the audit trail needs to know of the HTTP request being served, captured by
 * {@link AuditRequestFilter} before the resource runs and read when a transaction of the request
 * commits. A service that identifies its caller itself (an Open311 partner by its {@code api_key})
 * says so through {@link #identifyPartner(String)}.
 */
@RequestScoped
public class RequestFacts {

    private boolean mutating;
    private String action;
    private String target;
    private String requestId;
    private String idempotencyKey;
    private String partner;
    private boolean recorded;
    private final List<String> subjects = new ArrayList<>();

    void capture(boolean mutating, String action, String target, String requestId, String idempotencyKey) {
        this.mutating = mutating;
        this.action = action;
        this.target = target;
        this.requestId = requestId;
        this.idempotencyKey = idempotencyKey;
    }

    /** The Open311 partner (or other non-token caller) the service recognised by its key. */
    public void identifyPartner(String partnerId) {
        this.partner = partnerId;
    }

    public String partner() {
        return partner;
    }

    /** The id of this request: the client's {@code X-Request-Id}, or one made up for it; echoed in the answer. */
    public String requestId() {
        return requestId;
    }

    boolean mutating() {
        return mutating;
    }

    String action() {
        return action;
    }

    String target() {
        return target;
    }

    String idempotencyKey() {
        return idempotencyKey;
    }

    boolean recorded() {
        return recorded;
    }

    void markRecorded() {
        recorded = true;
    }

    /** A new transaction of the request begins: the subjects of a rolled-back one do not count. */
    void transactionBegun() {
        subjects.clear();
    }

    void subject(String subject) {
        if (subject != null && !subjects.contains(subject)) {
            subjects.add(subject);
        }
    }

    List<String> subjects() {
        return List.copyOf(subjects);
    }
}
