package io.liandong.department.api;

import io.liandong.platform.versioning.Versions;
import jakarta.ws.rs.core.EntityTag;

/** Small pieces the resources share; who is calling comes from the token ({@link io.liandong.platform.security.Caller}). */
final class Callers {

    private Callers() {
    }

    static EntityTag etag(long version) {
        return EntityTag.valueOf(Versions.etag(version));
    }
}
