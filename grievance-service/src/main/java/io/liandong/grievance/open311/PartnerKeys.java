package io.liandong.grievance.open311;

import io.liandong.grievance.config.GrievanceConfig;
import io.liandong.platform.audit.RequestFacts;
import io.liandong.platform.error.IllegalStateChangeException;
import io.liandong.platform.error.InvalidInputException;
import io.liandong.platform.error.UnknownResourceException;
import io.liandong.platform.limits.LimitsConfig;
import io.liandong.platform.limits.Rate;
import io.liandong.platform.limits.RateLimiter;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The Open311 partners and their {@code api_key}s, kept in the database as SHA-256 hashes: a key's
 * text is shown once, when it is issued, and never stored. A key admits its partner while neither it
 * nor the partner is revoked and it has not expired; rotating gives the old keys an expiry (the grace
 * period, {@code liandong.grievance.open311.rotation-grace}). Each partner has its own rate limit.
 *
 * <p>The keys listed in configuration ({@code liandong.grievance.open311.partner-keys}) are a seed: at
 * start, any not yet stored is added, with a partner of the same name. From then on the database
 * decides, so a revoked seed key stays revoked.
 */
@ApplicationScoped
public class PartnerKeys {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,99}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DataSource dataSource;
    private final Clock clock;
    private final GrievanceConfig config;
    private final RateLimiter limiter;
    private final LimitsConfig limits;
    private final RequestFacts facts;

    PartnerKeys(DataSource dataSource, Clock clock, GrievanceConfig config, RateLimiter limiter, LimitsConfig limits,
                RequestFacts facts) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.config = config;
        this.limiter = limiter;
        this.limits = limits;
        this.facts = facts;
    }

    /** A partner as the administrators see it; keys by their id (the first 12 hex digits of the hash). */
    public record Partner(String id, String name, Integer requestsPerMinute, Instant createdAt, Instant revokedAt,
                          List<Key> keys) {
    }

    public record Key(String keyId, Instant createdAt, Instant expiresAt, Instant revokedAt) {
    }

    /** A newly issued key: {@code apiKey} is its only appearance in clear. */
    public record IssuedKey(String partnerId, String keyId, String apiKey, Instant createdAt) {
    }

    /**
     * The partner an Open311 request comes from: the key's partner, charged one request against its
     * rate limit and named as the caller in the audit record.
     *
     * @throws io.liandong.platform.limits.TooManyRequestsException over the partner's limit
     */
    public Optional<String> admit(String apiKey) {
        Optional<Admitted> found = lookup(apiKey);
        found.ifPresent(p -> {
            facts.identifyPartner(p.partner());
            limiter.charge("partner:" + p.partner(), rate(p), "partner " + p.partner());
        });
        return found.map(Admitted::partner);
    }

    private record Admitted(String partner, Integer perMinute) {
    }

    private Rate rate(Admitted p) {
        if (p.perMinute() != null) {
            return Rate.perMinute(p.perMinute());
        }
        var override = limits.rate().callers().get("partner:" + p.partner());
        return override != null ? new Rate(override.perSecond(), override.burst())
                : new Rate(limits.rate().perSecond(), limits.rate().burst());
    }

    private Optional<Admitted> lookup(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            return Optional.empty();
        }
        // Looked up by hash: the comparison an attacker could time is of hashes, not of keys.
        try (var connection = dataSource.getConnection(); var select = connection.prepareStatement("""
                SELECT p.id, p.requests_per_minute FROM open311_partner_key k JOIN open311_partner p ON p.id = k.partner_id
                 WHERE k.key_hash = ? AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > ?)
                   AND p.revoked_at IS NULL""")) {
            select.setString(1, sha256(apiKey.trim()));
            select.setTimestamp(2, Timestamp.from(clock.instant()));
            try (var rs = select.executeQuery()) {
                return rs.next() ? Optional.of(new Admitted(rs.getString(1), (Integer) rs.getObject(2))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not look up an Open311 api_key", e);
        }
    }

    @Transactional
    void seed(@Observes StartupEvent start) {
        Instant now = clock.instant();
        try (var connection = dataSource.getConnection()) {
            for (var e : config.open311().partnerKeys().entrySet()) {
                insertPartner(connection, e.getKey(), e.getKey(), null, now, true);
                try (var insert = connection.prepareStatement("""
                        INSERT INTO open311_partner_key (key_hash, partner_id, created_at) VALUES (?, ?, ?)
                        ON CONFLICT (key_hash) DO NOTHING""")) {
                    insert.setString(1, e.getValue().trim().toLowerCase(Locale.ROOT));
                    insert.setString(2, e.getKey());
                    insert.setTimestamp(3, Timestamp.from(now));
                    insert.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not seed the Open311 partners from configuration", e);
        }
    }

    /** Registers a partner and issues its first key. */
    @Transactional
    public IssuedKey create(String id, String name, Integer requestsPerMinute) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new InvalidInputException("id", "must be 2 to 100 lowercase letters, digits and hyphens");
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new InvalidInputException("name", "must be 1 to 200 characters");
        }
        checkRate(requestsPerMinute);
        Instant now = clock.instant();
        try (var connection = dataSource.getConnection()) {
            if (!insertPartner(connection, id, name.trim(), requestsPerMinute, now, false)) {
                throw new IllegalStateChangeException("an Open311 partner " + id + " exists already");
            }
            return issue(connection, id, now);
        } catch (SQLException e) {
            throw new IllegalStateException("could not register Open311 partner " + id, e);
        }
    }

    /**
     * Issues a new key; the partner's other keys that are still valid expire after {@code grace}
     * (zero: at once).
     */
    @Transactional
    public IssuedKey rotate(String id, Duration grace) {
        Duration keep = grace == null ? config.open311().rotationGrace() : grace;
        if (keep.isNegative() || keep.compareTo(Duration.ofDays(30)) > 0) {
            throw new InvalidInputException("grace", "must be between PT0S and P30D");
        }
        Instant now = clock.instant();
        try (var connection = dataSource.getConnection()) {
            requireActive(connection, id);
            try (var expire = connection.prepareStatement("""
                    UPDATE open311_partner_key SET expires_at = ?
                     WHERE partner_id = ? AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)""")) {
                expire.setTimestamp(1, Timestamp.from(now.plus(keep)));
                expire.setString(2, id);
                expire.setTimestamp(3, Timestamp.from(now.plus(keep)));
                expire.executeUpdate();
            }
            return issue(connection, id, now);
        } catch (SQLException e) {
            throw new IllegalStateException("could not rotate the key of Open311 partner " + id, e);
        }
    }

    /** Revokes one key at once. */
    @Transactional
    public void revokeKey(String id, String keyId) {
        if (keyId == null || !keyId.matches("[0-9a-f]{12}")) {
            throw new UnknownResourceException("api_key of " + id, String.valueOf(keyId));
        }
        try (var connection = dataSource.getConnection(); var revoke = connection.prepareStatement("""
                UPDATE open311_partner_key SET revoked_at = coalesce(revoked_at, ?)
                 WHERE partner_id = ? AND key_hash LIKE ?""")) {
            revoke.setTimestamp(1, Timestamp.from(clock.instant()));
            revoke.setString(2, id);
            revoke.setString(3, keyId + "%");
            if (revoke.executeUpdate() == 0) {
                throw new UnknownResourceException("api_key of " + id, keyId);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not revoke a key of Open311 partner " + id, e);
        }
    }

    /** Revokes the partner: none of its keys admits it any more. */
    @Transactional
    public void revoke(String id) {
        try (var connection = dataSource.getConnection(); var revoke = connection.prepareStatement(
                "UPDATE open311_partner SET revoked_at = coalesce(revoked_at, ?) WHERE id = ?")) {
            revoke.setTimestamp(1, Timestamp.from(clock.instant()));
            revoke.setString(2, id);
            if (revoke.executeUpdate() == 0) {
                throw new UnknownResourceException("Open311 partner", id);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not revoke Open311 partner " + id, e);
        }
    }

    /** Sets the partner's rate limit; {@code null} for the platform's default. */
    @Transactional
    public void limit(String id, Integer requestsPerMinute) {
        checkRate(requestsPerMinute);
        try (var connection = dataSource.getConnection(); var update = connection.prepareStatement(
                "UPDATE open311_partner SET requests_per_minute = ? WHERE id = ?")) {
            update.setObject(1, requestsPerMinute);
            update.setString(2, id);
            if (update.executeUpdate() == 0) {
                throw new UnknownResourceException("Open311 partner", id);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not set the limit of Open311 partner " + id, e);
        }
        limiter.forget("partner:" + id);
    }

    public List<Partner> list() {
        return partners(null);
    }

    public Partner get(String id) {
        List<Partner> found = partners(id);
        if (found.isEmpty()) {
            throw new UnknownResourceException("Open311 partner", id);
        }
        return found.get(0);
    }

    private List<Partner> partners(String only) {
        String sql = """
                SELECT p.id, p.name, p.requests_per_minute, p.created_at, p.revoked_at,
                       k.key_hash, k.created_at, k.expires_at, k.revoked_at
                  FROM open311_partner p LEFT JOIN open311_partner_key k ON k.partner_id = p.id
                 WHERE ? IS NULL OR p.id = ?
                 ORDER BY p.id, k.created_at, k.key_hash""";
        Map<String, Partner> partners = new LinkedHashMap<>();
        try (var connection = dataSource.getConnection(); var select = connection.prepareStatement(sql)) {
            select.setString(1, only);
            select.setString(2, only);
            try (var rs = select.executeQuery()) {
                while (rs.next()) {
                    Partner p = partners.computeIfAbsent(rs.getString(1), k -> partner(rs));
                    if (rs.getString(6) != null) {
                        p.keys().add(new Key(rs.getString(6).substring(0, 12), instant(rs, 7), instant(rs, 8), instant(rs, 9)));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the Open311 partners", e);
        }
        return partners.values().stream().map(p -> new Partner(p.id(), p.name(), p.requestsPerMinute(), p.createdAt(),
                p.revokedAt(), List.copyOf(p.keys()))).toList();
    }

    private static Partner partner(ResultSet rs) {
        try {
            return new Partner(rs.getString(1), rs.getString(2), (Integer) rs.getObject(3), instant(rs, 4), instant(rs, 5),
                    new ArrayList<>());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static void checkRate(Integer requestsPerMinute) {
        if (requestsPerMinute != null && (requestsPerMinute < 1 || requestsPerMinute > 1_000_000)) {
            throw new InvalidInputException("requestsPerMinute", "must be between 1 and 1000000");
        }
    }

    private static boolean insertPartner(Connection connection, String id, String name, Integer perMinute, Instant now,
                                         boolean ifAbsent) throws SQLException {
        try (var insert = connection.prepareStatement("""
                INSERT INTO open311_partner (id, name, requests_per_minute, created_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (id) DO NOTHING""")) {
            insert.setString(1, id);
            insert.setString(2, name);
            insert.setObject(3, perMinute);
            insert.setTimestamp(4, Timestamp.from(now));
            return insert.executeUpdate() == 1 || ifAbsent;
        }
    }

    private static void requireActive(Connection connection, String id) throws SQLException {
        try (var select = connection.prepareStatement("SELECT revoked_at FROM open311_partner WHERE id = ?")) {
            select.setString(1, id);
            try (var rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new UnknownResourceException("Open311 partner", id);
                }
                if (rs.getTimestamp(1) != null) {
                    throw new IllegalStateChangeException("Open311 partner " + id + " is revoked; register a new partner");
                }
            }
        }
    }

    private IssuedKey issue(Connection connection, String id, Instant now) throws SQLException {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String apiKey = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String hash = sha256(apiKey);
        try (var insert = connection.prepareStatement(
                "INSERT INTO open311_partner_key (key_hash, partner_id, created_at) VALUES (?, ?, ?)")) {
            insert.setString(1, hash);
            insert.setString(2, id);
            insert.setTimestamp(3, Timestamp.from(now));
            insert.executeUpdate();
        }
        return new IssuedKey(id, hash.substring(0, 12), apiKey, now);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
