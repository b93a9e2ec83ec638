package io.liandong.dispatch.application;

import io.liandong.contracts.EventEnvelope;
import io.liandong.contracts.common.WireValues;
import io.liandong.contracts.incident.IncidentStatus;
import io.liandong.contracts.incident.IncidentStatusChanged;
import io.liandong.dispatch.domain.IncidentLifecycle;
import io.liandong.dispatch.persistence.IncidentEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;

/** Moves an incident through its lifecycle with its event; shared by the REST path and the automatic moves. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class IncidentTransitions {

    static final String SELF = "dispatch-service";

    private final Events events;
    private final Clock clock;

    IncidentTransitions(Events events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** The move, or 409 if the lifecycle forbids it. */
    public void move(IncidentEntity incident, IncidentStatus to, String by, String reason, EventEnvelope cause) {
        IncidentStatus from = WireValues.parse(IncidentStatus.class, incident.status);
        IncidentLifecycle.require(incident.id, from, to);
        Instant now = clock.instant();
        incident.status = WireValues.of(to);
        incident.updatedAt = now;
        events.publish(new IncidentStatusChanged(incident.id, from, to, by, reason, now), cause);
    }

    /** The move when the lifecycle allows it from where the incident is; otherwise nothing (a later state already holds). */
    public boolean advanceIfAllowed(String incidentId, IncidentStatus to, String reason, EventEnvelope cause) {
        IncidentEntity incident = IncidentEntity.findById(incidentId);
        if (incident == null || !IncidentLifecycle.allows(WireValues.parse(IncidentStatus.class, incident.status), to)) {
            return false;
        }
        move(incident, to, SELF, reason, cause);
        return true;
    }
}
