package io.liandong.platform.outbox;

/**
 * Fired inside the writing transaction; the relay observes it after a successful commit, the audit
 * trail during the transaction (the subject names what the change was about).
 */
public record OutboxWritten(String eventId, String subject) {
}
