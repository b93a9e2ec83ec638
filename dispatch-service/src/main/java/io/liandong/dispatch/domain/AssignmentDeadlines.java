package io.liandong.dispatch.domain;

import io.liandong.contracts.assignment.DeadlineKind;
import io.liandong.contracts.common.WireValues;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The timers of one assignment: for each clock (acknowledge, on scene) a warning at each threshold
 * of its limit and a breach at the limit; after a breach, escalation rungs at an interval.
 */
public final class AssignmentDeadlines {

    /** What a timer does when it fires. */
    public enum Stage { WARNING, BREACH, ESCALATION }

    /**
     * One timer.
     *
     * @param name    unique within the assignment, e.g. {@code acknowledge:warning:50}
     * @param percent the threshold for a warning, else 100
     * @param level   the escalation rung for an escalation, else 0
     */
    public record Timer(String name, DeadlineKind clock, Stage stage, int percent, int level, Instant dueAt) {

        /** The text kept with the durable row: {@code clock stage percent level}. */
        public String data() {
            return WireValues.of(clock) + " " + stage.name() + " " + percent + " " + level;
        }

        public static Timer fromData(String name, String data, Instant dueAt) {
            String[] p = data.split(" ");
            return new Timer(name, WireValues.parse(DeadlineKind.class, p[0]), Stage.valueOf(p[1]), Integer.parseInt(p[2]),
                    Integer.parseInt(p[3]), dueAt);
        }
    }

    private AssignmentDeadlines() {
    }

    /** Warnings and the breach of one clock that starts at {@code start} with {@code limit}. */
    public static List<Timer> of(DeadlineKind clock, Instant start, Duration limit, List<Integer> thresholds) {
        List<Timer> timers = new ArrayList<>();
        String prefix = WireValues.of(clock) + ":";
        for (int percent : thresholds) {
            timers.add(new Timer(prefix + "warning:" + percent, clock, Stage.WARNING, percent, 0,
                    start.plusMillis(limit.toMillis() * percent / 100)));
        }
        timers.add(new Timer(prefix + "breach", clock, Stage.BREACH, 100, 0, start.plus(limit)));
        return timers;
    }

    /** The next escalation rung of a clock, {@code interval} after {@code from}. */
    public static Timer escalation(DeadlineKind clock, int level, Instant from, Duration interval) {
        return new Timer(WireValues.of(clock) + ":escalation:" + level, clock, Stage.ESCALATION, 100, level, from.plus(interval));
    }

    /** The name prefix of every timer of a clock, to cancel them once the step is done. */
    public static String prefix(DeadlineKind clock) {
        return WireValues.of(clock) + ":";
    }
}
