package io.liandong.dispatch.api;

import io.liandong.contracts.common.Party;
import io.liandong.contracts.common.Place;
import io.liandong.dispatch.application.IncidentView;
import io.liandong.dispatch.domain.IncidentReport;
import java.util.List;

/** Between the REST model and the application's. */
final class IncidentMapper {

    private IncidentMapper() {
    }

    static IncidentReport toReport(ReportIncidentRequest request) {
        var p = request.place();
        List<Party> parties = request.parties() == null ? List.of()
                : request.parties().stream().map(party -> new Party(party.partyId(), party.name(), party.side())).toList();
        return new IncidentReport(request.incidentType(), request.disputeType(),
                new Place(p.lat(), p.lon(), p.address(), p.areaCode()), request.severity(),
                request.estimatedCrowdSize(), Boolean.TRUE.equals(request.casualtiesReported()), parties,
                request.description(), request.reportedBy());
    }

    static IncidentResponse toResponse(IncidentView view) {
        return new IncidentResponse(view.id(), view.incidentType(), view.disputeType(), view.status(), view.severity(),
                view.place(), view.estimatedCrowdSize(), view.casualtiesReported(), view.parties(), view.description(),
                view.reportedBy(), view.origin(), view.surgeClusterId(), view.playbookVersion(), view.reportedAt(),
                view.updatedAt());
    }
}
