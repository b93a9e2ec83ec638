package io.liandong.grievance.api;

import io.liandong.contracts.common.WireValues;
import io.liandong.grievance.application.GrievanceDetail;
import io.liandong.grievance.application.GrievanceView;
import io.liandong.grievance.application.NewGrievance;
import java.util.List;

/** Between the REST model and the application's. */
final class GrievanceMapper {

    private GrievanceMapper() {
    }

    static NewGrievance toNew(FileGrievanceRequest r) {
        var c = r.contact();
        return new NewGrievance(r.category(), r.description(), r.place().lat(), r.place().lon(), r.place().address(),
                r.place().areaCode(), r.channel(), r.partnerId(), null,
                c == null ? null : new NewGrievance.Contact(c.name(), c.phone(), c.email()), null,
                r.attachmentUrls(), r.attributes());
    }

    static GrievanceResponse toResponse(GrievanceView v) {
        return toResponse(v, null);
    }

    static GrievanceResponse toResponse(GrievanceDetail d) {
        return toResponse(d.grievance(), d.progress().stream()
                .map(s -> new GrievanceResponse.Step(s.at(), s.kind(), s.text())).toList());
    }

    private static GrievanceResponse toResponse(GrievanceView v, List<GrievanceResponse.Step> progress) {
        return new GrievanceResponse(v.id(), WireValues.of(v.status()), v.category(), v.categoryName(), v.disputeType(),
                new GrievanceResponse.Department(v.department(), v.departmentName()), v.description(),
                new GrievanceResponse.Place(v.lat(), v.lon(), v.address(), v.areaCode()), v.channel(), v.partnerId(),
                v.complainantRef(), v.attachmentUrls(), v.attributes(), v.priority(), v.incidentId(), v.surgeClusterId(),
                v.outcome(), v.closeReason(), v.closedAt(), v.reopenableUntil(), v.statusNote(), v.expectedAt(),
                v.receivedAt(), v.updatedAt(), progress);
    }
}
