package io.liandong.contracts;

/** An event body could not be written or read: for a consumer, a poison message for the dead-letter topic. */
public class EventJsonException extends RuntimeException {

    public EventJsonException(String message, Throwable cause) {
        super(message, cause);
    }
}
