package io.liandong.department.api;

import io.liandong.platform.versioning.Versions;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

/** Small pieces the resources share; who is calling comes from the token ({@link io.liandong.platform.security.Caller}). */
final class Callers {

    private Callers() {
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
