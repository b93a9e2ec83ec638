package io.liandong.devstack;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

import io.liandong.contracts.Topics;

/**
 * The whole system on one machine: a Kafka broker, a PostgreSQL server with one database per
 * service, and the services as child JVMs ({@code java -jar <service>/target/quarkus-app/quarkus-run.jar}).
 *
 * <pre>
 * try (Stack stack = Stack.builder().dataDir(tmp).freePorts().build().start()) {
 *     String grievance = stack.serviceUrl("grievance-service");   // http://127.0.0.1:NNNNN
 *     try (Connection c = stack.postgres().connect("grievance")) { ... }
 * }
 * </pre>
 *
 * <p>Data stays in the data directory across runs ({@code fresh(true)} wipes it first). {@link #stop()}
 * stops everything in reverse order: the services (SIGTERM, then a kill after the stop timeout),
 * then Kafka, then PostgreSQL. Every child carries {@code -Dliandong.stack.dir=<data dir>} on its
 * command line and is killed if this JVM dies without stopping it (Linux).
 */
public final class Stack implements AutoCloseable {

    /**
     * The services' JVM options unless told otherwise: the client compiler only and the serial
     * collector. Four services, Kafka and PostgreSQL share a developer's few cores; the optimising
     * compiler's and G1's threads took the CPU that starting and handling events needed (measured in
     * docs/benchmarks.md, "JVM options"). The heap starts at 64 MB and grows as needed: the JVM's own
     * start size is 1/64 of the machine's memory, which on 24 GB is the whole 256 MB heap, and each
     * service's memory grew to it (docs/benchmarks.md, "Start: a trained class archive"). Class metadata
     * may reach 128 MB before it first asks for a full collection: a service's classes take 90–100 MB
     * once it has served, and the JVM's own 21 MB threshold stopped each service three times while it
     * started and once more under load (docs/benchmarks.md, "Collections for class metadata").
     */
    public static final List<String> DEFAULT_SERVICE_JVM_OPTIONS =
            List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xms64m", "-XX:MetaspaceSize=128m");

    /** JVM options written as one string, separated by spaces; a blank string is none. */
    public static List<String> jvmOptions(String written) {
        return Arrays.stream(written.trim().split("\\s+")).filter(o -> !o.isEmpty()).toList();
    }

    /** The four services, in start order, with their default HTTP ports. */
    public static final Map<String, Integer> DEFAULT_SERVICES = defaults();
    public static final int DEFAULT_KAFKA_PORT = 9092;
    public static final int DEFAULT_POSTGRES_PORT = 15432;
    /** Partitions of every topic of event-contracts, as in the production manifests. */
    static final int TOPIC_PARTITIONS = 3;
    static final String MARKER_PROPERTY = "liandong.stack.dir";

    private static Map<String, Integer> defaults() {
        Map<String, Integer> map = new LinkedHashMap<>();
        map.put("grievance-service", 8081);
        map.put("dispatch-service", 8082);
        map.put("department-service", 8083);
        map.put("followup-service", 8084);
        return java.util.Collections.unmodifiableMap(map);
    }

    /** A service of the stack. {@code database} is its own database on the shared server. */
    public record Service(String name, int port, String database, Path jar, Map<String, String> properties) {
        public Service {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(database, "database");
            Objects.requireNonNull(jar, "jar");
            properties = Map.copyOf(properties);
        }
    }

    private final Path dataDir;
    private final boolean fresh;
    private final int requestedKafkaPort;
    private final int requestedPostgresPort;
    private final List<Service> services;
    private final Set<String> databases;
    private final String serviceHeap;
    private final List<String> serviceJvmOptions;
    private final boolean classArchives;
    private final Path classArchiveDir;
    private final Duration readyTimeout;
    private final Duration stopTimeout;
    private final Path workingDir;
    private final KafkaBroker kafka;
    private final DevPostgres postgres;

    private final Map<String, Running> running = new LinkedHashMap<>();
    private volatile boolean stopping;
    private boolean started;

    private record Running(Service service, Process process, Process reaper, ClassArchive archive) {

        /** How long the process may take to stop: a training run also writes its archive as it exits. */
        Duration stopTimeout(Duration usual) {
            return archive != null && archive.training() ? usual.plus(ClassArchive.WRITING_TIME) : usual;
        }

