package io.liandong.followup.api;

import io.liandong.platform.error.InvalidInputException;
import io.liandong.platform.versioning.Versions;
import jakarta.ws.rs.core.EntityTag;

/** Who is calling: the agency named in X-Liandong-Agency, as in grievance- and department-service. */
final class Callers {

    static final String AGENCY_HEADER = "X-Liandong-Agency";

    private Callers() {
    }

    static String require(String agency) {
        if (agency == null || agency.isBlank()) {
            throw new InvalidInputException(AGENCY_HEADER, "say which agency is calling");
        }
        return agency.trim();
    }

    static EntityTag etag(long version) {
        return EntityTag.valueOf(Versions.etag(version));
    }
}
