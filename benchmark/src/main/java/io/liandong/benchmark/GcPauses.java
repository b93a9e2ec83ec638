package io.liandong.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The garbage collector's stop-the-world pauses of a service, from the {@code jvm_gc_pause_seconds} counters its
 * {@code /q/metrics} exposes: how many and how long in all, minor (young generation) and major (full) apart. Read
 * before and after a run, the difference is the pauses every request and event of the run could have waited behind.
 */
final class GcPauses {

    private static final Pattern LINE = Pattern.compile(
            "^jvm_gc_pause_seconds_(count|sum)\\{([^}]*)}\\s+(\\S+)\\s*$", Pattern.MULTILINE);
    private static final Pattern ACTION = Pattern.compile("action=\"([^\"]*)\"");

    /** Pauses of one kind: how many, and their sum in milliseconds. */
    record Tally(long count, double totalMillis) {
        Tally minus(Tally earlier) {
            return new Tally(count - earlier.count, totalMillis - earlier.totalMillis);
        }
    }

    /** A service's pauses so far, by kind: {@code minor} and {@code major}. */
    record Snapshot(Tally minor, Tally major) {
        Snapshot minus(Snapshot earlier) {
            return new Snapshot(minor.minus(earlier.minor), major.minus(earlier.major));
        }

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("minorCount", minor.count());
            m.put("minorTotalMs", LatencyStats.round(minor.totalMillis()));
            m.put("majorCount", major.count());
            m.put("majorTotalMs", LatencyStats.round(major.totalMillis()));
            return m;
        }
    }

    /** {@code 41 / 310 ms; 1 / 238 ms}: the minor, then the major pauses of {@link Snapshot#toMap()}, each as count / total. */
    static String text(Map<String, Object> pauses) {
        return String.format(Locale.ROOT, "%s / %.0f ms; %s / %.0f ms", pauses.get("minorCount"),
                ((Number) pauses.get("minorTotalMs")).doubleValue(), pauses.get("majorCount"),
                ((Number) pauses.get("majorTotalMs")).doubleValue());
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    /** The pauses of the service on {@code port} so far; empty when its metrics cannot be read. */
    Optional<Snapshot> read(int port) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/metrics"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(parse(response.body())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /**
     * Adds up the {@code jvm_gc_pause_seconds} series of a Prometheus text exposition: a series whose action ends a
     * major collection ({@code end of major GC}) counts as major, every other pause (a young collection, G1's remark
     * and cleanup) as minor. Causes and collectors are summed.
     */
    static Snapshot parse(String exposition) {
        long[] counts = new long[2];
        double[] seconds = new double[2];
        Matcher line = LINE.matcher(exposition);
        while (line.find()) {
            Matcher action = ACTION.matcher(line.group(2));
            int kind = action.find() && action.group(1).contains("major") ? 1 : 0;
            double value = Double.parseDouble(line.group(3));
            if (line.group(1).equals("count")) {
                counts[kind] += (long) value;
            } else {
                seconds[kind] += value;
            }
        }
        return new Snapshot(new Tally(counts[0], seconds[0] * 1000), new Tally(counts[1], seconds[1] * 1000));
    }
}