        /** After the process has ended on a stop of the stack: a trained class archive is kept. */
        void stopped() {
            if (archive != null) {
                // 137: killed (SIGKILL) after the stop timeout, so its archive may be cut short.
                archive.afterExit(!process.isAlive() && process.exitValue() != 137);
            }
        }
    }

    private Stack(Builder b) {
        this.dataDir = b.dataDir.toAbsolutePath().normalize();
        this.fresh = b.fresh;
        this.requestedKafkaPort = b.kafkaPort;
        this.requestedPostgresPort = b.postgresPort;
        this.serviceHeap = b.serviceHeap;
        this.serviceJvmOptions = List.copyOf(b.serviceJvmOptions);
        this.classArchives = b.classArchives;
        this.classArchiveDir = (b.classArchiveDir == null ? dataDir.resolve("classes") : b.classArchiveDir).toAbsolutePath().normalize();
        this.readyTimeout = b.readyTimeout;
        this.stopTimeout = b.stopTimeout;
        this.workingDir = b.repoDir.toAbsolutePath().normalize();
        List<Service> list = new ArrayList<>();
        for (Map.Entry<String, Integer> entry : b.selected.entrySet()) {
            String name = entry.getKey();
            int port = entry.getValue() == 0 ? Processes.freePort() : entry.getValue();
            Path jar = b.jars.getOrDefault(name,
                    workingDir.resolve(name).resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar"));
            Map<String, String> props = new LinkedHashMap<>(LocalIdentity.serviceProperties(identityDir()));
            props.putAll(b.systemProperties);
            props.putAll(b.serviceProperties.getOrDefault(name, Map.of()));
            list.add(new Service(name, port, b.databases.getOrDefault(name, databaseOf(name)), jar, props));
        }
        this.services = List.copyOf(list);
        Set<String> dbs = new LinkedHashSet<>();
        DEFAULT_SERVICES.keySet().forEach(n -> dbs.add(databaseOf(n)));
        services.forEach(s -> dbs.add(s.database()));
        this.databases = dbs;
        this.kafka = KafkaBroker.builder()
                .dataDir(dataDir.resolve("kafka"))
                .port(b.kafkaPort)
                .logFile(dataDir.resolve("logs").resolve("kafka.log"))
                .heap(b.kafkaHeap)
                .jvmArg("-D" + MARKER_PROPERTY + "=" + dataDir)
                .build();
        DevPostgres.Builder pg = DevPostgres.builder()
                .dataDir(dataDir.resolve("postgres"))
                .keepData(true)
                .port(b.postgresPort)
                .logFile(dataDir.resolve("logs").resolve("postgres.log"));
        if (b.postgresSources != null) {
            pg.sources(b.postgresSources);
        }
        this.postgres = pg.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code grievance-service} -> {@code grievance}. */
    public static String databaseOf(String serviceName) {
        return serviceName.endsWith("-service") ? serviceName.substring(0, serviceName.length() - "-service".length()) : serviceName;
    }

    /**
     * Starts Kafka, PostgreSQL (creating missing databases) and the services, and returns once every
     * service answers {@code GET /q/health/ready} with 200. On failure everything started is stopped
     * again and a {@link DevstackException} names what failed, with the end of its log.
     */
    public synchronized Stack start() {
        if (started) {
            return this;
        }
        started = true;
        stopping = false;
        try {
            prepare();
            checkStopping();
            kafka.start();
            kafka.createTopics(Topics.ALL, TOPIC_PARTITIONS);
            checkStopping();
            postgres.start();
            for (String db : databases) {
                postgres.createDatabaseIfMissing(db);
            }
            for (Service service : services) {
                checkStopping();
                launch(service);
            }
            awaitReady(services.stream().map(Service::name).toList());
            return this;
        } catch (RuntimeException e) {
            stopQuietly();
            throw e;
        }
    }

    /** Stops the services (in reverse order), then Kafka, then PostgreSQL. Safe to call twice, or during start. */
    public void stop() {
        stopping = true;
        List<Running> children;
        synchronized (running) {
            children = new ArrayList<>(running.values());
            running.clear();
        }
        java.util.Collections.reverse(children);
        for (Running child : children) {
            child.process().destroy(); // SIGTERM to all first, so they shut down side by side
        }
        for (Running child : children) {
            Processes.stop(child.process().toHandle(), child.stopTimeout(stopTimeout));
            Processes.dismiss(child.reaper());
            child.stopped();
        }
        synchronized (this) {
            try {
                kafka.stop();
            } finally {
                postgres.stop();
                started = false;
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Stops one service (SIGTERM, then a kill after the stop timeout). */
    public void stopService(String name) {
        Running child;
        synchronized (running) {
            child = running.remove(name);
        }
        if (child != null) {
            Processes.stop(child.process().toHandle(), child.stopTimeout(stopTimeout));
            Processes.dismiss(child.reaper());
            child.stopped();
        }
    }

    /** Starts one service again (same port, same database) and waits until it is ready. */
    public void startService(String name) {
        Service service = service(name);
        synchronized (running) {
            Running child = running.get(name);
            if (child != null && child.process().isAlive()) {
                return;
            }
        }
        launch(service);
        awaitReady(List.of(name));
    }

    // ---- what tests and the launcher read ---------------------------------------------------------

    public Path dataDir() {
        return dataDir;
    }

    /** The stack's identity provider: its key is made on first start and kept in the data directory. */
    public LocalIdentity identity() {
        return LocalIdentity.in(identityDir());
    }

    private Path identityDir() {
        return dataDir.resolve("identity");
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public DevPostgres postgres() {
        return postgres;
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** The services of this stack, in start order. */
    public List<Service> services() {
        return services;
    }

    public int servicePort(String name) {
        return service(name).port();
    }

    /** {@code http://127.0.0.1:<port>} of a service. */
    public String serviceUrl(String name) {
        return "http://127.0.0.1:" + servicePort(name);
    }

    /** The JDBC URL of a service's database; takes the service name or the database name. */
    public String jdbcUrl(String serviceOrDatabase) {
        String db = services.stream().filter(s -> s.name().equals(serviceOrDatabase)).map(Service::database).findFirst()
                .orElse(DEFAULT_SERVICES.containsKey(serviceOrDatabase) ? databaseOf(serviceOrDatabase) : serviceOrDatabase);
        return postgres.jdbcUrl(db);
    }

    public String username() {
        return postgres.username();
    }

    public String password() {
        return postgres.password();
    }

    public Path logFile(String name) {
        return dataDir.resolve("logs").resolve(name + ".log");
    }

    /** Process ids of what runs now: {@code kafka}, {@code postgres} (if embedded) and each running service. */
    public Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        kafka.pid().ifPresent(pid -> pids.put("kafka", pid));
        if (postgres.isRunning()) {
            postgres.pid().ifPresent(pid -> pids.put("postgres", pid));
        }
        synchronized (running) {
            running.forEach((name, child) -> {
                if (child.process().isAlive()) {
                    pids.put(name, child.process().pid());
                }
            });
        }
        return pids;
    }

    /** A service's process id while it runs. */
    public OptionalLong servicePid(String name) {
        synchronized (running) {
            Running child = running.get(name);
            return child != null && child.process().isAlive() ? OptionalLong.of(child.process().pid()) : OptionalLong.empty();
        }
    }

    /** Services whose process ended without {@link #stopService}, with their exit codes. */
    public Map<String, Integer> exitedServices() {
        Map<String, Integer> exited = new LinkedHashMap<>();
        synchronized (running) {
            running.forEach((name, child) -> {
                if (!child.process().isAlive()) {
                    exited.put(name, child.process().exitValue());
                }
            });
        }
        return exited;
    }

    // ---- internals ----------------------------------------------------------------------------------

    private Service service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service '" + name + "' in this stack; it has "
                        + services.stream().map(Service::name).toList()));
    }

    private void prepare() {
        List<String> missing = new ArrayList<>();
        for (Service service : services) {
            if (!Files.isRegularFile(service.jar())) {
                missing.add("  - " + service.name() + ": " + service.jar());
            }
        }
        if (!missing.isEmpty()) {
            throw new DevstackException("not built yet:\n" + String.join("\n", missing)
                    + "\nRun 'mvn -B install -DskipTests' at the repository root (./liandong up does it when something is missing).");
        }
        if (fresh) {
            Launcher.wipe(dataDir);
        }
        LocalIdentity.in(identityDir());
        try {
            Files.createDirectories(dataDir.resolve("logs"));
        } catch (IOException e) {
            throw new DevstackException("could not create " + dataDir + ": " + e.getMessage(), e);
        }
        if (requestedKafkaPort != 0) {
            Processes.requireFreePort(requestedKafkaPort, "Kafka", Launcher.KEY_KAFKA_PORT);
        }
        if (requestedPostgresPort != 0) {
            Processes.requireFreePort(requestedPostgresPort, "PostgreSQL", Launcher.KEY_POSTGRES_PORT);
        }
        for (Service service : services) {
            Processes.requireFreePort(service.port(), service.name(), Launcher.portKey(service.name()));
        }
    }

    private void checkStopping() {
        if (stopping) {
            throw new DevstackException("the stack is being stopped");
        }
    }

    private void launch(Service service) {
        Path log = logFile(service.name());
        List<String> command = new ArrayList<>(Processes.ownSessionPrefix());
        command.add(Processes.javaExecutable());
        command.add("-Xmx" + serviceHeap);
        command.addAll(serviceJvmOptions);
        ClassArchive archive = classArchives ? ClassArchive.of(classArchiveDir, service.name(), service.jar()) : null;
        if (archive != null) {
            command.addAll(archive.jvmOptions());
        }
        command.add("-Dquarkus.http.port=" + service.port());
        command.add("-Dkafka.bootstrap.servers=" + kafka.bootstrapServers());
        command.add("-Dquarkus.datasource.jdbc.url=" + postgres.jdbcUrl(service.database()));
        command.add("-Dquarkus.datasource.username=" + postgres.username());
        command.add("-Dquarkus.datasource.password=" + postgres.password());
        command.add("-D" + MARKER_PROPERTY + "=" + dataDir);
        service.properties().forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(service.jar().toString());
        Process process;
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "=== " + java.time.Instant.now() + " starting: " + String.join(" ", command) + "\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            process = new ProcessBuilder(command)
                    .directory(workingDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File(File.separatorChar == '/' ? "/dev/null" : "NUL")))
                    .start();
        } catch (IOException e) {
            throw new DevstackException("could not start " + service.name() + ": " + e.getMessage(), e);
        }
        Process reaper = Processes.guardAgainstOrphan(process.pid(), "-D" + MARKER_PROPERTY + "=" + dataDir, "TERM").orElse(null);
        synchronized (running) {
            running.put(service.name(), new Running(service, process, reaper, archive));
        }
    }

