package io.liandong.department.api;

import io.liandong.platform.error.InvalidInputException;
import io.liandong.platform.error.UnknownResourceException;
import io.liandong.platform.versioning.Versions;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

/** Who is calling, until identity comes from a token (issue #7): the agency id in a header. */
final class Callers {

    /** The calling agency's id, e.g. {@code commerce-bureau}; grievance-service reads the same header. */
    static final String AGENCY_HEADER = "X-Liandong-Agency";

    private Callers() {
    }

    static String require(String agency) {
        if (agency == null || agency.isBlank()) {
            throw new InvalidInputException(AGENCY_HEADER, "say which agency is calling");
        }
        return agency.trim();
    }

    /** An agency sees only its own inbox; another agency's is answered as if it did not exist. */
    static String inboxOf(String pathAgency, String caller) {
        if (!require(caller).equals(pathAgency)) {
            throw new UnknownResourceException("inbox visible to " + caller.trim(), pathAgency);
        }
        return pathAgency;
    }

    /** Marks the answer of a request whose Idempotency-Key was seen before. */
    static Response replayed(Response.ResponseBuilder response, boolean replayed) {
        if (replayed) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.build();
    }

    static EntityTag etag(long version) {
        return EntityTag.valueOf(Versions.etag(version));
    }
}
