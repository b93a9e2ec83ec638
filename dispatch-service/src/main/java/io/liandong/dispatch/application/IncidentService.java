package io.liandong.dispatch.application;

import io.liandong.contracts.common.Place;
import io.liandong.contracts.common.WireValues;
import io.liandong.contracts.incident.IncidentOrigin;
import io.liandong.contracts.incident.IncidentReported;
import io.liandong.contracts.incident.IncidentStatus;
import io.liandong.contracts.incident.Severity;
import io.liandong.dispatch.config.DispatchConfig;
import io.liandong.dispatch.domain.IncidentReport;
import io.liandong.dispatch.persistence.IncidentEntity;
import io.liandong.platform.error.UnknownResourceException;
import io.liandong.platform.outbox.Outbox;
import io.liandong.platform.outbox.OutgoingEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** Reports and reads incidents; every change commits together with its event. */
@ApplicationScoped
@Transactional
public class IncidentService {

    private final Outbox outbox;
    private final Clock clock;
    private final DispatchConfig config;

    IncidentService(Outbox outbox, Clock clock, DispatchConfig config) {
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
    }

    public IncidentView report(IncidentReport report) {
        report.requireKnownType(config.incidentTypes());
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
        incident.description = report.description();
        incident.reportedBy = report.reportedBy();
        incident.origin = WireValues.of(IncidentOrigin.OPERATOR);
        incident.playbookVersion = config.playbookVersion();
        incident.reportedAt = now;
        incident.persist();
        outbox.publish(OutgoingEvent.of(new IncidentReported(incident.id, incident.incidentType, incident.disputeType,
                report.place(), report.severity(), incident.estimatedCrowdSize, report.parties(), incident.description,
                incident.reportedBy, IncidentOrigin.OPERATOR, null, incident.playbookVersion, now)));
        return view(incident);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public IncidentView get(String id) {
        IncidentEntity incident = IncidentEntity.findById(id);
        if (incident == null) {
            throw new UnknownResourceException("incident", id);
        }
        return view(incident);
    }

    private static IncidentView view(IncidentEntity e) {
        return new IncidentView(e.id, e.incidentType, e.disputeType, WireValues.parse(IncidentStatus.class, e.status),
                WireValues.parse(Severity.class, e.severity), new Place(e.lat, e.lon, e.address, e.areaCode),
                e.estimatedCrowdSize, e.description, e.reportedBy, WireValues.parse(IncidentOrigin.class, e.origin),
                e.playbookVersion, e.reportedAt, e.version);
    }
}
