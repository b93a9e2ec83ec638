package io.liandong.platform.outbox;

/** Fired inside the writing transaction; the relay observes it after a successful commit. */
public record OutboxWritten(String eventId) {
}
