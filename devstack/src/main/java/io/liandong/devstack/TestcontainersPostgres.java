package io.liandong.devstack;

import java.time.Duration;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** The Testcontainers source of {@link DevPostgres}; kept apart so its absence is only a skipped source. */
final class TestcontainersPostgres {

    private TestcontainersPostgres() {
    }

    static DevPostgres.Server start(String image, Duration startTimeout) {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new DevPostgres.Skipped("no Docker engine answers (DockerClientFactory.isDockerAvailable() is false)");
        }
        PostgreSQLContainer container = new PostgreSQLContainer(image)
                .withDatabaseName("postgres")
                .withUsername("postgres")
                .withPassword("postgres")
                .withStartupTimeout(startTimeout);
        container.start();
        String host = container.getHost();
        int port = container.getMappedPort(5432);
        return new DevPostgres.Server(DevPostgres.Source.TESTCONTAINERS, host, port, host + ":" + port, "", "postgres",
                "postgres", "postgres", null, container::stop, null);
    }
}
