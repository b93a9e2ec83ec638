package io.liandong.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the {@link Stack} in the foreground: {@code Launcher up [--fresh] [--data DIR] [--services a,b|none]}.
 *
 * <p>Prints the addresses, writes {@code <data>/run/launcher.pid}, one {@code <name>.pid} per child
 * and {@code <data>/run/ready} once everything answers; SIGINT or SIGTERM stops everything and
 * removes the run files. {@code ./liandong} at the repository root is the friendly way to call it.
 */
public final class Launcher {

    static final String KEY_DATA_DIR = "liandong.data.dir";
    static final String KEY_KAFKA_PORT = "liandong.kafka.port";
    static final String KEY_POSTGRES_PORT = "liandong.postgres.port";
    static final String KEY_SERVICES = "liandong.services";
    static final String KEY_SERVICE_HEAP = "liandong.service.heap";
    /** The services' JVM options, separated by spaces (default: {@link Stack#DEFAULT_SERVICE_JVM_OPTIONS}). */
    static final String KEY_SERVICE_JVM_OPTIONS = "liandong.service.jvm-options";
    /** Whether each service starts from a class archive its previous run trained (default true). */
    static final String KEY_CLASS_ARCHIVES = "liandong.service.class-archives";
    static final String KEY_READY_TIMEOUT = "liandong.ready.timeout";

    private static volatile boolean stopping;

    private Launcher() {
    }

    /** {@code grievance-service} -> {@code liandong.grievance.port}. */
    static String portKey(String service) {
        return "liandong." + Stack.databaseOf(service) + ".port";
    }

    public static void main(String[] args) {
        // The JBoss log manager is on this classpath (via quarkus-test-common); name it before anything logs.
        if (System.getProperty("java.util.logging.manager") == null) {
            System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        }
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        if (!rest.isEmpty() && rest.get(0).equals("token")) {
            rest.remove(0);
            System.exit(token(rest, System.out, System.err));
        }
        if (rest.isEmpty() || !rest.get(0).equals("up")) {
            usage(System.err);
            System.exit(2);
        }
        rest.remove(0);
        boolean fresh = false;
        Path dataDir = Path.of(Config.get(KEY_DATA_DIR, ".liandong"));
        String services = Config.get(KEY_SERVICES, String.join(",", Stack.DEFAULT_SERVICES.keySet()));
        for (int i = 0; i < rest.size(); i++) {
            switch (rest.get(i)) {
                case "--fresh" -> fresh = true;
                case "--data" -> dataDir = Path.of(argument(rest, ++i, "--data"));
                case "--services" -> services = argument(rest, ++i, "--services");
                case "-h", "--help" -> {
                    usage(System.out);
                    return;
                }
                default -> {
                    System.err.println("unknown option: " + rest.get(i));
                    usage(System.err);
                    System.exit(2);
                }
            }
        }
        int code;
        try {
            code = up(dataDir.toAbsolutePath().normalize(), fresh, services);
        } catch (DevstackException | IllegalArgumentException e) {
            System.err.println("Liandong did not start: " + e.getMessage());
            code = 1;
        }
        System.exit(code);
    }

