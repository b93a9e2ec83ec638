package io.liandong.dispatch.application;

import io.liandong.contracts.EventEnvelope;
import io.liandong.contracts.common.Place;
import io.liandong.contracts.common.WireValues;
import io.liandong.contracts.grievance.GrievanceSurgeDetected;
import io.liandong.contracts.incident.IncidentOrigin;
import io.liandong.contracts.incident.Severity;
import io.liandong.dispatch.config.DispatchConfig;
import io.liandong.dispatch.domain.IncidentReport;
import io.liandong.dispatch.domain.playbook.Playbook;
import io.liandong.dispatch.persistence.IncidentEntity;
import io.liandong.dispatch.persistence.ProposalEntity;
import io.liandong.platform.error.IllegalStateChangeException;
import io.liandong.platform.error.UnknownResourceException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Grievance surges: opened as incidents at once, or proposed to an operator who accepts or
 * dismisses ({@code liandong.dispatch.surge.*}). One incident per surge cluster, whatever the mode.
 */
@ApplicationScoped
@Transactional
public class ProposalService {

    private static final Logger LOG = Logger.getLogger(ProposalService.class);

    public enum ProposalStatus {
        PENDING, ACCEPTED, DISMISSED;

        @com.fasterxml.jackson.annotation.JsonValue
        public String wireValue() {
            return WireValues.of(this);
        }
    }

    public record ProposalView(String id, String clusterId, int revision, String category, String disputeType,
                               String areaCode, double lat, double lon, int radiusMeters, int grievanceCount,
                               List<String> grievanceIds, ProposalStatus status, String incidentId, String decidedBy,
                               String decisionReason, Instant detectedAt, Instant createdAt, Instant decidedAt) {
    }

    private final DispatchConfig config;
    private final Clock clock;
    private final PlaybookService playbooks;
    private final IncidentService incidents;

    ProposalService(DispatchConfig config, Clock clock, PlaybookService playbooks, IncidentService incidents) {
        this.config = config;
        this.clock = clock;
        this.playbooks = playbooks;
        this.incidents = incidents;
    }

    /** A surge event: open, propose, or (a later revision) refresh the pending proposal. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void surgeDetected(GrievanceSurgeDetected surge, EventEnvelope cause) {
        // Found, not counted: Hibernate builds a count query anew on every call, and every revision of a surge asks.
        if (IncidentEntity.find("surgeClusterId", surge.clusterId()).firstResultOptional().isPresent()) {
            LOG.debugf("surge %s revision %d: its incident is open already", surge.clusterId(), surge.revision());
            return;
        }
        ProposalEntity proposal = ProposalEntity.find("clusterId", surge.clusterId()).firstResult();
        boolean openAtOnce = "open".equalsIgnoreCase(config.surge().mode())
                || (config.surge().openAtCount() > 0 && surge.count() >= config.surge().openAtCount());
        if (openAtOnce && (proposal == null || proposal.status.equals(WireValues.of(ProposalStatus.PENDING)))) {
            String incidentId = open(surge, null, null, IncidentTransitions.SELF, cause).id();
            if (proposal != null) {
                decide(proposal, ProposalStatus.ACCEPTED, IncidentTransitions.SELF, "surge grew to " + surge.count(), incidentId);
            }
            return;
        }
        boolean fresh = proposal == null;
        if (fresh) {
            proposal = new ProposalEntity();
            proposal.id = "prp-" + UUID.randomUUID();
            proposal.clusterId = surge.clusterId();
            proposal.status = WireValues.of(ProposalStatus.PENDING);
            proposal.createdAt = clock.instant();
            proposal.revision = 0;
        }
        if (proposal.status.equals(WireValues.of(ProposalStatus.PENDING)) && surge.revision() > proposal.revision) {
            proposal.revision = surge.revision();
            proposal.category = surge.category();
            proposal.disputeType = surge.disputeType();
            proposal.areaCode = surge.areaCode();
            proposal.lat = surge.centre().lat();
            proposal.lon = surge.centre().lon();
            proposal.radiusMeters = surge.radiusMeters();
            proposal.grievanceCount = surge.count();
            proposal.grievanceIds = String.join(" ", surge.grievanceIds());
            proposal.detectedAt = surge.detectedAt();
        }
        if (fresh) {
            proposal.persist();
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ProposalView> list(ProposalStatus status) {
        List<ProposalEntity> rows = status == null ? ProposalEntity.list("ORDER BY createdAt DESC")
                : ProposalEntity.list("status = ?1 ORDER BY createdAt DESC", WireValues.of(status));
        return rows.stream().map(ProposalService::view).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ProposalView get(String id) {
        return view(find(id));
    }

    /** Opens the incident the proposal describes, with the operator's corrections if any. */
    public ProposalView accept(String id, String acceptedBy, String incidentType, Severity severity) {
        ProposalEntity proposal = pending(id);
        GrievanceSurgeDetected surge = new GrievanceSurgeDetected(proposal.clusterId, proposal.revision, proposal.category,
                proposal.disputeType, proposal.areaCode, new io.liandong.contracts.common.GeoPoint(proposal.lat, proposal.lon),
                proposal.radiusMeters, Arrays.asList(proposal.grievanceIds.split(" ")), proposal.grievanceCount,
                proposal.detectedAt, proposal.detectedAt, proposal.detectedAt);
        IncidentView incident = open(surge, incidentType, severity, acceptedBy, null);
        decide(proposal, ProposalStatus.ACCEPTED, acceptedBy, null, incident.id());
        return view(proposal);
    }

