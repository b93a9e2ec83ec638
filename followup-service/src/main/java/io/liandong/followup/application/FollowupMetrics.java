package io.liandong.followup.application;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import org.jboss.logging.Logger;

/**
 * {@code liandong_followup_items_overdue}: a gauge of the items overdue and not yet done, read from
 * the database at each scrape (so every replica reports the same, and a restart loses nothing);
 * {@code liandong_followup_reminders_total}: reminders raised before due dates.
 */
@Startup
@ApplicationScoped
public class FollowupMetrics {

    private static final Logger LOG = Logger.getLogger(FollowupMetrics.class);

    private final MeterRegistry registry;

    FollowupMetrics(MeterRegistry registry, AgroalDataSource dataSource) {
        this.registry = registry;
        Gauge.builder("liandong.followup.items.overdue", dataSource, FollowupMetrics::overdue)
                .description("Follow-up items past their due date and not done")
                .register(registry);
    }

    public void reminded(String before) {
        Counter.builder("liandong.followup.reminders").description("Reminders raised before follow-up items' due dates")
                .tag("before", before).register(registry).increment();
    }

    static double overdue(AgroalDataSource dataSource) {
        try (var connection = dataSource.getConnection();
             var statement = connection.prepareStatement(
                     "SELECT count(*) FROM followup_item WHERE overdue AND status NOT IN ('done', 'verified')");
             var rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            LOG.debug("overdue gauge unavailable", e);
            return Double.NaN;
        }
    }
}
