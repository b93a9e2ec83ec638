package io.liandong.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.liandong.devstack.Stack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The benchmark of issue 9: starts the devstack with the packaged services, drives open-loop load
 * through their REST APIs, measures the information delay hop by hop beside raw Kafka on the same
 * broker, and writes the figures as JSON and Markdown. See docs/benchmarks.md.
 */
public final class Benchmark {

    static final List<String> SERVICES = List.copyOf(Stack.DEFAULT_SERVICES.keySet());
    static final String END_TO_END = "grievance filed (request due) -> dispatch aware";
    /** Events the services publish per request of the cycle (incident: 1 + 3 assignments; the rest: 1, plus an incident's first arrival). */
    static final double EVENTS_PER_REQUEST = 1.4;

    private final Options options;
    private final Map<String, Object> report = new LinkedHashMap<>();
    private final StringBuilder text = new StringBuilder();
    private final GcPauses gcPauses = new GcPauses();
    private ConsoleWatch console;
    private Watchers watchers;

    private Benchmark(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        new Benchmark(options).run();
        System.exit(0);
    }

    private void run() throws Exception {
        Path repo = options.repo().toAbsolutePath().normalize();
        Path work = Files.createTempDirectory("liandong-benchmark-");
        report.put("startedAt", Instant.now().toString());
        report.put("label", options.label());
        report.put("command", ProcessHandle.current().info().commandLine().orElse(""));
        report.put("options", Map.of("rate", options.rate(), "durationS", options.duration().toSeconds(),
                "warmupS", options.warmup().toSeconds(), "findMax", options.findMax(), "targetP99Ms", options.targetP99().toMillis(),
                "serviceProperties", options.serviceProperties(),
                "serviceJvmOptions", options.serviceJvmOptions() == null ? Stack.DEFAULT_SERVICE_JVM_OPTIONS : options.serviceJvmOptions(),
                "classArchives", options.classArchives(), "consoleWatchers", options.consoleWatchers(),
                "minimalAnswers", options.minimalAnswers()));
        report.put("machine", Machine.describe());
        log("machine: " + report.get("machine"));

        // Ports chosen here, below the ephemeral range (see Ports), rather than by freePorts().
        Stack.Builder builder = Stack.builder().repoDir(repo).dataDir(work.resolve("data"))
                .kafkaPort(Ports.free()).postgresPort(Ports.free());
        for (String service : SERVICES) {
            Path jar = repo.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
            if (options.snapshot()) {
                jar = snapshot(repo.resolve(service).resolve("target/quarkus-app"), work.resolve("apps").resolve(service))
                        .resolve("quarkus-run.jar");
            }
            builder.addService(service, Ports.free(), Stack.databaseOf(service), jar);
        }
        options.serviceProperties().forEach(builder::systemProperty);
        builder.classArchives(options.classArchives());
        if (options.serviceJvmOptions() != null) {
            builder.serviceJvmOptions(options.serviceJvmOptions());
        }
        Stack stack = builder.build();
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop));
        try {
            startTogether(stack);
            stack.kafka().createTopics(List.of(KafkaFloor.TOPIC), 3);
            if (options.startup()) {
                startAlone(stack);
            }
            if (!options.startupOnly()) {
                measure(stack);
            } else {
                startTable();
            }
        } finally {
            stack.stop();
            // Keep the logs; the copies of the builds and the data are large.
            deleteTree(work.resolve("apps"));
            deleteTree(work.resolve("data").resolve("postgres"));
            deleteTree(work.resolve("data").resolve("kafka"));
            log("logs of the run: " + work.resolve("data").resolve("logs"));
        }
        write();
    }

    // ---- start ------------------------------------------------------------------------------------

    private void startTogether(Stack stack) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        SERVICES.forEach(s -> ports.put(s, stack.servicePort(s)));
        Map<String, Object> together = new LinkedHashMap<>();
        try (ReadyWatch watch = new ReadyWatch(ports)) {
            long t0 = System.nanoTime();
            stack.start();
            log(String.format(Locale.ROOT, "stack started in %.1f s (Kafka, PostgreSQL, four services at once)",
                    (System.nanoTime() - t0) / 1e9));
            for (String s : SERVICES) {
                together.put(s, startFigures(stack, s, watch.readyAt(s)));
            }
        }
        report.put("startTogether", together);
    }

    private void startAlone(Stack stack) {
        Map<String, Object> alone = new LinkedHashMap<>();
        for (String s : SERVICES) {
            stack.stopService(s);
            try (ReadyWatch watch = new ReadyWatch(Map.of(s, stack.servicePort(s)))) {
                stack.startService(s);
                alone.put(s, startFigures(stack, s, watch.readyAt(s)));
            }
            log("restarted alone: " + s + " " + alone.get(s));
        }
        report.put("startAlone", alone);
    }

    private Map<String, Object> startFigures(Stack stack, String service, Instant readyAt) {
        Map<String, Object> f = new LinkedHashMap<>();
        long pid = stack.servicePid(service).orElse(-1);
        Instant started = ProcessHandle.of(pid).flatMap(p -> p.info().startInstant()).orElse(null);
        if (readyAt == null) {
            readyAt = Instant.now();
        }
        f.put("readyAfterStartS", started == null ? null : LatencyStats.round(Duration.between(started, readyAt).toMillis() / 1000d));
        f.put("quarkusStartedInS", quarkusStartedIn(stack.logFile(service)));
        f.put("rssMiB", ProcStats.rssBytes(pid).orElse(0) / (1024 * 1024));
        return f;
    }

    private static final Pattern STARTED_IN = Pattern.compile("started in ([0-9.]+)s");

    static Double quarkusStartedIn(Path log) {
        try {
            Double last = null;
            for (String line : Files.readAllLines(log)) {
                Matcher m = STARTED_IN.matcher(line);
                if (m.find()) {
                    last = Double.parseDouble(m.group(1));
                }
            }
            return last;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    // ---- load -------------------------------------------------------------------------------------

    private void measure(Stack stack) throws Exception {
        Load load = new Load(stack.serviceUrl("grievance-service"), stack.serviceUrl("dispatch-service"),
                stack.serviceUrl("department-service"), stack.identity(), options.minimalAnswers());
        try (Observer observer = new Observer(stack.kafkaBootstrapServers(), load::assignmentCreated);
             KafkaFloor floor = new KafkaFloor(stack.kafkaBootstrapServers());
             ConsoleWatch console = new ConsoleWatch(stack.serviceUrl("dispatch-service"),
                     stack.identity().token(Load.HQ, "hq-operator"), true);
             Watchers others = new Watchers(options.consoleWatchers() - 1, () -> new ConsoleWatch(
                     stack.serviceUrl("dispatch-service"), stack.identity().token(Load.HQ, "hq-operator"), false))) {
            this.console = console;
            this.watchers = others;
            if (!options.warmup().isZero()) {
                log("warm-up: " + options.rate() + " requests/s for " + options.warmup().toSeconds() + " s");
                runOnce(stack, load, observer, floor, options.rate(), options.warmup(), false);
            }
            log("measured run: " + options.rate() + " requests/s for " + options.duration().toSeconds() + " s");
            Map<String, Object> main = runOnce(stack, load, observer, floor, options.rate(), options.duration(), true);
            report.put("run", main);
            if (options.findMax()) {
                report.put("findMax", findMax(stack, load, observer, floor));
            }
        } finally {
            load.close();
        }
    }

    private Map<String, Object> findMax(Stack stack, Load load, Observer observer, KafkaFloor floor) throws Exception {
        List<Map<String, Object>> steps = new ArrayList<>();
        double pass = 0;
        double fail = Double.MAX_VALUE;
        double rate = options.rate();
        for (int i = 0; i < 8; i++) {
            log(String.format(Locale.ROOT, "find-max step %d: %.0f requests/s for %d s", i + 1, rate, options.stepDuration().toSeconds()));
            Map<String, Object> run = runOnce(stack, load, observer, floor, rate, options.stepDuration(), false);
            double p99 = (double) run.getOrDefault("endToEndP99Ms", Double.NaN);
            boolean ok = (boolean) run.get("withinTarget");
            steps.add(Map.of("rate", rate, "endToEndP99Ms", LatencyStats.round(p99), "withinTarget", ok,
                    "failures", run.get("failures")));
            log(String.format(Locale.ROOT, "  end-to-end p99 %.1f ms: %s", p99, ok ? "within" : "over"));
            if (ok) {
                pass = Math.max(pass, rate);
            } else {
                fail = Math.min(fail, rate);
            }
            double next = fail == Double.MAX_VALUE ? rate * 1.5 : pass == 0 ? rate * 0.6 : (pass + fail) / 2;
            if (fail != Double.MAX_VALUE && pass > 0 && (fail - pass) / fail < 0.1) {
                break;
            }
            rate = Math.round(next);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("highestRateWithinTarget", pass == 0 ? null : pass);
        result.put("lowestRateOverTarget", fail == Double.MAX_VALUE ? null : fail);
        result.put("steps", steps);
        log("find-max: highest rate with end-to-end p99 <= " + options.targetP99().toMillis() + " ms: "
                + (pass == 0 ? "none tried" : pass + " requests/s"));
        return result;
    }

    private Map<String, Object> runOnce(Stack stack, Load load, Observer observer, KafkaFloor floor, double rate,
                                        Duration duration, boolean detailed) throws Exception {
        observer.seen().clear();
        observer.record(true);
        LatencyStats floorStats = new LatencyStats("raw Kafka producer -> consumer (floor)");
        Map<String, Long> pids = stack.pids();
        Map<String, Long> cpuBefore = new LinkedHashMap<>();
        pids.forEach((name, pid) -> cpuBefore.put(name, ProcStats.cpuMillisWithDescendants(pid)));
        long selfCpuBefore = ProcStats.cpuMillis(ProcessHandle.current().pid()).orElse(0);
        Map<String, Optional<GcPauses.Snapshot>> pausesBefore = new LinkedHashMap<>();
        SERVICES.forEach(s -> pausesBefore.put(s, gcPauses.read(stack.servicePort(s))));
        long wallStart = System.nanoTime();
        Thread floorThread = new Thread(() -> floor.run(rate * EVENTS_PER_REQUEST, duration, floorStats), "benchmark-floor");
        floorThread.start();
        Load.Result result = load.run(rate, duration);
        floorThread.join();
        long wallMillis = (System.nanoTime() - wallStart) / 1_000_000;
        Map<String, Object> processes = new LinkedHashMap<>();
        pids.forEach((name, pid) -> {
            long cpu = ProcStats.cpuMillisWithDescendants(pid) - cpuBefore.get(name);
            Map<String, Object> process = new LinkedHashMap<>();
            process.put("cpuPercentOfOneCore", LatencyStats.round(ProcStats.percentOfOneCore(cpu, wallMillis)));
            // The postmaster's own: its backends share its buffers, summing them would count those many times.
            process.put("rssMiB", ProcStats.rssBytes(pid).orElse(0) / (1024 * 1024));
            if (pausesBefore.containsKey(name)) {
                // Only when both reads answered: one without the other is not the run's.
                Optional<GcPauses.Snapshot> before = pausesBefore.get(name);
                process.put("gcPauses", gcPauses.read(stack.servicePort(name))
                        .flatMap(after -> before.map(b -> after.minus(b).toMap())).orElse(null));
            }
            processes.put(name, process);
        });
        long selfCpu = ProcStats.cpuMillis(ProcessHandle.current().pid()).orElse(0) - selfCpuBefore;
        processes.put("benchmark (load, observer, floor)", Map.of(
                "cpuPercentOfOneCore", LatencyStats.round(ProcStats.percentOfOneCore(selfCpu, wallMillis)),
                "rssMiB", ProcStats.rssBytes(ProcessHandle.current().pid()).orElse(0) / (1024 * 1024)));
        drain(stack, observer, result.startMicros, result.answeredMicros);
        observer.record(false);

        List<Hops.ServiceRows> rows = new ArrayList<>();
        for (String s : SERVICES) {
            rows.add(Hops.read(s, stack.jdbcUrl(s), stack.username(), stack.password(), result.startMicros - 1_000_000));
        }
        boolean consoleMeasured = console != null && console.status() == 200;
        report.put("console", consoleMeasured ? Map.of("measured", true, "stream", ConsoleWatch.PATH)
                : Map.of("measured", false, "stream", ConsoleWatch.PATH, "status", console == null ? -1 : console.status(),
                        "problem", console == null || console.problem() == null ? "" : console.problem()));
        Map<String, LatencyStats> hops = Hops.compute(rows, Map.copyOf(observer.seen()),
                consoleMeasured ? Map.copyOf(console.frames()) : null, result, result.startMicros,
                result.endMicros + 180_000_000L);
        LatencyStats.Summary floorSummary = floorStats.summary();
        LatencyStats.Summary e2e = hops.get(END_TO_END).summary();

        Map<String, Object> run = new LinkedHashMap<>();
        run.put("rate", rate);
        run.put("durationS", duration.toSeconds());
        run.put("eventsOnKafkaPerS", LatencyStats.round(observer.count() / (double) Math.max(1, duration.toSeconds())));
        run.put("eventsOnKafkaByType", Observer.countByType(observer.seen().values()));
        run.put("floorRatePerS", rate * EVENTS_PER_REQUEST);
        Map<String, Object> sent = new LinkedHashMap<>();
        result.sent.forEach((op, n) -> sent.put(op.name(), n.get()));
        run.put("sent", sent);
        Map<String, Object> skipped = new LinkedHashMap<>();
        result.skipped.forEach((op, n) -> skipped.put(op.name(), n.get()));
        run.put("skipped", skipped);
        Map<String, Object> failures = new LinkedHashMap<>();
        result.failures.forEach((k, n) -> failures.put(k, n.get()));
        run.put("failures", failures);
        run.put("acknowledgementsRetriedNotYetInInbox", result.notYetInInbox.get());
        run.put("senderLag", result.senderLag.summary().toMap());
        List<Object> rest = new ArrayList<>();
        result.latency.values().forEach(l -> rest.add(l.summary().toMap()));
        run.put("rest", rest);
        run.put("floor", floorSummary.toMap());
        List<Object> hopList = new ArrayList<>();
        for (LatencyStats h : hops.values()) {
            Map<String, Object> m = h.summary().toMap();
            m.put("p99OverFloorP99", LatencyStats.round(h.summary().p99Ratio(floorSummary)));
            m.put("negativesCountedAsZero", h.negatives());
            hopList.add(m);
        }
        run.put("hops", hopList);
        run.put("endToEndP99Ms", e2e.p99());
        run.put("withinTarget", !Double.isNaN(e2e.p99()) && e2e.p99() <= options.targetP99().toMillis()
                && result.failureCount() == 0);
        run.put("consoleWatchers", Map.of("count", options.consoleWatchers(),
                "fewestChangeFramesReadByOne", watchers == null ? 0 : watchers.fewestChanges(console)));
        run.put("processes", processes);
        if (detailed) {
            table(run, result, hops, floorSummary);
        }
        return run;
    }

    /**
     * Waits until every event of the run has left its outbox, the reference consumer has read nothing new of
     * them, and no consumer has handled anything new of them for six seconds (longer than a wait for a pooled
     * connection, 5 s): an event still queued when the figures are taken would be missing from them, and those
     * are the slowest ones. An event of the run is one written until the run's end; what the stack does after
     * it (the deadline warnings of the run's assignments, due minutes later) does not hold the figures back.
     */
    private void drain(Stack stack, Observer observer, long sinceMicros, long untilMicros) throws Exception {
        long started = System.nanoTime();
        long deadline = started + Duration.ofSeconds(180).toNanos();
        long lastSeen = -1;
        long lastHandled = -1;
        int quiet = 0;
        while (System.nanoTime() < deadline) {
            long pending = 0;
            long handled = 0;
            for (String s : SERVICES) {
                try (var c = java.sql.DriverManager.getConnection(stack.jdbcUrl(s), stack.username(), stack.password());
                     var q = c.prepareStatement("""
                             SELECT (SELECT count(*) FROM outbox_event WHERE published_at IS NULL AND created_at <= ?),
                                    (SELECT count(*) FROM inbox_event WHERE processed_at >= ? AND ce_time <= ?)""")) {
                    var until = Micros.timestamp(untilMicros);
                    q.setTimestamp(1, until);
                    q.setTimestamp(2, Micros.timestamp(sinceMicros));
                    q.setTimestamp(3, until);
                    try (var rs = q.executeQuery()) {
                        rs.next();
                        pending += rs.getLong(1);
                        handled += rs.getLong(2);
                    }
                }
            }
            long seen = observer.countUntil(untilMicros);
            quiet = pending == 0 && seen == lastSeen && handled == lastHandled ? quiet + 1 : 0;
            if (quiet >= 6) {
                log(String.format(Locale.ROOT, "settled %.0f s after the run", (System.nanoTime() - started) / 1e9));
                return;
            }
            lastSeen = seen;
            lastHandled = handled;
            Thread.sleep(1000);
        }
        log("warning: the system had not settled 180 s after the run; the slowest events are missing from the figures");
    }

    @SuppressWarnings("unchecked")
    private void startTable() {
        StringBuilder t = new StringBuilder(String.format(Locale.ROOT, "%n### Start%s%n%n",
                options.label().isBlank() ? "" : " (" + options.label() + ")"));
        t.append("| service | ready after start, together (s) | RSS (MiB) | ready after start, alone (s) | Quarkus \"started in\" alone (s) | RSS (MiB) |\n");
        t.append("| --- | --- | --- | --- | --- | --- |\n");
        Map<String, Object> together = (Map<String, Object>) report.getOrDefault("startTogether", Map.of());
        Map<String, Object> alone = (Map<String, Object>) report.getOrDefault("startAlone", Map.of());
        for (String s : SERVICES) {
            Map<String, Object> tg = (Map<String, Object>) together.getOrDefault(s, Map.of());
            Map<String, Object> al = (Map<String, Object>) alone.getOrDefault(s, Map.of());
            t.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", s, orDash(tg.get("readyAfterStartS")),
                    orDash(tg.get("rssMiB")), orDash(al.get("readyAfterStartS")), orDash(al.get("quarkusStartedInS")),
                    orDash(al.get("rssMiB"))));
        }
        text.append(t);
        System.out.println(t);
    }

    // ---- output -----------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private void table(Map<String, Object> run, Load.Result result, Map<String, LatencyStats> hops, LatencyStats.Summary floor) {
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "%n### %s requests/s for %s s%s%n%n", fmt(result.rate), run.get("durationS"),
                options.label().isBlank() ? "" : " (" + options.label() + ")"));
        t.append("Requests sent ").append(run.get("sent")).append(", skipped (nothing ready to acknowledge or arrive) ")
                .append(run.get("skipped")).append(", acknowledgements tried again (not in the inbox yet) ")
                .append(run.get("acknowledgementsRetriedNotYetInInbox")).append(", failed ").append(run.get("failures")).append("; events on Kafka ")
                .append(run.get("eventsOnKafkaPerS")).append(" /s; floor at ").append(fmt((double) run.get("floorRatePerS")))
                .append(" records/s. The load's own lag behind its schedule (included in every figure below, as open")
                .append(" loop requires): p50 ").append(fmt(result.senderLag.percentileMillis(50))).append(" ms, p99 ")
                .append(fmt(result.senderLag.percentileMillis(99))).append(" ms. Operators watching the console: ")
                .append(run.get("consoleWatchers")).append(".\n\n");
        t.append("Events on Kafka by type: ").append(((Map<String, Long>) run.get("eventsOnKafkaByType")).entrySet().stream()
                .map(e -> e.getKey().replaceFirst("^io\\.liandong\\.", "") + " " + e.getValue())
                .collect(Collectors.joining(", "))).append(".\n\n");
        t.append("| REST endpoint (latency from the due time) | count | p50 ms | p99 ms | p99.9 ms | max ms |\n");
        t.append("| --- | --- | --- | --- | --- | --- |\n");
        for (LatencyStats l : result.latency.values()) {
            LatencyStats.Summary s = l.summary();
            t.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s |%n", s.name(), s.count(), fmt(s.p50()),
                    fmt(s.p99()), fmt(s.p999()), fmt(s.max())));
        }
        t.append("\n| hop | count | p50 ms | p99 ms | p99.9 ms | max ms | p99 / floor p99 |\n");
        t.append("| --- | --- | --- | --- | --- | --- | --- |\n");
        t.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | 1 |%n", floor.name(), floor.count(), fmt(floor.p50()),
                fmt(floor.p99()), fmt(floor.p999()), fmt(floor.max())));
        for (LatencyStats h : hops.values()) {
            LatencyStats.Summary s = h.summary();
            if (s.count() == 0) {
                continue;
            }
            t.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %s |%n", s.name(), s.count(), fmt(s.p50()),
                    fmt(s.p99()), fmt(s.p999()), fmt(s.max()), fmt(s.p99Ratio(floor))));
        }
        if (!hops.containsKey("any event (event time) -> console frame")) {
            t.append("| any event -> console frame | not measured: ").append(ConsoleWatch.PATH)
                    .append(" answered ").append(console == null ? "nothing" : console.status()).append(" | | | | | |\n");
        }
        t.append("\n| process | ready after start, together (s) | ready after start, alone (s) | Quarkus \"started in\" alone (s) | RSS after ready (MiB) | RSS after the run (MiB) | CPU during the run (% of one core) | GC pauses during the run: minor; full (count / total) |\n");
        t.append("| --- | --- | --- | --- | --- | --- | --- | --- |\n");
        Map<String, Object> together = (Map<String, Object>) report.getOrDefault("startTogether", Map.of());
        Map<String, Object> alone = (Map<String, Object>) report.getOrDefault("startAlone", Map.of());
        Map<String, Object> processes = (Map<String, Object>) run.get("processes");
        for (var e : processes.entrySet()) {
            Map<String, Object> tg = (Map<String, Object>) together.getOrDefault(e.getKey(), Map.of());
            Map<String, Object> al = (Map<String, Object>) alone.getOrDefault(e.getKey(), Map.of());
            Map<String, Object> p = (Map<String, Object>) e.getValue();
            t.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s |%n", e.getKey(),
                    orDash(tg.get("readyAfterStartS")), orDash(al.get("readyAfterStartS")), orDash(al.get("quarkusStartedInS")),
                    orDash(al.containsKey("rssMiB") ? al.get("rssMiB") : tg.get("rssMiB")), p.get("rssMiB"),
                    p.get("cpuPercentOfOneCore"), p.get("gcPauses") instanceof Map<?, ?> pauses ? GcPauses.text((Map<String, Object>) pauses) : "-"));
        }
        text.append(t);
        System.out.println(t);
    }

    private void write() throws IOException {
        Path out = options.out().toAbsolutePath();
        Files.createDirectories(out);
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
        Path json = out.resolve("benchmark-" + stamp + ".json");
        Path md = out.resolve("benchmark-" + stamp + ".md");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), report);
        Files.writeString(md, "machine: " + report.get("machine") + "\n" + text);
        log("results: " + json + " and " + md);
    }

    private static Path snapshot(Path from, Path to) throws IOException {
        if (!Files.isRegularFile(from.resolve("quarkus-run.jar"))) {
            throw new IllegalStateException("not built: " + from + " (mvn -B -o install -DskipTests -pl <service> -am)");
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return to;
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log("could not delete " + root + ": " + e.getMessage());
        }
    }

    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static Object orDash(Object o) {
        return o == null ? "-" : o;
    }

    static void log(String line) {
        System.out.println("[benchmark " + Instant.now().toString().substring(11, 19) + "] " + line);
    }

    /** The operators watching besides the one that times the frames. */
    private record Watchers(List<ConsoleWatch> all) implements AutoCloseable {

        Watchers(int count, Supplier<ConsoleWatch> watcher) {
            this(Stream.generate(watcher).limit(count).toList());
        }

        /** The fewest change frames one of them has read so far (of the timing one's, when there are none). */
        long fewestChanges(ConsoleWatch timing) {
            return Stream.concat(Stream.of(timing), all.stream()).mapToLong(ConsoleWatch::changes).min().orElse(0);
        }

        @Override
        public void close() {
            all.forEach(ConsoleWatch::close);
        }
    }
}
