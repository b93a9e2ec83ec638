package io.liandong.platform.limits;

import java.util.Optional;

/**
 * A service whose API answers errors in a format of its own (Open311's error list) says how a
 * refusal of the platform's limits (413, 429) reads there; everywhere else it is problem+json.
 */
public interface RefusalFormat {

    /** The refusal in this API's format, or empty when {@code path} is not one of its paths. */
    Optional<Refusal> refusal(String path, int status, String detail);

    record Refusal(String contentType, String body) {
    }
}
