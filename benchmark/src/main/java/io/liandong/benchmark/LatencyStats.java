package io.liandong.benchmark;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * One measured delay: an HdrHistogram of microseconds (3 significant digits, up to 10 minutes).
 * Negative values (two clocks of one machine read a microsecond apart) count as zero and are counted.
 */
public final class LatencyStats {

    private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(10);

    private final String name;
    private final Histogram histogram = new Histogram(HIGHEST_MICROS, 3);
    private long negatives;

    public LatencyStats(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public synchronized void recordMicros(long micros) {
        if (micros < 0) {
            negatives++;
            micros = 0;
        }
        histogram.recordValue(Math.min(micros, HIGHEST_MICROS));
    }

    public void recordNanos(long nanos) {
        recordMicros(nanos / 1_000);
    }

    public synchronized long count() {
        return histogram.getTotalCount();
    }

    public synchronized long negatives() {
        return negatives;
    }

    /** The value at {@code percentile} (0-100) in milliseconds; NaN when nothing was recorded. */
    public synchronized double percentileMillis(double percentile) {
        if (histogram.getTotalCount() == 0) {
            return Double.NaN;
        }
        return histogram.getValueAtPercentile(percentile) / 1000d;
    }

    public synchronized double maxMillis() {
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getMaxValue() / 1000d;
    }

    public Summary summary() {
        return new Summary(name, count(), percentileMillis(50), percentileMillis(99), percentileMillis(99.9), maxMillis());
    }

    /** A histogram's figures in milliseconds. */
    public record Summary(String name, long count, double p50, double p99, double p999, double max) {

        /** This p99 as a multiple of {@code floor}'s p99; NaN when either is missing. */
        public double p99Ratio(Summary floor) {
            return ratio(p99, floor == null ? Double.NaN : floor.p99);
        }

        public Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("name", name);
            map.put("count", count);
            map.put("p50Ms", round(p50));
            map.put("p99Ms", round(p99));
            map.put("p999Ms", round(p999));
            map.put("maxMs", round(max));
            return map;
        }
    }

    /** {@code value / floor}; NaN when either is missing or the floor is zero. */
    public static double ratio(double value, double floor) {
        if (Double.isNaN(value) || Double.isNaN(floor) || floor <= 0) {
            return Double.NaN;
        }
        return value / floor;
    }

    /** Two decimals, or null for NaN (JSON has no NaN). */
    static Double round(double value) {
        return Double.isNaN(value) ? null : Math.round(value * 100) / 100d;
    }
}
