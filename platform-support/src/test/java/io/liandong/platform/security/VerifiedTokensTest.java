package io.liandong.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.liandong.platform.time.MovableClock;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/**
 * The reuse of verifications, with the verifier standing in for smallrye-jwt's (which checks real
 * signatures against the real clock, and is exercised by every service's authorization tests).
 */
class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-29T08:00:00Z");

    /** Verifies tokens named "ok-<exp seconds>" and refuses every other; counts what it was asked. */
    static final class Verifier extends DefaultJWTParser {
        final List<String> asked = new ArrayList<>();

        @Override
        public JsonWebToken parse(String token) throws ParseException {
            asked.add(token);
            if (!token.startsWith("ok-")) {
                throw new ParseException("bad signature");
            }
            long exp = Long.parseLong(token.substring(3));
            return new JsonWebToken() {
                @Override
                public String getName() {
                    return token;
                }

                @Override
                public Set<String> getClaimNames() {
                    return Set.of("exp");
                }

                @SuppressWarnings("unchecked")
                @Override
                public <T> T getClaim(String claimName) {
                    return "exp".equals(claimName) ? (T) Long.valueOf(exp) : null;
                }
            };
        }
    }

    private final MovableClock clock = new MovableClock(NOW);
    private final Verifier verifier = new Verifier();
    private final VerifiedTokens tokens = new VerifiedTokens(verifier, clock);

    private static String validFor(Duration d) {
        return "ok-" + NOW.plus(d).getEpochSecond();
    }

    @Test
    void aTokenSentAgainWithinAMinuteIsVerifiedOnce() throws Exception {
        String token = validFor(Duration.ofHours(8));
        JsonWebToken first = tokens.parse(token);
        clock.advance(Duration.ofSeconds(59));
        assertThat(tokens.parse(token)).isSameAs(first);
        assertThat(verifier.asked).containsExactly(token);
    }

    @Test
    void aVerificationIsReusedForAMinuteAtMost() throws Exception {
        String token = validFor(Duration.ofHours(8));
        tokens.parse(token);
        clock.advance(VerifiedTokens.MAX_AGE);
        tokens.parse(token);
        assertThat(verifier.asked).containsExactly(token, token);
    }

    @Test
    void aTokenIsNeverTakenAsVerifiedPastItsExpiry() throws Exception {
        String token = validFor(Duration.ofSeconds(10));
        tokens.parse(token);
        clock.advance(Duration.ofSeconds(10));
        tokens.parse(token);
        assertThat(verifier.asked).containsExactly(token, token);
    }

    @Test
    void aTokenThatFailsIsCheckedEveryTimeAndAnotherTokenOnItsOwn() throws Exception {
        assertThatThrownBy(() -> tokens.parse("forged")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> tokens.parse("forged")).isInstanceOf(ParseException.class);
        String one = validFor(Duration.ofHours(1));
        String other = validFor(Duration.ofHours(2));
        tokens.parse(one);
        tokens.parse(other);
        assertThat(verifier.asked).containsExactly("forged", "forged", one, other);
    }

    @Test
    void whenFullOnlyLiveVerificationsAreKeptAndNewTokensAreStillVerified() throws Exception {
        for (int i = 0; i < VerifiedTokens.MAX_ENTRIES; i++) {
            tokens.parse("ok-" + (NOW.getEpochSecond() + 30 + i));
        }
        String late = validFor(Duration.ofHours(10));
        tokens.parse(late);
        tokens.parse(late);
        assertThat(verifier.asked).hasSize(VerifiedTokens.MAX_ENTRIES + 2);

        clock.advance(Duration.ofSeconds(40)); // the first ten have expired, making room
        tokens.parse(late);
        tokens.parse(late);
        assertThat(verifier.asked).hasSize(VerifiedTokens.MAX_ENTRIES + 3);
    }
}