    /**
     * {@code token --agency X --role Y [--role Z] [--subject S] [--lifetime PT8H] [--data DIR]}: prints a
     * bearer token of the stack's identity provider (the key in {@code DIR/identity}, made at the first
     * {@code up}), which every service of that stack accepts.
     */
    static int token(List<String> args, PrintStream out, PrintStream err) {
        Path dataDir = Path.of(Config.get(KEY_DATA_DIR, ".liandong"));
        String agency = null;
        String subject = null;
        java.time.Duration lifetime = LocalIdentity.DEFAULT_LIFETIME;
        List<String> roles = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            if (option.equals("-h") || option.equals("--help")) {
                tokenUsage(out);
                return 0;
            }
            if (i + 1 >= args.size()) {
                err.println(option.startsWith("--") ? option + " needs a value" : "unknown argument: " + option);
                tokenUsage(err);
                return 2;
            }
            String value = args.get(++i);
            switch (option) {
                case "--agency" -> agency = value;
                case "--role" -> roles.add(value);
                case "--subject" -> subject = value;
                case "--data" -> dataDir = Path.of(value);
                case "--lifetime" -> {
                    try {
                        lifetime = java.time.Duration.parse(value);
                    } catch (java.time.format.DateTimeParseException e) {
                        err.println("--lifetime must be an ISO-8601 duration, e.g. PT8H");
                        return 2;
                    }
                }
                default -> {
                    err.println("unknown option: " + option);
                    tokenUsage(err);
                    return 2;
                }
            }
        }
        if (agency == null || agency.isBlank() || roles.isEmpty()) {
            err.println("a token names the agency and at least one role");
            tokenUsage(err);
            return 2;
        }
        LocalIdentity.Token token = LocalIdentity.in(dataDir.resolve("identity").toAbsolutePath().normalize())
                .tokenFor(agency, roles.toArray(String[]::new)).lifetime(lifetime);
        if (subject != null) {
            token.subject(subject);
        }
        out.println(token.sign());
        return 0;
    }

    private static void tokenUsage(PrintStream out) {
        out.println("usage: Launcher token --agency AGENCY --role ROLE [--role ROLE ...] [--subject NAME] [--lifetime PT8H] [--data DIR]");
        out.println("roles: hq-operator, hq-commander, agency-officer, agency-lead, partner-intake, auditor, platform-admin");
    }

    private static String argument(List<String> args, int index, String option) {
        if (index >= args.size()) {
            System.err.println(option + " needs a value");
            System.exit(2);
        }
        return args.get(index);
    }

    private static void usage(PrintStream out) {
        out.println("usage: Launcher up [--fresh] [--data DIR] [--services grievance-service,dispatch-service,...|none]");
        out.println("ports: " + KEY_KAFKA_PORT + ", " + KEY_POSTGRES_PORT + ", liandong.<grievance|dispatch|department|followup>.port"
                + " as -D properties or LIANDONG_* environment variables");
    }

    static int up(Path dataDir, boolean fresh, String serviceList) {
        Path runDir = dataDir.resolve("run");
        OptionalLong other = Processes.readPid(runDir.resolve("launcher.pid"));
        if (other.isPresent() && other.getAsLong() != ProcessHandle.current().pid()
                && ProcessHandle.of(other.getAsLong()).map(ProcessHandle::isAlive).orElse(false)) {
            System.err.println("Liandong already runs from " + dataDir + " (launcher pid " + other.getAsLong() + "). Stop it with ./liandong down.");
            return 1;
        }
        if (fresh) {
            wipe(dataDir);
        }
        Stack.Builder builder = Stack.builder()
                .dataDir(dataDir)
                .kafkaPort(Config.getInt(KEY_KAFKA_PORT, Stack.DEFAULT_KAFKA_PORT))
                .postgresPort(Config.getInt(KEY_POSTGRES_PORT, Stack.DEFAULT_POSTGRES_PORT))
                .serviceHeap(Config.get(KEY_SERVICE_HEAP, "256m"))
                .serviceJvmOptions(Stack.jvmOptions(Config.get(KEY_SERVICE_JVM_OPTIONS,
                        String.join(" ", Stack.DEFAULT_SERVICE_JVM_OPTIONS))))
                .classArchives(Config.getBoolean(KEY_CLASS_ARCHIVES, true))
                .readyTimeout(Config.getSeconds(KEY_READY_TIMEOUT, java.time.Duration.ofSeconds(90)));
        List<String> names = serviceList.isBlank() || serviceList.equals("none") ? List.of()
                : Arrays.stream(serviceList.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                        .map(s -> s.endsWith("-service") ? s : s + "-service").toList();
        builder.services(names);
        for (String name : names) {
            builder.servicePort(name, Config.getInt(portKey(name), Stack.DEFAULT_SERVICES.get(name)));
        }
        Stack stack = builder.build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping = true;
            System.out.println("\nStopping Liandong ...");
            try {
                stack.stop();
            } finally {
                clearRunFiles(runDir);
                System.out.println("Stopped.");
                stopped.countDown();
            }
        }, "liandong-stop"));

        Processes.writeString(runDir.resolve("launcher.pid"), ProcessHandle.current().pid() + "\n");
        System.out.println("Starting Liandong in " + dataDir + " (logs in " + dataDir.resolve("logs") + ") ...");
        long began = System.nanoTime();
        try {
            stack.start();
        } catch (RuntimeException e) {
            System.err.println("\nLiandong did not start: " + e.getMessage());
            return 1;
        }
        stack.pids().forEach((name, pid) -> Processes.writeString(runDir.resolve(name + ".pid"), pid + "\n"));
        StringBuilder ports = new StringBuilder();
        stack.services().forEach(service -> ports.append(service.name()).append(' ').append(service.port()).append('\n'));
        ports.append("kafka ").append(stack.kafka().port()).append('\n');
        ports.append("postgres ").append(stack.postgres().port()).append('\n');
        Processes.writeString(runDir.resolve("ports"), ports.toString());
        String summary = summary(stack, (System.nanoTime() - began) / 1_000_000);
        Processes.writeString(runDir.resolve("urls.txt"), summary);
        Processes.writeString(runDir.resolve("ready"), java.time.Instant.now() + "\n");
        System.out.println(summary);
        System.out.println("Ctrl-C (or ./liandong down) stops everything.");
        watch(stack, stopped);
        return 0;
    }

    /** Reports children that die, until the stack is stopped. */
    private static void watch(Stack stack, CountDownLatch stopped) {
        java.util.Set<String> reported = new java.util.HashSet<>();
        try {
            while (!stopped.await(1, java.util.concurrent.TimeUnit.SECONDS)) {
                if (stopping) {
                    continue;
                }
                for (Map.Entry<String, Integer> exited : stack.exitedServices().entrySet()) {
                    if (!stopping && reported.add(exited.getKey())) {
                        System.err.println("!! " + exited.getKey() + " exited with code " + exited.getValue() + "\n"
                                + Processes.tail(stack.logFile(exited.getKey()), 30));
                    }
                }
                if (!stopping && !stack.kafka().isRunning() && reported.add("kafka")) {
                    System.err.println("!! Kafka stopped\n" + Processes.tail(stack.kafka().logFile(), 30));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String summary(Stack stack, long millis) {
        StringBuilder text = new StringBuilder();
        text.append("Liandong is up (").append(millis).append(" ms). Data: ").append(stack.dataDir()).append('\n');
        for (Stack.Service service : stack.services()) {
            String base = stack.serviceUrl(service.name());
            text.append(String.format("  %-20s %s%n", service.name(), base));
            text.append(String.format("  %-20s   REST %s/api/v1   Swagger UI %s/q/swagger-ui%n", "", base, base));
            text.append(String.format("  %-20s   health %s/q/health   metrics %s/q/metrics%n", "", base, base));
            text.append(String.format("  %-20s   log %s%n", "", stack.logFile(service.name())));
        }
        text.append(String.format("  %-20s %s   log %s%n", "Kafka", stack.kafkaBootstrapServers(), stack.kafka().logFile()));
        text.append(String.format("  %-20s %s (%s), user %s, password %s%n", "PostgreSQL",
                stack.postgres().host() + ":" + stack.postgres().port(), stack.postgres().source(), stack.username(), stack.password()));
        for (String db : List.of("grievance", "dispatch", "department", "followup")) {
            text.append(String.format("  %-20s %s%n", "  " + db, stack.jdbcUrl(db)));
        }
        return text.toString();
    }

    /** Deletes a data directory, refusing anything that does not look like one (a repository, a home). */
    static void wipe(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        Path home = Path.of(System.getProperty("user.home")).toAbsolutePath().normalize();
        if (dir.getParent() == null || dir.equals(home) || Files.exists(dir.resolve("pom.xml")) || Files.exists(dir.resolve(".git"))) {
            throw new DevstackException("refusing to wipe " + dir + ": it does not look like a Liandong data directory");
        }
        Processes.deleteTree(dir);
    }

    private static void clearRunFiles(Path runDir) {
        try (var files = Files.list(runDir)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".pid") || name.equals("ready") || name.equals("urls.txt") || name.equals("ports")) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException ignored) {
            // nothing to clear
        }
    }
}
