package io.liandong.platform.idempotency;

import io.liandong.platform.error.ProblemException;

/** The same {@code Idempotency-Key} came back with a different request: 422, nothing is done. */
public class IdempotencyKeyReusedException extends ProblemException {

    public IdempotencyKeyReusedException(String key) {
        super("Idempotency-Key " + key + " was already used for a different request");
    }

    @Override
    public int status() {
        return 422;
    }

    @Override
    public String kind() {
        return "idempotency-key-reused";
    }

    @Override
    public String title() {
        return "Idempotency key reused";
    }
}
