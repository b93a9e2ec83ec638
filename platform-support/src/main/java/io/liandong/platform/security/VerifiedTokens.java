package io.liandong.platform.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The bearer tokens this service has verified lately. A caller sends the same token with every
 * request for as long as it lives; checking its RS256 signature each time was a tenth of a busy
 * service's CPU. A token is found again only as the very same string (its signature included),
 * for at most {@link #MAX_AGE} after it was verified and never past its {@code exp}; a token that
 * fails verification is never remembered, so it fails every time. At most {@link #MAX_ENTRIES}
 * are kept: when full, the expired ones go, and a new token is verified without being kept.
 *
 * <p>The verification itself is smallrye-jwt's ({@link DefaultJWTParser}, configured by the
 * {@code mp.jwt.verify.*} keys); this bean takes its place as the {@link JWTParser} Quarkus
 * authenticates requests with.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {

    /** How long a verification is reused at most: also how long a token outlives the key that signed it. */
    public static final Duration MAX_AGE = Duration.ofSeconds(60);
    public static final int MAX_ENTRIES = 10_000;

    private record Verified(JsonWebToken token, Instant until) {
    }

    private final DefaultJWTParser verifier;
    private final Clock clock;
    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

    VerifiedTokens(DefaultJWTParser verifier, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        Instant now = clock.instant();
        Verified known = verified.get(token);
        if (known != null && now.isBefore(known.until())) {
            return known.token();
        }
        JsonWebToken jwt = verifier.parse(token);
        Instant until = now.plus(MAX_AGE);
        if (jwt.getExpirationTime() > 0) {
            Instant expiry = Instant.ofEpochSecond(jwt.getExpirationTime());
            until = expiry.isBefore(until) ? expiry : until;
        }
        if (verified.size() >= MAX_ENTRIES) {
            verified.values().removeIf(v -> !now.isBefore(v.until()));
        }
        if (verified.size() < MAX_ENTRIES && now.isBefore(until)) {
            verified.put(token, new Verified(jwt, until));
        }
        return jwt;
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
