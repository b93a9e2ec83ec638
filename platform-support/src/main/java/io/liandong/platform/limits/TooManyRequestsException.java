package io.liandong.platform.limits;

import io.liandong.platform.error.ProblemException;

/** A caller went over its rate limit: 429, with {@code Retry-After} (whole seconds, at least 1). */
public class TooManyRequestsException extends ProblemException {

    private final long retryAfterSeconds;

    public TooManyRequestsException(String detail, long retryAfterSeconds) {
        super(detail);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public int status() {
        return 429;
    }

    @Override
    public String kind() {
        return "too-many-requests";
    }

    @Override
    public String title() {
        return "Too many requests";
    }
}
