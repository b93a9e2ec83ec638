package io.liandong.platform.cloudevents;

/**
 * A consumed record that can never be handled, whatever the retries: missing or malformed
 * CloudEvent headers, an unknown type, a body that does not fit its type. It goes to the
 * dead-letter topic with this message as the reason.
 */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String message) {
        super(message);
    }

    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