    private void awaitReady(List<String> names) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + readyTimeout.toNanos();
        List<String> pending = new ArrayList<>(names);
        while (!pending.isEmpty()) {
            for (String name : new ArrayList<>(pending)) {
                checkStopping();
                Running child;
                synchronized (running) {
                    child = running.get(name);
                }
                if (child == null || !child.process().isAlive()) {
                    String code = child == null ? "?" : Integer.toString(child.process().exitValue());
                    throw new DevstackException(name + " exited during startup (exit code " + code + ")\n"
                            + Processes.tail(logFile(name), 60));
                }
                if (isReady(http, child.service().port())) {
                    pending.remove(name);
                }
            }
            if (pending.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                StringBuilder text = new StringBuilder();
                for (String name : pending) {
                    text.append(name).append(" was not ready after ").append(readyTimeout.toSeconds())
                            .append(" s (GET ").append(serviceUrl(name)).append("/q/health/ready did not answer 200)\n")
                            .append(Processes.tail(logFile(name), 60)).append('\n');
                }
                throw new DevstackException(text.toString().trim());
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DevstackException("interrupted while waiting for " + pending, e);
            }
        }
    }

    private static boolean isReady(HttpClient http, int port) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void stopQuietly() {
        try {
            stop();
        } catch (RuntimeException ignored) {
            // the original failure matters more
        }
    }

    /** Settings of a {@link Stack}. */
    public static final class Builder {
        private Path dataDir = Path.of(".liandong");
        private Path repoDir = Path.of("");
        private boolean fresh;
        private int kafkaPort = DEFAULT_KAFKA_PORT;
        private int postgresPort = DEFAULT_POSTGRES_PORT;
        private final Map<String, Integer> selected = new LinkedHashMap<>(DEFAULT_SERVICES);
        private final Map<String, Path> jars = new LinkedHashMap<>();
        private final Map<String, String> databases = new LinkedHashMap<>();
        private final Map<String, String> systemProperties = new LinkedHashMap<>();
        private final Map<String, Map<String, String>> serviceProperties = new LinkedHashMap<>();
        private String serviceHeap = "256m";
        private List<String> serviceJvmOptions = DEFAULT_SERVICE_JVM_OPTIONS;
        private boolean classArchives = true;
        private Path classArchiveDir;
        private String kafkaHeap = Config.get("liandong.devstack.kafka.heap", "384m");
        private String postgresSources;
        private Duration readyTimeout = Duration.ofSeconds(90);
        private Duration stopTimeout = Duration.ofSeconds(10);

        private Builder() {
        }

        /** Where Kafka, PostgreSQL, logs and run files live (default {@code .liandong}). */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        /** The repository root: services' jars are {@code <repo>/<name>/target/quarkus-app/quarkus-run.jar}. */
        public Builder repoDir(Path repoDir) {
            this.repoDir = repoDir;
            return this;
        }

        /** Wipe the data directory before starting. */
        public Builder fresh(boolean fresh) {
            this.fresh = fresh;
            return this;
        }

        /** 0 picks a free port. Default 9092. */
        public Builder kafkaPort(int port) {
            this.kafkaPort = port;
            return this;
        }

        /** The embedded PostgreSQL port; 0 picks a free port. Default 15432. */
        public Builder postgresPort(int port) {
            this.postgresPort = port;
            return this;
        }

        /** The HTTP port of one of the selected services; 0 picks a free port. */
        public Builder servicePort(String name, int port) {
            if (!selected.containsKey(name)) {
                throw new IllegalArgumentException("no service '" + name + "' selected; selected: " + selected.keySet());
            }
            selected.put(name, port);
            return this;
        }

        /** Every port (Kafka, PostgreSQL, services) picked free: for tests beside a running stack. */
        public Builder freePorts() {
            kafkaPort = 0;
            postgresPort = 0;
            selected.replaceAll((k, v) -> 0);
            return this;
        }

        /** Which of the four services to run (default all, in their order); empty runs Kafka and PostgreSQL only. */
        public Builder services(Collection<String> names) {
            Map<String, Integer> keep = new LinkedHashMap<>();
            for (String name : names) {
                Integer port = selected.containsKey(name) ? selected.get(name) : DEFAULT_SERVICES.get(name);
                if (port == null) {
                    throw new IllegalArgumentException("unknown service '" + name + "'; known: " + DEFAULT_SERVICES.keySet());
                }
                keep.put(name, port);
            }
            selected.clear();
            selected.putAll(keep);
            return this;
        }

        /** Kafka and PostgreSQL only. */
        public Builder withoutServices() {
            selected.clear();
            return this;
        }

        /** Another service (or one of the four with another jar): its database is created if missing. */
        public Builder addService(String name, int port, String database, Path jar) {
            selected.put(name, port);
            databases.put(name, database);
            jars.put(name, jar);
            return this;
        }

        /** A {@code -Dkey=value} for every service. */
        public Builder systemProperty(String key, String value) {
            systemProperties.put(key, value);
            return this;
        }

        /** A {@code -Dkey=value} for one service. */
        public Builder serviceProperty(String service, String key, String value) {
            serviceProperties.computeIfAbsent(service, k -> new LinkedHashMap<>()).put(key, value);
            return this;
        }

        /** Maximum heap of each service JVM (default {@code 256m}). */
        public Builder serviceHeap(String heap) {
            this.serviceHeap = heap;
            return this;
        }

        /**
         * The JVM options of each service, after {@code -Xmx} (default {@link #DEFAULT_SERVICE_JVM_OPTIONS});
         * an empty list runs the JVM's own defaults.
         */
        public Builder serviceJvmOptions(List<String> options) {
            this.serviceJvmOptions = List.copyOf(options);
            return this;
        }

        /**
         * Whether each service starts from a class archive trained by its previous run in this data
         * directory (default true; see {@link ClassArchive}).
         */
        public Builder classArchives(boolean classArchives) {
            this.classArchives = classArchives;
            return this;
        }

        /** Where the class archives are kept (default {@code <data>/classes}): stacks may share one. */
        public Builder classArchiveDir(Path directory) {
            this.classArchiveDir = directory;
            return this;
        }

        public Builder kafkaHeap(String heap) {
            this.kafkaHeap = heap;
            return this;
        }

        /** Overrides {@code liandong.devstack.db.sources} for this stack, e.g. {@code url} or {@code embedded}. */
        public Builder postgresSources(String csv) {
            this.postgresSources = csv;
            return this;
        }

        /** How long services may take to report ready (default 90 s). */
        public Builder readyTimeout(Duration timeout) {
            this.readyTimeout = timeout;
            return this;
        }

        /** How long a service may take to stop after SIGTERM before it is killed (default 10 s). */
        public Builder stopTimeout(Duration timeout) {
            this.stopTimeout = timeout;
            return this;
        }

        public Stack build() {
            return new Stack(this);
        }
    }
}
