package io.liandong.followup.api;

import io.liandong.platform.versioning.Versions;
import jakarta.ws.rs.core.EntityTag;

/** Small pieces of the resources; who is calling comes from the token ({@link io.liandong.platform.security.Caller}). */
final class Callers {

    private Callers() {
    }

    static EntityTag etag(long version) {
        return EntityTag.valueOf(Versions.etag(version));
    }
}
