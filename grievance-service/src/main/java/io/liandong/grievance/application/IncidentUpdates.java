package io.liandong.grievance.application;

import io.liandong.contracts.EventEnvelope;
import io.liandong.contracts.EventPayload;
import io.liandong.contracts.resolution.Commitment;
import io.liandong.contracts.resolution.ResolutionAgreed;
import io.liandong.grievance.domain.ProgressStep;
import io.liandong.grievance.persistence.GrievanceEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.hibernate.query.NativeQuery;

/**
 * What the other services' events do to grievances: link them to the incident that answers them
 * (by surge cluster, or by the grievance ids an agreement or a verification names), and bring the
 * progress line of every grievance of the incident up to date. Runs inside the inbox transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class IncidentUpdates {

    static final String LINKED_BY = "grievance-service";

    private final GrievanceService grievances;
    private final SurgeService surges;
    private final Progress progress;
    private final Clock clock;

    IncidentUpdates(GrievanceService grievances, SurgeService surges, Progress progress, Clock clock) {
        this.grievances = grievances;
        this.surges = surges;
        this.progress = progress;
        this.clock = clock;
    }

    /**
     * An incident opened from a surge takes up every grievance of the cluster, and those that join the
     * cluster later. The members are linked first, without the dispute type's lock, which holds back every
     * filing of that type while it is held, and a surge may have thousands; then the cluster is marked under
     * the lock and whoever joined in between is linked. A filing after that finds the mark and links itself.
     */
    public void clusterBecameIncident(String clusterId, String incidentId, EventEnvelope cause) {
        if (clusterId != null) {
            link(GrievanceEntity.list("surgeClusterId", clusterId), incidentId, cause);
            surges.becameIncident(clusterId, incidentId);
            link(GrievanceEntity.list("surgeClusterId = ?1 and incidentId is null", clusterId), incidentId, cause);
        }
    }

    /** A closed or cancelled incident takes no more grievances from its surge: the next flare-up is a new one. */
    public void incidentEnded(String incidentId) {
        surges.incidentEnded(incidentId, clock.instant());
    }

    /** Grievances an event names by id (an agreement's, a verification's) belong to its incident. */
    public void grievancesNamed(Collection<String> grievanceIds, String incidentId, EventEnvelope cause) {
        if (!grievanceIds.isEmpty()) {
            link(GrievanceEntity.list("id in ?1", grievanceIds), incidentId, cause);
        }
    }

    /** Something happened in the incident: every grievance of it shows the newest line, if the event tells one. */
    public void happened(String incidentId, EventPayload payload, EventEnvelope cause) {
        List<ProgressStep> steps = progress.narrator().describe(payload, cause.time());
        Instant expected = payload instanceof ResolutionAgreed agreed ? agreed.commitments().stream()
                .map(Commitment::dueAt).filter(d -> d != null && d.isAfter(clock.instant()))
                .min(Comparator.naturalOrder()).orElse(null) : null;
        if (steps.isEmpty() && expected == null) {
            return;
        }
        // One statement however many grievances a surge linked (thousands on the worst day), each given a
        // new version as an entity update would. Changes this transaction made to grievances go first; the
        // handler is done with them, so none is written again over this. In SQL, not HQL: Hibernate translates
        // an HQL update again on every execution, and this runs for most events of an incident.
        GrievanceEntity.flush();
        StringBuilder update = new StringBuilder("UPDATE grievance SET updated_at = :now, version = version + 1");
        if (!steps.isEmpty()) {
            update.append(", status_note = :note");
        }
        if (expected != null) {
            update.append(", expected_at = :expected");
        }
        NativeQuery<?> query = GrievanceEntity.getEntityManager().createNativeQuery(update.append(" WHERE incident_id = :incident").toString())
                .unwrap(NativeQuery.class).addSynchronizedEntityClass(GrievanceEntity.class)
                .setParameter("now", clock.instant()).setParameter("incident", incidentId);
        if (!steps.isEmpty()) {
            query.setParameter("note", clip(steps.get(steps.size() - 1).text()));
        }
        if (expected != null) {
            query.setParameter("expected", expected);
        }
        query.executeUpdate();
    }

    private void link(List<GrievanceEntity> found, String incidentId, EventEnvelope cause) {
        // A closed grievance, or one another incident answers, stays as it is.
        List<GrievanceEntity> open = found.stream().filter(g -> !GrievanceService.status(g).isClosed()
                && (g.incidentId == null || g.incidentId.equals(incidentId))).toList();
        if (!open.isEmpty()) {
            // The same line for all: links are not narrated.
            grievances.linkAll(open, incidentId, LINKED_BY, cause, progress.lineOfIncident(incidentId));
        }
    }

    private static String clip(String text) {
        return text.length() > 2000 ? text.substring(0, 1997) + "..." : text;
    }
}
