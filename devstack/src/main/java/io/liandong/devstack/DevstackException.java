package io.liandong.devstack;

/** Local infrastructure could not be started or used; the message says what was tried and how to fix it. */
public class DevstackException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DevstackException(String message) {
        super(message);
    }

    public DevstackException(String message, Throwable cause) {
        super(message, cause);
    }
}