    public ProposalView dismiss(String id, String dismissedBy, String reason) {
        ProposalEntity proposal = pending(id);
        decide(proposal, ProposalStatus.DISMISSED, dismissedBy, reason, null);
        return view(proposal);
    }

    private IncidentView open(GrievanceSurgeDetected surge, String incidentType, Severity severity, String by,
                              EventEnvelope cause) {
        Playbook playbook = playbooks.current();
        String type = incidentType != null ? incidentType
                : playbook.incidentType(surge.category()).isPresent() ? surge.category() : playbook.surge().defaultIncidentType();
        Severity level = severity != null ? severity
                : surge.count() >= playbook.surge().highSeverityAtCount() ? Severity.HIGH : playbook.surge().severity();
        String description = surge.count() + " similar grievances (" + surge.category() + ", " + surge.disputeType()
                + ") within " + surge.radiusMeters() + " m between " + surge.windowStart() + " and " + surge.windowEnd()
                + "; surge cluster " + surge.clusterId();
        IncidentReport report = new IncidentReport(type, surge.disputeType(),
                new Place(surge.centre().lat(), surge.centre().lon(), "grievance surge " + surge.clusterId()
                        + " (" + surge.radiusMeters() + " m around the centre)", surge.areaCode()),
                level, null, false, List.of(), description, by);
        return incidents.open(report, IncidentOrigin.SURGE, surge.clusterId(), cause);
    }

    private void decide(ProposalEntity p, ProposalStatus status, String by, String reason, String incidentId) {
        p.status = WireValues.of(status);
        p.decidedBy = by;
        p.decisionReason = reason;
        p.incidentId = incidentId;
        p.decidedAt = clock.instant();
    }

    private ProposalEntity pending(String id) {
        ProposalEntity p = find(id);
        if (!p.status.equals(WireValues.of(ProposalStatus.PENDING))) {
            throw new IllegalStateChangeException("proposal " + id + " was " + p.status + " already");
        }
        return p;
    }

    private static ProposalEntity find(String id) {
        ProposalEntity p = ProposalEntity.findById(id);
        if (p == null) {
            throw new UnknownResourceException("incident proposal", id);
        }
        return p;
    }

    private static ProposalView view(ProposalEntity p) {
        return new ProposalView(p.id, p.clusterId, p.revision, p.category, p.disputeType, p.areaCode, p.lat, p.lon,
                p.radiusMeters, p.grievanceCount, p.grievanceIds.isBlank() ? List.of() : Arrays.asList(p.grievanceIds.split(" ")),
                WireValues.parse(ProposalStatus.class, p.status), p.incidentId, p.decidedBy, p.decisionReason,
                p.detectedAt, p.createdAt, p.decidedAt);
    }
}
