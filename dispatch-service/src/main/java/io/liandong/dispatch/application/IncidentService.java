package io.liandong.dispatch.application;

import com.fasterxml.jackson.core.type.TypeReference;
import io.liandong.contracts.EventEnvelope;
import io.liandong.contracts.EventJson;
import io.liandong.contracts.common.Party;
import io.liandong.contracts.common.Place;
import io.liandong.contracts.common.WireValues;
import io.liandong.contracts.incident.IncidentOrigin;
import io.liandong.contracts.incident.IncidentReported;
import io.liandong.contracts.incident.IncidentSeverityChanged;
import io.liandong.contracts.incident.IncidentStatus;
import io.liandong.contracts.incident.Severity;
import io.liandong.dispatch.domain.IncidentLifecycle;
import io.liandong.dispatch.domain.IncidentReport;
import io.liandong.dispatch.domain.playbook.Playbook;
import io.liandong.dispatch.persistence.IncidentEntity;
import io.liandong.platform.error.IllegalStateChangeException;
import io.liandong.platform.error.InvalidInputException;
import io.liandong.platform.error.UnknownResourceException;
import io.liandong.platform.idempotency.Idempotency;
import io.liandong.platform.paging.Cursor;
import io.liandong.platform.paging.Page;
import io.liandong.platform.versioning.Versions;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Reports, reads, lists and changes incidents; every change commits together with its events. */
@ApplicationScoped
@Transactional
public class IncidentService {

    /** The filters of the incident list; null means any. */
    public record Filter(IncidentStatus status, String incidentType, Severity severity, String areaCode, IncidentOrigin origin) {
    }

    /** A severity change; crowd size and casualties may change with it. */
    public record SeverityChange(Severity severity, Integer estimatedCrowdSize, Boolean casualtiesReported, String changedBy,
                                 String reason) {
    }

    private static final TypeReference<List<Party>> PARTIES = new TypeReference<>() { };

    private final Events events;
    private final Clock clock;
    private final PlaybookService playbooks;
    private final AssignmentService assignments;
    private final IncidentTransitions transitions;
    private final Idempotency idempotency;

    IncidentService(Events events, Clock clock, PlaybookService playbooks, AssignmentService assignments,
                    IncidentTransitions transitions, Idempotency idempotency) {
        this.idempotency = idempotency;
        this.events = events;
        this.clock = clock;
        this.playbooks = playbooks;
        this.assignments = assignments;
        this.transitions = transitions;
    }

    /**
     * An operator's or partner's report: stored, announced, and dispatched by the running playbook at
     * once. With an Idempotency-Key, a retry of the same report returns the first answer and opens nothing.
     */
    public Idempotency.Outcome<IncidentView> report(IncidentReport report, String idempotencyKey) {
        return idempotency.run("POST /api/v1/incidents", idempotencyKey, report, IncidentView.class,
                () -> open(report, IncidentOrigin.OPERATOR, null, null));
    }

