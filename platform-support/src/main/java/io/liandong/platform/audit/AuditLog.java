package io.liandong.platform.audit;

import io.liandong.platform.paging.Cursor;
import io.liandong.platform.paging.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Reads the audit trail: pages of records, newest first, and the walk that verifies the chain. */
@ApplicationScoped
public class AuditLog {

    private static final String COLUMNS = "seq, occurred_at, actor, actor_kind, agency, action, target, subjects, "
            + "request_id, idempotency_key, hash";

    private final DataSource dataSource;

    AuditLog(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Which records: any filter may be null. {@code target} is an id (a path segment or a subject) or a path prefix. */
    public record Filter(String agency, String target, Instant from, Instant to) {
    }

    public Page<AuditEntry> page(Filter filter, String cursor, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_record WHERE true");
        List<Object> args = new ArrayList<>();
        if (cursor != null) {
            long before;
            try {
                before = Long.parseLong(Cursor.decode(cursor, 1).value(0));
            } catch (NumberFormatException e) {
                throw new io.liandong.platform.error.InvalidInputException("cursor", "is not a cursor this API issued");
            }
            sql.append(" AND seq < ?");
            args.add(before);
        }
        if (filter.agency() != null) {
            sql.append(" AND agency = ?");
            args.add(filter.agency());
        }
        if (filter.target() != null) {
            String t = filter.target();
            if (t.startsWith("/")) {
                sql.append(" AND (target = ? OR target LIKE ? ESCAPE '\\')");
                args.add(t);
                args.add(like(t.replaceAll("/+$", "")) + "/%");
            } else {
                sql.append(" AND ((target || '/') LIKE ? ESCAPE '\\' OR (' ' || subjects || ' ') LIKE ? ESCAPE '\\')");
                args.add("%/" + like(t) + "/%");
                args.add("% " + like(t) + " %");
            }
        }
        if (filter.from() != null) {
            sql.append(" AND occurred_at >= ?");
            args.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" AND occurred_at < ?");
            args.add(Timestamp.from(filter.to()));
        }
        sql.append(" ORDER BY seq DESC LIMIT ?");
        args.add(limit + 1);
        List<AuditEntry> rows = new ArrayList<>();
        try (var connection = dataSource.getConnection(); var select = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                select.setObject(i + 1, args.get(i));
            }
            try (var rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(entry(rs));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the audit trail", e);
        }
        return Page.of(rows, limit, r -> r, r -> Cursor.of(Long.toString(r.seq())));
    }

    /** The outcome of a walk of the chain: intact, or the first record found broken and why. */
    public record Verification(boolean intact, long recordsChecked, Long lastSeq, String lastHash, Long brokenAt,
                               String problem) {
    }

    /**
     * Walks every record in order, recomputing each hash from the previous one. Reports the first
     * record that was altered, the first gap (a deleted record) and records missing at the end.
     */
    @Transactional
    public Verification verify() {
        try (var connection = dataSource.getConnection()) {
            long headSeq;
            String headHash;
            try (var head = connection.prepareStatement("SELECT seq, hash FROM audit_chain_head WHERE id = 1");
                 var rs = head.executeQuery()) {
                rs.next();
                headSeq = rs.getLong(1);
                headHash = rs.getString(2);
            }
            long expected = 1;
            long checked = 0;
            String previous = AuditChain.GENESIS;
            try (var select = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM audit_record WHERE seq <= ? ORDER BY seq")) {
                select.setFetchSize(1000);
                select.setLong(1, headSeq);
                try (var rs = select.executeQuery()) {
                    while (rs.next()) {
                        AuditEntry e = entry(rs);
                        if (e.seq() != expected) {
                            return broken(checked, previous, expected, "record " + expected
                                    + (e.seq() > expected ? " is missing" : " is out of order"));
                        }
                        String recomputed = AuditChain.hash(previous, e);
                        if (!recomputed.equals(e.hash())) {
                            return broken(checked, previous, e.seq(), "record " + e.seq()
                                    + " does not match its hash: it or the record before it was altered");
                        }
                        previous = e.hash();
                        checked++;
                        expected++;
                    }
                }
            }
            if (expected - 1 != headSeq) {
                return broken(checked, previous, expected, "record " + expected + " and those after it, up to "
                        + headSeq + ", are missing");
            }
            if (!previous.equals(headHash)) {
                return broken(checked, previous, headSeq, "the last record " + headSeq + " does not match the chain head");
            }
            return new Verification(true, checked, headSeq == 0 ? null : headSeq, previous, null, null);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the audit trail", e);
        }
    }

    private static Verification broken(long checked, String previous, long at, String problem) {
        return new Verification(false, checked, checked == 0 ? null : at - 1, previous, at, problem);
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), AuditTrail.split(rs.getString(8)), rs.getString(9),
                rs.getString(10), rs.getString(11).trim());
    }

    private static String like(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
