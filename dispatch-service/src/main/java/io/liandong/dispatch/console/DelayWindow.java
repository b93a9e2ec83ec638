package io.liandong.dispatch.console;

import io.liandong.dispatch.console.ConsoleViews.Delay;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The information delay per hop over a sliding window: for each source topic and event type, the time from an event's
 * {@code ce_time} to its receipt by the console, as p50 and p99 (nearest rank) of the receipts within the window.
 *
 * <p>Not thread-safe; {@link ConsoleHub} calls it under its lock.
 */
final class DelayWindow {

    /** Enough for a busy window; beyond it the oldest samples of a type give way. */
    static final int MAX_SAMPLES_PER_TYPE = 20_000;

    private record Sample(Instant receivedAt, long millis) {
    }

    private final Duration window;
    private final Map<String, Deque<Sample>> samples = new TreeMap<>();

    DelayWindow(Duration window) {
        this.window = window;
    }

    /** Records one receipt; a producer clock ahead of ours reads as no delay rather than a negative one. */
    void record(String topic, String type, Instant eventTime, Instant receivedAt) {
        long millis = Math.max(0, Duration.between(eventTime, receivedAt).toMillis());
        Deque<Sample> deque = samples.computeIfAbsent(topic + "|" + type, k -> new ArrayDeque<>());
        deque.addLast(new Sample(receivedAt, millis));
        if (deque.size() > MAX_SAMPLES_PER_TYPE) {
            deque.removeFirst();
        }
    }

    /** The hops with a receipt in the window ending at {@code now}, ordered by topic and type. */
    List<Delay> percentiles(Instant now) {
        Instant from = now.minus(window);
        List<Delay> result = new ArrayList<>();
        var entries = samples.entrySet().iterator();
        while (entries.hasNext()) {
            var entry = entries.next();
            Deque<Sample> deque = entry.getValue();
            while (!deque.isEmpty() && deque.peekFirst().receivedAt().isBefore(from)) {
                deque.removeFirst();
            }
            if (deque.isEmpty()) {
                entries.remove();
                continue;
            }
            long[] sorted = deque.stream().mapToLong(Sample::millis).sorted().toArray();
            String[] key = entry.getKey().split("\\|", 2);
            result.add(new Delay(key[0], key[1], sorted.length, rank(sorted, 50), rank(sorted, 99),
                    sorted[sorted.length - 1]));
        }
        return result;
    }

    /** Nearest-rank percentile of sorted values. */
    static long rank(long[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
