package io.liandong.benchmark;

import io.liandong.devstack.Stack;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a run does, from the command line.
 *
 * @param rate          REST requests per second of the load (each publishes at least one event)
 * @param duration      length of the measured run
 * @param warmup        load at the same rate before the measured run, not recorded
 * @param findMax       after the run, search the highest rate whose end-to-end p99 stays within {@code targetP99}
 * @param stepDuration  length of each run of the search
 * @param targetP99     the end-to-end p99 the search keeps to
 * @param startup       also restart each service alone and time it
 * @param startupOnly   only the start figures, no load
 * @param snapshot      run copies of the services' builds, so a rebuild during the run cannot change them
 * @param out           directory for the JSON and Markdown results
 * @param repo          the repository root (the services' builds are under it)
 * @param label         a note stored with the results, e.g. "under load" or "quiet machine"
 * @param serviceProperties {@code -Dkey=value} for every service, e.g. a pool size to try
 * @param serviceJvmOptions the services' JVM options; null keeps the devstack's default
 *                          ({@code Stack.DEFAULT_SERVICE_JVM_OPTIONS}), empty runs the JVM's own defaults
 * @param classArchives     each service starts from the class archive its previous run in this stack trained
 *                          (the devstack's default); the first start of a run trains it
 * @param consoleWatchers operators watching the console stream during the load; the first one times the frames,
 *                          the others only read theirs, as browsers would
 * @param minimalAnswers    acknowledgements and arrivals ask for the assignment alone in the answer
 *                          ({@code Prefer: return=minimal}), as a responder's app that needs no more would
 */
public record Options(double rate, Duration duration, Duration warmup, boolean findMax, Duration stepDuration,
                      Duration targetP99, boolean startup, boolean startupOnly, boolean snapshot, Path out, Path repo, String label,
                      Map<String, String> serviceProperties, List<String> serviceJvmOptions,
                      boolean classArchives, int consoleWatchers, boolean minimalAnswers) {

    static final String USAGE = """
            usage: ./benchmark/run.sh [--rate 200] [--duration 60s] [--warmup 30s] [--find-max]
                                      [--step-duration 20s] [--target-p99 50ms] [--no-startup] [--startup-only] [--no-snapshot]
                                      [--out benchmark/target/results] [--repo .] [--label "quiet machine"]
                                      [--service-property key=value ...] [--service-jvm-options "-XX:... -XX:..."]
                                      [--no-class-archives] [--console-watchers 1] [--minimal-answers]
            """;

    public Options {
        if (!(rate > 0)) {
            throw new IllegalArgumentException("--rate must be above 0, not " + rate);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("--duration must be above 0");
        }
        if (warmup.isNegative()) {
            throw new IllegalArgumentException("--warmup must not be negative");
        }
        if (consoleWatchers < 1) {
            throw new IllegalArgumentException("--console-watchers must be at least 1 (the one that times the frames), not "
                    + consoleWatchers);
        }
    }

    public static Options defaults() {
        return parse(new String[0]);
    }

    public static Options parse(String[] args) {
        double rate = 200;
        Duration duration = Duration.ofSeconds(60);
        Duration warmup = Duration.ofSeconds(30);
        boolean findMax = false;
        Duration step = Duration.ofSeconds(20);
        Duration target = Duration.ofMillis(50);
        boolean startup = true;
        boolean startupOnly = false;
        boolean snapshot = true;
        Path out = Path.of("benchmark", "target", "results");
        Path repo = Path.of("");
        String label = "";
        Map<String, String> serviceProperties = new LinkedHashMap<>();
        List<String> serviceJvmOptions = null;
        boolean classArchives = true;
        int consoleWatchers = 1;
        boolean minimalAnswers = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--rate" -> rate = Double.parseDouble(value(args, ++i, arg));
                case "--duration" -> duration = duration(value(args, ++i, arg));
                case "--warmup" -> warmup = duration(value(args, ++i, arg));
                case "--find-max" -> findMax = true;
                case "--step-duration" -> step = duration(value(args, ++i, arg));
                case "--target-p99" -> target = duration(value(args, ++i, arg));
                case "--no-startup" -> startup = false;
                case "--startup-only" -> startupOnly = true;
                case "--no-snapshot" -> snapshot = false;
                case "--out" -> out = Path.of(value(args, ++i, arg));
                case "--repo" -> repo = Path.of(value(args, ++i, arg));
                case "--label" -> label = value(args, ++i, arg);
                case "--service-property" -> {
                    String pair = value(args, ++i, arg);
                    int eq = pair.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("--service-property takes key=value, not " + pair);
                    }
                    serviceProperties.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
                case "--service-jvm-options" -> serviceJvmOptions = Stack.jvmOptions(value(args, ++i, arg));
                case "--no-class-archives" -> classArchives = false;
                case "--console-watchers" -> consoleWatchers = Integer.parseInt(value(args, ++i, arg));
                case "--minimal-answers" -> minimalAnswers = true;
                default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
            }
        }
        return new Options(rate, duration, warmup, findMax, step, target, startup || startupOnly, startupOnly, snapshot, out,
                repo, label, Map.copyOf(serviceProperties), serviceJvmOptions, classArchives,
                consoleWatchers, minimalAnswers);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args[i];
    }

    /** {@code 60s}, {@code 2m}, {@code 500ms}, {@code 1h}, or ISO-8601 ({@code PT60S}). */
    static Duration duration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("pt")) {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            }
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                default -> throw new IllegalArgumentException("unknown unit");
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a duration: '" + text + "' (e.g. 60s, 2m, 500ms)", e);
        }
    }
}
