package io.liandong.contracts;

/**
 * Headers added to a record when it is moved to a dead-letter topic ({@link Service#deadLetterTopic()}).
 *
 * <p>The original record keeps its key, value and headers; these say why it could not be handled
 * and where it came from, so it can be inspected and replayed. The names match the ones
 * SmallRye Reactive Messaging's Kafka dead-letter-queue strategy writes.
 */
public final class DeadLetterHeaders {

    /** Why the record was rejected, e.g. {@code unknown event type io.liandong.x.y.v9}. */
    public static final String REASON = "dead-letter-reason";
    /** The message of the underlying exception, if there was one. */
    public static final String CAUSE = "dead-letter-cause";
    /** The topic the record was read from. */
    public static final String TOPIC = "dead-letter-topic";
    /** The partition the record was read from. */
    public static final String PARTITION = "dead-letter-partition";
    /** The offset of the record in that partition. */
    public static final String OFFSET = "dead-letter-offset";

    private DeadLetterHeaders() {
    }
}