    /** Opens an incident, applies the running playbook (one assignment per required agency) and marks it dispatched. */
    IncidentView open(IncidentReport report, IncidentOrigin origin, String surgeClusterId, EventEnvelope cause) {
        Playbook playbook = playbooks.current();
        if (playbook.incidentType(report.incidentType()).isEmpty()) {
            throw new InvalidInputException("incidentType", "unknown incident type '" + report.incidentType()
                    + "'; the playbook " + playbook.version() + " knows: " + String.join(", ", playbook.incidentTypes().keySet()));
        }
        Instant now = clock.instant();
        IncidentEntity incident = new IncidentEntity();
        incident.id = "inc-" + UUID.randomUUID();
        incident.incidentType = report.incidentType();
        incident.disputeType = report.disputeType();
        incident.status = WireValues.of(IncidentStatus.REPORTED);
        incident.severity = WireValues.of(report.severity());
        incident.lat = report.place().lat();
        incident.lon = report.place().lon();
        incident.address = report.place().address();
        incident.areaCode = report.place().areaCode();
        incident.estimatedCrowdSize = report.estimatedCrowdSize();
        incident.casualtiesReported = report.casualtiesReported();
        incident.parties = EventJson.write(report.parties());
        incident.description = report.description();
        incident.reportedBy = report.reportedBy();
        incident.origin = WireValues.of(origin);
        incident.surgeClusterId = surgeClusterId;
        incident.playbookVersion = playbook.version();
        incident.reportedAt = now;
        incident.updatedAt = now;
        incident.persist();
        events.publish(new IncidentReported(incident.id, incident.incidentType, incident.disputeType, report.place(),
                report.severity(), incident.estimatedCrowdSize, report.parties(), incident.description,
                incident.reportedBy, origin, surgeClusterId, incident.playbookVersion, playbook.goldenPeriod(), now), cause);
        int created = assignments.dispatch(incident, playbook, cause);
        transitions.move(incident, IncidentStatus.DISPATCHED, IncidentTransitions.SELF,
                "playbook " + playbook.version() + " applied: " + created + " agencies notified", cause);
        IncidentEntity.flush();
        return view(incident);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public IncidentView get(String id) {
        return view(find(id));
    }

    /** Newest first, filtered; the cursor is opaque and names where the next page starts. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<IncidentView> list(Filter filter, String cursor, int limit) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (filter.status() != null) {
            query.append(" AND status = :status");
            params.and("status", WireValues.of(filter.status()));
        }
        if (filter.incidentType() != null) {
            query.append(" AND incidentType = :type");
            params.and("type", filter.incidentType());
        }
        if (filter.severity() != null) {
            query.append(" AND severity = :severity");
            params.and("severity", WireValues.of(filter.severity()));
        }
        if (filter.areaCode() != null) {
            query.append(" AND areaCode LIKE :area");
            params.and("area", filter.areaCode() + "%");
        }
        if (filter.origin() != null) {
            query.append(" AND origin = :origin");
            params.and("origin", WireValues.of(filter.origin()));
        }
        if (cursor != null) {
            Cursor at = Cursor.decode(cursor, 2);
            Instant reportedAt = at.instant(0);
            query.append(" AND (reportedAt < :at OR (reportedAt = :at AND id < :id))");
            params.and("at", reportedAt).and("id", at.value(1));
        }
        query.append(" ORDER BY reportedAt DESC, id DESC");
        List<IncidentEntity> rows = IncidentEntity.find(query.toString(), params).range(0, limit).list();
        return Page.of(rows, limit, IncidentService::view, e -> Cursor.of(e.reportedAt.toString(), e.id));
    }

    /** An operator moves the incident; If-Match must name its current version. */
    public IncidentView changeStatus(String id, IncidentStatus to, String changedBy, String reason, String ifMatch) {
        IncidentEntity incident = find(id);
        Versions.requireMatch(ifMatch, incident.version, "incident", id);
        transitions.move(incident, to, changedBy, reason, null);
        if (IncidentLifecycle.isFinal(to)) {
            assignments.stopClocks(incident.id);
        }
        IncidentEntity.flush();
        return view(incident);
    }

    /** Severity, crowd size, casualties: announced, and the playbook applied again (it may add agencies, e.g. health). */
    public IncidentView changeSeverity(String id, SeverityChange change, String ifMatch) {
        IncidentEntity incident = find(id);
        Versions.requireMatch(ifMatch, incident.version, "incident", id);
        if (IncidentLifecycle.isFinal(WireValues.parse(IncidentStatus.class, incident.status))) {
            throw new IllegalStateChangeException("incident " + id + " is " + incident.status + "; its severity no longer changes");
        }
        Severity from = WireValues.parse(Severity.class, incident.severity);
        Instant now = clock.instant();
        incident.severity = WireValues.of(change.severity());
        if (change.estimatedCrowdSize() != null) {
            incident.estimatedCrowdSize = change.estimatedCrowdSize();
        }
        if (change.casualtiesReported() != null) {
            incident.casualtiesReported = change.casualtiesReported();
        }
        incident.updatedAt = now;
        events.publish(new IncidentSeverityChanged(id, from, change.severity(), incident.estimatedCrowdSize,
                change.changedBy(), change.reason(), now), null);
        assignments.reapply(incident, playbooks.version(incident.playbookVersion), null);
        IncidentEntity.flush();
        return view(incident);
    }

    /** A mediation session took place (department-service): the incident is being mediated. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void mediationHeld(String incidentId, EventEnvelope cause) {
        transitions.advanceIfAllowed(incidentId, IncidentStatus.MEDIATING, "mediation session held", cause);
    }

    /** The parties agreed (department-service): the incident is resolved; follow-up tracks the commitments. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void resolutionAgreed(String incidentId, EventEnvelope cause) {
        transitions.advanceIfAllowed(incidentId, IncidentStatus.RESOLVED, "resolution agreed", cause);
    }

    /** A mediation failed: the scene stays under control while the competent agency mediates again. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void resolutionFailed(String incidentId, EventEnvelope cause) {
        IncidentEntity incident = IncidentEntity.findById(incidentId);
        if (incident != null && IncidentStatus.MEDIATING.equals(WireValues.parse(IncidentStatus.class, incident.status))) {
            transitions.advanceIfAllowed(incidentId, IncidentStatus.UNDER_CONTROL, "mediation failed; to be mediated again", cause);
        }
    }

    static IncidentEntity find(String id) {
        IncidentEntity incident = IncidentEntity.findById(id);
        if (incident == null) {
            throw new UnknownResourceException("incident", id);
        }
        return incident;
    }

    static IncidentView view(IncidentEntity e) {
        List<Party> parties = e.parties == null ? List.of() : EventJson.read(e.parties, PARTIES);
        return new IncidentView(e.id, e.incidentType, e.disputeType, WireValues.parse(IncidentStatus.class, e.status),
                WireValues.parse(Severity.class, e.severity), new Place(e.lat, e.lon, e.address, e.areaCode),
                e.estimatedCrowdSize, e.casualtiesReported, parties, e.description, e.reportedBy,
                WireValues.parse(IncidentOrigin.class, e.origin), e.surgeClusterId, e.playbookVersion, e.reportedAt,
                e.updatedAt, e.version);
    }
}
