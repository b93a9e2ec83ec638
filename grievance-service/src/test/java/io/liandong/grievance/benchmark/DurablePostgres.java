package io.liandong.grievance.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.Map;

/**
 * A PostgreSQL of the benchmark's own, with fsync, synchronous_commit and full_page_writes on (the
 * devstack's shared test server runs without them, since test data is thrown away), so a commit is
 * on disk before the service answers.
 */
public class DurablePostgres implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedPostgres server;
    private Path dir;

    @Override
    public Map<String, String> start() {
        try {
            dir = Files.createTempDirectory("liandong-bench-pg");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        try {
            server = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pgdata")).setCleanDataDirectory(true)
                    .setLocaleConfig("locale", "C")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "100")
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(dir.resolve("postgres.log").toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(dir.resolve("postgres.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start the benchmark's PostgreSQL", e);
        }
        return Map.of("quarkus.datasource.jdbc.url", server.getJdbcUrl("postgres", "postgres"),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    static Connection connection() throws SQLException {
        return server.getPostgresDatabase().getConnection();
    }

    @Override
    public void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                System.err.println("could not stop the benchmark's PostgreSQL: " + e.getMessage());
            }
            server = null;
        }
        if (dir != null) {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                System.err.println("could not delete " + dir + ": " + e.getMessage());
            }
        }
    }
}
