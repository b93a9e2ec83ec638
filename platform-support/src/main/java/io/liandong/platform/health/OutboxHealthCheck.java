package io.liandong.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the outbox backlog: how many events wait to be published and how old the oldest is.
 * Informational: a broker outage is reported by the Kafka check, and the backlog drains by itself.
 */
@Readiness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {

    private final DataSource dataSource;
    private final Clock clock;

    OutboxHealthCheck(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("outbox").up();
        try (var connection = dataSource.getConnection();
             var select = connection.prepareStatement(
                     "SELECT count(*), min(created_at) FROM outbox_event WHERE published_at IS NULL");
             var rs = select.executeQuery()) {
            rs.next();
            response.withData("unpublished", rs.getLong(1));
            Timestamp oldest = rs.getTimestamp(2);
            if (oldest != null) {
                response.withData("oldestAgeMillis", Duration.between(oldest.toInstant(), clock.instant()).toMillis());
            }
        } catch (SQLException e) {
            return HealthCheckResponse.named("outbox").down().withData("error", e.getMessage()).build();
        }
        return response.build();
    }
}
