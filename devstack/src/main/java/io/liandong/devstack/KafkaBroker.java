package io.liandong.devstack;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;

/**
 * A real Apache Kafka broker (KRaft, broker and controller in one node) running in a child JVM.
 *
 * <p>The broker's classpath comes from the {@code devstack-kafka-broker} module and never touches
 * the classpath of this JVM. The child runs under {@link ParentWatchdog}, so it ends when this JVM
 * ends, even after {@code kill -9}; a shutdown hook also stops it on a normal exit.
 *
 * <p>Ports and data directory are fixed when the broker is built, so {@link #stop()} followed by
 * {@link #start()} brings the same broker back on the same port with its topics and records.
 */
public final class KafkaBroker implements AutoCloseable {

    static final String CLASSPATH_RESOURCE = "io/liandong/devstack/kafka-broker.classpath";
    static final String MARKER_PROPERTY = "liandong.devstack.kafka.dir";
    private static final String HOST = "127.0.0.1";

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final String heap;
    private final Duration startTimeout;
    private final Duration stopTimeout;
    private final Path logFile;
    private final Map<String, String> extraProperties;
    private final List<String> extraJvmArgs;

    private Process process;
    private boolean exitHookRegistered;

    private KafkaBroker(Builder builder) {
        this.dataDir = Objects.requireNonNull(builder.dataDir, "dataDir").toAbsolutePath().normalize();
        this.port = builder.port == 0 ? Processes.freePort() : builder.port;
        int controller = builder.controllerPort == 0 ? Processes.freePort() : builder.controllerPort;
        while (controller == this.port) {
            controller = Processes.freePort();
        }
        this.controllerPort = controller;
        this.heap = builder.heap;
        this.startTimeout = builder.startTimeout;
        this.stopTimeout = builder.stopTimeout;
        this.logFile = (builder.logFile == null ? dataDir.resolve("broker.log") : builder.logFile).toAbsolutePath();
        this.extraProperties = new LinkedHashMap<>(builder.properties);
        this.extraJvmArgs = List.copyOf(builder.jvmArgs);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A broker in {@code dataDir} on {@code port} (0 picks a free port, kept across restarts). */
    public static KafkaBroker create(Path dataDir, int port) {
        return builder().dataDir(dataDir).port(port).build();
    }

    /**
     * Starts the broker (formatting its storage the first time) and returns once it answers
     * requests. Does nothing if it already runs.
     *
     * @throws DevstackException if it does not come up within the start timeout; the message holds
     *         the tail of the broker log
     */
    public synchronized KafkaBroker start() {
        if (isRunning()) {
            return this;
        }
        try {
            Files.createDirectories(storageDir());
            Files.createDirectories(logFile.getParent());
        } catch (IOException e) {
            throw new DevstackException("could not create the Kafka data directory " + dataDir + ": " + e.getMessage(), e);
        }
        if (Processes.portInUse(port)) {
            throw new DevstackException("Kafka cannot listen on 127.0.0.1:" + port + ": the port is in use."
                    + " Stop what holds it or choose another port (0 picks a free one).");
        }
        writeConfiguration();
        String classpath = childClasspath();
        if (!Files.exists(storageDir().resolve("meta.properties"))) {
            format(classpath);
        }

        List<String> command = new ArrayList<>(Processes.ownSessionPrefix());
        command.add(Processes.javaExecutable());
        command.add("-Xms64m");
        command.add("-Xmx" + heap);
        command.add("-XX:+UseSerialGC");
        command.add("-Djava.awt.headless=true");
        command.add("-Dlog4j2.configurationFile=" + dataDir.resolve("log4j2.properties"));
        command.add("-D" + MARKER_PROPERTY + "=" + dataDir);
        command.addAll(extraJvmArgs);
        command.add("-cp");
        command.add(classpath);
        command.add(ParentWatchdog.class.getName());
        command.add("kafka.Kafka");
        command.add(dataDir.resolve("server.properties").toString());

        long started = System.nanoTime();
        try {
            process = new ProcessBuilder(command)
                    .directory(dataDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
        } catch (IOException e) {
            throw new DevstackException("could not start the Kafka broker JVM (" + command.get(0) + "): " + e.getMessage(), e);
        }
        // The child's stdin stays open (never written) for as long as this JVM lives: see ParentWatchdog.
        Processes.writeString(pidFile(), process.pid() + "\n");
        registerExitHook();
        awaitReady(started);
        return this;
    }

    /** Stops the broker: SIGTERM (a clean shutdown), then a kill after the stop timeout. */
    public synchronized void stop() {
        ProcessHandle handle = handle();
        if (handle != null) {
            boolean gone = Processes.stop(handle, stopTimeout);
            if (!gone) {
                throw new DevstackException("the Kafka broker (pid " + handle.pid() + ") did not stop");
            }
        }
        if (process != null) {
            Processes.closeQuietly(process.getOutputStream());
            process = null;
        }
        try {
            Files.deleteIfExists(pidFile());
        } catch (IOException ignored) {
            // harmless
        }
    }

    /** {@link #stop()} then {@link #start()}: same port, same data. */
    public synchronized KafkaBroker restart() {
        stop();
        return start();
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Creates the topics that do not exist yet, with {@code partitions} partitions, as the
     * production manifests do; a consumer subscribed before the first publish then does not wait
     * for an auto-created topic to be discovered.
     */
    public void createTopics(Collection<String> names, int partitions) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = names.stream().filter(name -> !existing.contains(name))
                    .map(name -> new NewTopic(name, partitions, (short) 1)).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
            awaitTopics(admin, names);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevstackException("interrupted while creating topics " + names, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new DevstackException("could not create topics " + names + " on " + bootstrapServers() + ": "
                    + e.getMessage() + "; broker log: " + logFile, e);
        }
    }

    /** A created topic reaches the broker's metadata a moment after the controller accepts it. */
    private void awaitTopics(Admin admin, Collection<String> names) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                admin.describeTopics(names).allTopicNames().get(10, TimeUnit.SECONDS);
                return;
            } catch (ExecutionException e) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("topics " + names + " not visible after 30 s: " + e.getCause().getMessage());
                }
                Thread.sleep(50);
            }
        }
    }

    /** Whether the broker process is alive (it may still be starting). */
    public synchronized boolean isRunning() {
        return handle() != null;
    }

    /** {@code 127.0.0.1:<port>}, valid before the first start. */
    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path logFile() {
        return logFile;
    }

    /** The broker's process id while it runs. */
    public synchronized OptionalLong pid() {
        ProcessHandle handle = handle();
        return handle == null ? OptionalLong.empty() : OptionalLong.of(handle.pid());
    }

    @Override
    public String toString() {
        return "KafkaBroker[" + bootstrapServers() + ", " + dataDir + (isRunning() ? ", running" : "") + "]";
    }

    // ---------------------------------------------------------------------------------------------

    private Path storageDir() {
        return dataDir.resolve("data");
    }

    private Path pidFile() {
        return dataDir.resolve("broker.pid");
    }

    /** The live broker process: ours, or one started on this data directory by another instance. */
    private ProcessHandle handle() {
        if (process != null) {
            if (process.isAlive()) {
                return process.toHandle();
            }
            Processes.closeQuietly(process.getOutputStream());
            process = null;
        }
        OptionalLong pid = Processes.readPid(pidFile());
        if (pid.isEmpty()) {
            return null;
        }
        return ProcessHandle.of(pid.getAsLong())
                .filter(ProcessHandle::isAlive)
                .filter(h -> Processes.commandLineContains(h, "-D" + MARKER_PROPERTY + "=" + dataDir))
                .orElse(null);
    }

    private void registerExitHook() {
        if (exitHookRegistered) {
            return;
        }
        exitHookRegistered = true;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Process owned;
            synchronized (this) {
                owned = process;
            }
            if (owned != null && owned.isAlive()) {
                Processes.stop(owned.toHandle(), Duration.ofSeconds(10));
            }
        }, "devstack-kafka-stop"));
    }

    private void writeConfiguration() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("process.roles", "broker,controller");
        config.put("node.id", "1");
        config.put("controller.quorum.voters", "1@" + HOST + ":" + controllerPort);
        config.put("listeners", "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
        config.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        config.put("controller.listener.names", "CONTROLLER");
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("log.dirs", storageDir().toString());
        config.put("num.partitions", "3");
        config.put("default.replication.factor", "1");
        config.put("min.insync.replicas", "1");
        config.put("auto.create.topics.enable", "true");
        config.put("offsets.topic.replication.factor", "1");
        config.put("offsets.topic.num.partitions", "10");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("transaction.state.log.num.partitions", "10");
        config.put("share.coordinator.state.topic.replication.factor", "1");
        config.put("share.coordinator.state.topic.min.isr", "1");
        config.put("group.initial.rebalance.delay.ms", "0");
        config.putAll(extraProperties);

        StringBuilder text = new StringBuilder("# Written by devstack on every start; edit KafkaBroker.Builder#property instead.\n");
        config.forEach((k, v) -> text.append(k).append('=').append(v.replace("\\", "\\\\")).append('\n'));
        Processes.writeString(dataDir.resolve("server.properties"), text.toString());

        Processes.writeString(dataDir.resolve("log4j2.properties"), String.join("\n",
                "status = warn",
                "shutdownHook = disable",
                "appender.out.type = Console",
                "appender.out.name = OUT",
                "appender.out.layout.type = PatternLayout",
                "appender.out.layout.pattern = [%d] %p %m (%c)%n",
                "rootLogger.level = INFO",
                "rootLogger.appenderRef.out.ref = OUT",
                "logger.request.name = kafka.request.logger",
                "logger.request.level = WARN",
                "logger.config.name = org.apache.kafka.common.config.AbstractConfig",
                "logger.config.level = WARN",
                ""));
    }

    private void format(String classpath) {
        String clusterId = Uuid.randomUuid().toString();
        List<String> command = List.of(Processes.javaExecutable(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Dlog4j2.configurationFile=" + dataDir.resolve("log4j2.properties"),
                "-cp", classpath, "kafka.tools.StorageTool", "format",
                "--cluster-id", clusterId,
                "--config", dataDir.resolve("server.properties").toString(),
                "--ignore-formatted");
        try {
            Process format = new ProcessBuilder(command)
                    .directory(dataDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(nullFile()))
                    .start();
            if (!format.waitFor(startTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                format.destroyForcibly();
                throw new DevstackException("formatting Kafka storage in " + storageDir() + " took longer than " + startTimeout
                        + "\n" + Processes.tail(logFile, 40));
            }
            if (format.exitValue() != 0) {
                throw new DevstackException("formatting Kafka storage in " + storageDir() + " failed (exit code "
                        + format.exitValue() + ")\n" + Processes.tail(logFile, 40));
            }
        } catch (IOException e) {
            throw new DevstackException("could not run the Kafka storage tool: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevstackException("interrupted while formatting Kafka storage", e);
        }
    }

    private static File nullFile() {
        return new File(System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private void awaitReady(long startedNanos) {
        long deadline = startedNanos + startTimeout.toNanos();
        // First the port: until it accepts connections the admin client would only log warnings.
        while (!accepts(port)) {
            failIfDeadOrLate(deadline, null);
            pause(50);
        }
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "devstack-readiness");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "200");
        Exception last = null;
        QuietClientLogs quiet = new QuietClientLogs();
        try (quiet; Admin admin = Admin.create(props)) {
            while (true) {
                try {
                    if (!admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000)).nodes().get().isEmpty()) {
                        return;
                    }
                } catch (Exception e) {
                    if (e instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                        throw new DevstackException("interrupted while waiting for Kafka", e);
                    }
                    last = e;
                }
                failIfDeadOrLate(deadline, last);
                pause(100);
            }
        }
    }

    /** Keeps the readiness client's INFO chatter (its whole configuration, version banners) out of test logs. */
    private static final class QuietClientLogs implements AutoCloseable {
        private static final List<String> NAMES = List.of("org.apache.kafka.common.config.AbstractConfig",
                "org.apache.kafka.common.utils.AppInfoParser", "org.apache.kafka.common.metrics.Metrics",
                "org.apache.kafka.clients.admin");
        private final List<java.util.logging.Logger> loggers = new ArrayList<>();
        private final List<java.util.logging.Level> levels = new ArrayList<>();

        QuietClientLogs() {
            for (String name : NAMES) {
                java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
                loggers.add(logger);
                levels.add(logger.getLevel());
                logger.setLevel(java.util.logging.Level.WARNING);
            }
        }

        @Override
        public void close() {
            for (int i = 0; i < loggers.size(); i++) {
                loggers.get(i).setLevel(levels.get(i));
            }
        }
    }

    private void failIfDeadOrLate(long deadline, Exception last) {
        Process p = process;
        if (p == null || !p.isAlive()) {
            String code = p == null ? "?" : Integer.toString(p.exitValue());
            process = null;
            throw new DevstackException("the Kafka broker exited during startup (exit code " + code + ")\n"
                    + Processes.tail(logFile, 60));
        }
        if (System.nanoTime() > deadline) {
            String reason = last == null ? "port " + port + " never accepted connections" : String.valueOf(last.getMessage());
            stop();
            throw new DevstackException("the Kafka broker at " + bootstrapServers() + " was not ready after " + startTimeout.toSeconds()
                    + " s (" + reason + ")\n" + Processes.tail(logFile, 60));
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getByName(HOST), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevstackException("interrupted while waiting for Kafka", e);
        }
    }

    /** This JVM's copy of {@link ParentWatchdog} in its own folder, then the broker's jars. */
    private String childClasspath() {
        Path watchdogRoot = dataDir.resolve("watchdog");
        String classFile = ParentWatchdog.class.getName().replace('.', '/') + ".class";
        byte[] bytes = Processes.readResource(ParentWatchdog.class, "/" + classFile);
        if (bytes == null) {
            throw new DevstackException("cannot read " + classFile + " from the devstack jar");
        }
        try {
            Path target = watchdogRoot.resolve(classFile);
            Files.createDirectories(target.getParent());
            Files.write(target, bytes);
        } catch (IOException e) {
            throw new DevstackException("could not write the watchdog class to " + watchdogRoot + ": " + e.getMessage(), e);
        }
        return watchdogRoot + File.pathSeparator + brokerClasspath();
    }

    /** The broker's runtime classpath recorded by the devstack-kafka-broker build. */
    static String brokerClasspath() {
        String text = null;
        for (ClassLoader loader : new ClassLoader[] {KafkaBroker.class.getClassLoader(),
                Thread.currentThread().getContextClassLoader(), ClassLoader.getSystemClassLoader()}) {
            if (loader == null) {
                continue;
            }
            try (InputStream in = loader.getResourceAsStream(CLASSPATH_RESOURCE)) {
                if (in != null) {
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
                    break;
                }
            } catch (IOException ignored) {
                // try the next loader
            }
        }
        if (text == null || text.isEmpty()) {
            throw new DevstackException("the Kafka broker classpath (" + CLASSPATH_RESOURCE + ") is not on the classpath."
                    + " It is built by the module devstack/kafka-broker (io.liandong:devstack-kafka-broker), a dependency of"
                    + " devstack: run 'mvn -B install -DskipTests' at the repository root.");
        }
        List<String> missing = new ArrayList<>();
        for (String entry : text.split(java.util.regex.Pattern.quote(File.pathSeparator))) {
            if (!entry.isBlank() && !Files.exists(Path.of(entry))) {
                missing.add(entry);
            }
        }
        if (!missing.isEmpty()) {
            throw new DevstackException("the Kafka broker classpath names " + missing.size() + " file(s) that are missing, e.g. "
                    + missing.get(0) + ". The local Maven repository changed since devstack/kafka-broker was built:"
                    + " run 'mvn -B install -DskipTests -pl devstack/kafka-broker' at the repository root.");
        }
        return text;
    }

    /** Settings of a {@link KafkaBroker}. */
    public static final class Builder {
        private Path dataDir;
        private int port;
        private int controllerPort;
        private String heap = Config.get("liandong.devstack.kafka.heap", "384m");
        private Duration startTimeout = Config.getSeconds("liandong.devstack.kafka.start-timeout", Duration.ofSeconds(60));
        private Duration stopTimeout = Duration.ofSeconds(20);
        private Path logFile;
        private final Map<String, String> properties = new LinkedHashMap<>();
        private final List<String> jvmArgs = new ArrayList<>();

        private Builder() {
        }

        /** Where configuration, storage and (by default) the log live. Required. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        /** The PLAINTEXT port on 127.0.0.1; 0 (default) picks a free one once, kept across restarts. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The CONTROLLER port on 127.0.0.1; 0 (default) picks a free one. */
        public Builder controllerPort(int controllerPort) {
            this.controllerPort = controllerPort;
            return this;
        }

        /** Maximum heap of the broker JVM, e.g. {@code 384m} (default). */
        public Builder heap(String heap) {
            this.heap = heap;
            return this;
        }

        public Builder startTimeout(Duration startTimeout) {
            this.startTimeout = startTimeout;
            return this;
        }

        public Builder stopTimeout(Duration stopTimeout) {
            this.stopTimeout = stopTimeout;
            return this;
        }

        /** The broker's output (default {@code <dataDir>/broker.log}). */
        public Builder logFile(Path logFile) {
            this.logFile = logFile;
            return this;
        }

        /** An extra or overriding {@code server.properties} entry. */
        public Builder property(String key, String value) {
            this.properties.put(key, value);
            return this;
        }

        /** An extra argument for the broker JVM (before the main class). */
        public Builder jvmArg(String arg) {
            this.jvmArgs.add(arg);
            return this;
        }

        public KafkaBroker build() {
            return new KafkaBroker(this);
        }
    }
}
