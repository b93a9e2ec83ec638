package io.liandong.platform.error;

/**
 * A failure the caller can act on, answered as RFC 9457 problem+json with {@link #status()}.
 * Plain Java, so the domain can throw it without knowing about HTTP.
 */
public abstract class ProblemException extends RuntimeException {

    protected ProblemException(String message) {
        super(message);
    }

    /** The HTTP status the problem maps to. */
    public abstract int status();

    /** A short stable name of the kind of problem; the last segment of its type URI. */
    public abstract String kind();

    public abstract String title();
}
