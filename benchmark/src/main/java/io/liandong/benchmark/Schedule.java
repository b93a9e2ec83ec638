package io.liandong.benchmark;

import java.time.Duration;
import java.util.List;

/**
 * The open-loop arrival schedule: request {@code i} is due at {@code i / rate} seconds after the start,
 * whatever happened to the requests before it, so a slow answer cannot hold back the next request and
 * hide the queueing it causes. Latency is measured from the due time, not from the actual send.
 *
 * <p>Requests follow a fixed cycle of ten: one incident report (three assignments under the standard
 * playbook), three grievances, and three acknowledgements and three arrivals of earlier assignments.
 */
public record Schedule(double rate) {

    /** What one request of the cycle does. */
    public enum Operation {
        GRIEVANCE("POST /api/v1/grievances"),
        INCIDENT("POST /api/v1/incidents"),
        ACKNOWLEDGE("POST .../assignments/{id}/acknowledge"),
        ARRIVE("POST .../assignments/{id}/on-scene");

        private final String endpoint;

        Operation(String endpoint) {
            this.endpoint = endpoint;
        }

        public String endpoint() {
            return endpoint;
        }
    }

    static final List<Operation> CYCLE = List.of(
            Operation.INCIDENT, Operation.GRIEVANCE, Operation.ACKNOWLEDGE, Operation.ARRIVE,
            Operation.GRIEVANCE, Operation.ACKNOWLEDGE, Operation.ARRIVE,
            Operation.GRIEVANCE, Operation.ACKNOWLEDGE, Operation.ARRIVE);

    public Schedule {
        if (!(rate > 0)) {
            throw new IllegalArgumentException("rate must be above 0");
        }
    }

    /** When request {@code i} is due, in nanoseconds after the start. */
    public long dueNanos(long i) {
        return Math.round(i * 1_000_000_000d / rate);
    }

    /** How many requests are due within {@code duration} from the start. */
    public long requestsWithin(Duration duration) {
        return (long) Math.ceil(duration.toNanos() * rate / 1_000_000_000d);
    }

    public Operation operation(long i) {
        return CYCLE.get((int) (i % CYCLE.size()));
    }

    /** The share of requests that are {@code op}. */
    public static double share(Operation op) {
        return CYCLE.stream().filter(o -> o == op).count() / (double) CYCLE.size();
    }
}
