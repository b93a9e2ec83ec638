package io.liandong.followup.application;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** The city-wide follow-up board, computed from this service's rows on each request. */
@ApplicationScoped
public class BoardService {

    /**
     * @param overdueByAgency         responsible agency → items overdue and not done
     * @param items                   all tracked items
     * @param verified                items verified
     * @param completionRate          verified / items (0 when there are none)
     * @param averageLatenessSeconds  of the late items: those overdue and not done (now − due date) and those
     *                                finished after their due date (done − due date); 0 when none
     * @param incidentsReviewPending  incidents with follow-up plans whose review has not been published (not closed yet)
     */
    public record Board(List<AgencyCount> overdueByAgency, long items, long verified, double completionRate,
                        long averageLatenessSeconds, List<String> incidentsReviewPending) {
    }

    public record AgencyCount(String agencyId, long overdue) {
    }

    private final AgroalDataSource dataSource;
    private final Clock clock;

    BoardService(AgroalDataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public Board board() {
        try (var c = dataSource.getConnection()) {
            List<AgencyCount> byAgency = new ArrayList<>();
            try (var s = c.prepareStatement("SELECT responsible_agency_id, count(*) FROM followup_item "
                    + "WHERE overdue AND status NOT IN ('done', 'verified') GROUP BY responsible_agency_id ORDER BY 2 DESC, 1");
                 var rs = s.executeQuery()) {
                while (rs.next()) {
                    byAgency.add(new AgencyCount(rs.getString(1), rs.getLong(2)));
                }
            }
            long items;
            long verified;
            try (var s = c.prepareStatement("SELECT count(*), count(*) FILTER (WHERE status = 'verified') FROM followup_item");
                 var rs = s.executeQuery()) {
                rs.next();
                items = rs.getLong(1);
                verified = rs.getLong(2);
            }
            long lateness;
            try (var s = c.prepareStatement("SELECT coalesce(avg(late), 0) FROM ("
                    + "SELECT extract(epoch FROM (? - due_at)) AS late FROM followup_item "
                    + "WHERE overdue AND status NOT IN ('done', 'verified') "
                    + "UNION ALL SELECT extract(epoch FROM (done_at - due_at)) FROM followup_item "
                    + "WHERE status IN ('done', 'verified') AND done_at > due_at) l")) {
                s.setTimestamp(1, Timestamp.from(clock.instant()));
                try (var rs = s.executeQuery()) {
                    rs.next();
                    lateness = Math.round(rs.getDouble(1));
                }
            }
            List<String> pending = new ArrayList<>();
            try (var s = c.prepareStatement("SELECT DISTINCT p.incident_id FROM followup_plan p "
                    + "WHERE NOT EXISTS (SELECT 1 FROM followup_review r WHERE r.incident_id = p.incident_id) ORDER BY 1 LIMIT 500");
                 var rs = s.executeQuery()) {
                while (rs.next()) {
                    pending.add(rs.getString(1));
                }
            }
            return new Board(byAgency, items, verified, items == 0 ? 0 : (double) verified / items, lateness, pending);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the board", e);
        }
    }
}
