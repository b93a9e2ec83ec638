package io.liandong.devstack;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The test resource of every service: a real Kafka broker and a fresh PostgreSQL database.
 *
 * <pre>
 * &#64;QuarkusTest
 * &#64;QuarkusTestResource(DevstackTestResource.class)   // or &#64;WithTestResource(DevstackTestResource.class)
 * class MyTest { ... }
 * </pre>
 *
 * <p>The broker and the server are the JVM's singletons ({@link Devstack}); each {@link #start()}
 * creates a new, empty database. Everything listens on free ports, so tests run beside
 * {@code ./liandong up}. Init arguments ({@code @ResourceArg}): {@code kafka=false} or
 * {@code postgres=false} leave one out; {@code database-prefix} names the databases (default
 * {@code test}).
 */
public class DevstackTestResource implements QuarkusTestResourceLifecycleManager {

    /** System property holding the JDBC URL of the current test database (readable from any class loader). */
    public static final String JDBC_URL_PROPERTY = "liandong.devstack.test.jdbc-url";
    static final String KEY_KEEP = "liandong.devstack.db.keep";

    private static volatile String currentJdbcUrl;

    private boolean useKafka = true;
    private boolean usePostgres = true;
    private String prefix = "test";
    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        useKafka = !"false".equalsIgnoreCase(initArgs.getOrDefault("kafka", "true"));
        usePostgres = !"false".equalsIgnoreCase(initArgs.getOrDefault("postgres", "true"));
        prefix = initArgs.getOrDefault("database-prefix", "test").toLowerCase(Locale.ROOT);
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.devservices.enabled", "false");
        config.putAll(Devstack.identity().serviceProperties());
        Devstack.startAll(useKafka, usePostgres); // also restarts a broker an earlier test left stopped
        if (useKafka) {
            config.put("kafka.bootstrap.servers", Devstack.kafka().bootstrapServers());
        }
        if (usePostgres) {
            DevPostgres pg = Devstack.postgres();
            database = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            String url = pg.createDatabase(database);
            currentJdbcUrl = url;
            System.setProperty(JDBC_URL_PROPERTY, url);
            config.put("quarkus.datasource.jdbc.url", url);
            config.put("quarkus.datasource.username", pg.username());
            config.put("quarkus.datasource.password", pg.password());
        }
        return config;
    }

    @Override
    public void stop() {
        if (database != null && !Config.getBoolean(KEY_KEEP, false)) {
            try {
                Devstack.postgres().dropDatabase(database);
            } catch (RuntimeException e) {
                System.err.println("[devstack] could not drop test database " + database + ": " + e.getMessage());
            }
        }
        database = null;
    }

    /** The JDBC URL of the database of the test that runs now. */
    public static String jdbcUrl() {
        String url = currentJdbcUrl != null ? currentJdbcUrl : System.getProperty(JDBC_URL_PROPERTY);
        if (url == null) {
            throw new IllegalStateException("no devstack test database yet: is the test annotated with"
                    + " @QuarkusTestResource(DevstackTestResource.class) or @WithTestResource(DevstackTestResource.class)?");
        }
        return url;
    }

    public static String username() {
        return Devstack.postgres().username();
    }

    public static String password() {
        return Devstack.postgres().password();
    }

    /** A new connection to the current test database, for checking rows directly; the caller closes it. */
    public static Connection connection() throws SQLException {
        String url = jdbcUrl();
        String database = url.substring(url.lastIndexOf('/') + 1).split("\\?")[0];
        return Devstack.postgres().connect(database);
    }

    /** The bootstrap servers of the test broker. */
    public static String bootstrapServers() {
        return Devstack.kafka().bootstrapServers();
    }
}
