package io.liandong.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.liandong.platform.error.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The {@code Idempotency-Key} of creating calls. The key, a SHA-256 hash of the request and the
 * result are stored in the caller's transaction, so they commit or roll back with the change the
 * request made:
 * <ul>
 *   <li>a new key runs the action and remembers its result;</li>
 *   <li>the same key with the same request returns the remembered result and runs nothing;</li>
 *   <li>the same key with a different request throws {@link IdempotencyKeyReusedException} (422).</li>
 * </ul>
 * Two concurrent requests with one key are serialised by the primary key: the second waits for the
 * first to commit, then gets its result (or runs itself if the first rolled back).
 */
@ApplicationScoped
public class Idempotency {

    /** Printable ASCII without spaces, as most clients generate them (UUIDs, ULIDs, random tokens). */
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");

    private final DataSource dataSource;
    private final Clock clock;
    private final ObjectMapper json;

    Idempotency(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
        // Its own mapper: the hash must not change when an application tunes the shared one.
        this.json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    }

    /** A result and whether it is the remembered result of an earlier request. */
    public record Outcome<T>(T result, boolean replayed) {

        /** The answer, marked {@value #REPLAYED_HEADER}{@code : true} when it repeats an earlier request's. */
        public Response markReplayed(Response.ResponseBuilder answer) {
            return markReplayed(answer.build());
        }

        public Response markReplayed(Response answer) {
            if (replayed) {
                answer.getHeaders().putSingle(REPLAYED_HEADER, "true");
            }
            return answer;
        }
    }

    /** Says that an answer repeats the one given to an earlier request with the same Idempotency-Key. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    /**
     * Runs {@code action} once per {@code (scope, key)}.
     *
     * @param scope      what the key is unique within, e.g. {@code POST /api/v1/grievances} plus the caller
     * @param key        the client's key; {@code null} runs the action without any idempotency
     * @param request    the request as the application read it; its JSON form is hashed
     * @param resultType how to read a remembered result back
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> Outcome<T> run(String scope, String key, Object request, Class<T> resultType, Supplier<T> action) {
        if (key == null) {
            return new Outcome<>(action.get(), false);
        }
        if (!KEY.matcher(key).matches()) {
            throw new InvalidInputException("Idempotency-Key", "must be 1 to 200 printable ASCII characters without spaces");
        }
        String hash = hash(request);
        try (var connection = dataSource.getConnection()) {
            int claimed;
            try (var insert = connection.prepareStatement("""
                    INSERT INTO idempotency_record (scope, idempotency_key, request_hash, created_at)
                    VALUES (?, ?, ?, ?) ON CONFLICT (scope, idempotency_key) DO NOTHING""")) {
                insert.setString(1, scope);
                insert.setString(2, key);
                insert.setString(3, hash);
                insert.setTimestamp(4, Timestamp.from(clock.instant()));
                claimed = insert.executeUpdate();
            }
            if (claimed == 0) {
                try (var select = connection.prepareStatement(
                        "SELECT request_hash, response FROM idempotency_record WHERE scope = ? AND idempotency_key = ?")) {
                    select.setString(1, scope);
                    select.setString(2, key);
                    try (var rs = select.executeQuery()) {
                        rs.next();
                        if (!hash.equals(rs.getString(1))) {
                            throw new IdempotencyKeyReusedException(key);
                        }
                        return new Outcome<>(json.readValue(rs.getString(2), resultType), true);
                    }
                }
            }
            T result = action.get();
            try (var update = connection.prepareStatement(
                    "UPDATE idempotency_record SET response = ? WHERE scope = ? AND idempotency_key = ?")) {
                update.setString(1, json.writeValueAsString(result));
                update.setString(2, scope);
                update.setString(3, key);
                update.executeUpdate();
            }
            return new Outcome<>(result, false);
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not record Idempotency-Key " + key, e);
        }
    }

    /** Removes records older than {@code retentionStart}; returns how many. */
    @Transactional
    public int forgetBefore(java.time.Instant retentionStart) {
        try (var connection = dataSource.getConnection();
             var delete = connection.prepareStatement("DELETE FROM idempotency_record WHERE created_at < ?")) {
            delete.setTimestamp(1, Timestamp.from(retentionStart));
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not delete old idempotency records", e);
        }
    }

    String hash(Object request) {
        try {
            byte[] body = json.writeValueAsBytes(request);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("could not hash the request", e);
        }
    }
}
