package io.liandong.platform.deadline;

/**
 * What a service does when one of its deadlines falls due. A CDI bean per kind; it runs inside
 * the transaction that marks the deadline fired, so its effects (state change, outbox event)
 * commit exactly when the deadline counts as fired. Throwing rolls both back and the deadline is
 * retried later (see {@link DeadlineChecker}).
 */
public interface DeadlineHandler {

    /** The kind this handler serves, e.g. {@code dispatch.assignment}. */
    String kind();

    void onDue(DueDeadline due);
}
