package io.liandong.department.application;

import io.liandong.contracts.common.WireValues;
import io.liandong.contracts.grievance.GrievanceLinked;
import io.liandong.contracts.incident.IncidentReported;
import io.liandong.contracts.incident.IncidentSeverityChanged;
import io.liandong.contracts.incident.IncidentStatusChanged;
import io.liandong.department.persistence.IncidentGrievanceEntity;
import io.liandong.department.persistence.IncidentSummaryEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;

/**
 * What agencies read about an incident, kept from dispatch's and grievance-service's events. Any of
 * them may come first: a later report fills in what a status change could not know, and never
 * turns a newer status back.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class IncidentFacts {

    private final Clock clock;

    IncidentFacts(Clock clock) {
        this.clock = clock;
    }

    public void reported(IncidentReported e) {
        IncidentSummaryEntity i = findOrNew(e.incidentId());
        i.incidentType = e.incidentType();
        i.disputeType = e.disputeType();
        if (i.severity == null) {
            i.severity = WireValues.of(e.severity());
        }
        if (i.status == null) {
            i.status = "reported";
        }
        i.address = e.place().address();
        i.areaCode = e.place().areaCode();
        if (i.crowdSize == null) {
            i.crowdSize = e.estimatedCrowdSize();
        }
        i.description = e.description();
        i.parties = Json.write(e.parties());
        i.reportedAt = e.reportedAt();
    }

    public void statusChanged(IncidentStatusChanged e) {
        IncidentSummaryEntity i = findOrNew(e.incidentId());
        i.status = WireValues.of(e.to());
    }

    public void severityChanged(IncidentSeverityChanged e) {
        IncidentSummaryEntity i = findOrNew(e.incidentId());
        i.severity = WireValues.of(e.to());
        if (e.estimatedCrowdSize() != null) {
            i.crowdSize = e.estimatedCrowdSize();
        }
    }

    public void grievanceLinked(GrievanceLinked e) {
        var key = new IncidentGrievanceEntity.Key(e.incidentId(), e.grievanceId());
        if (IncidentGrievanceEntity.findById(key) == null) {
            IncidentGrievanceEntity g = new IncidentGrievanceEntity();
            g.id = key;
            g.linkedAt = e.linkedAt();
            g.persist();
        }
    }

    private IncidentSummaryEntity findOrNew(String id) {
        IncidentSummaryEntity i = IncidentSummaryEntity.findById(id);
        if (i == null) {
            i = new IncidentSummaryEntity();
            i.id = id;
            i.parties = "[]";
            i.updatedAt = clock.instant();
            i.persist();
        }
        i.updatedAt = clock.instant();
        return i;
    }
}
