package io.liandong.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalIdentityTest {

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-29T09:00:00Z"), ZoneOffset.UTC);

    @Test
    void signsTokensThatThePublicKeyVerifies() throws Exception {
        String token = LocalIdentity.in(dir, clock).token("commerce-bureau", "agency-officer", "agency-lead");

        String[] parts = token.split("\\.");
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(LocalIdentity.in(dir).publicKey());
        rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rsa.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(claims)
                .contains("\"iss\":\"" + LocalIdentity.ISSUER + "\"", "\"aud\":\"liandong\"", "\"agency\":\"commerce-bureau\"",
                        "\"groups\":[\"agency-officer\",\"agency-lead\"]", "\"exp\":" + clock.instant().plus(LocalIdentity.DEFAULT_LIFETIME).getEpochSecond());
    }

    @Test
    void keepsItsKeyAcrossRestartsAndTellsServicesWhereItIs() {
        LocalIdentity first = LocalIdentity.in(dir);
        LocalIdentity again = LocalIdentity.in(dir);

        assertThat(again.publicKey()).isEqualTo(first.publicKey());
        assertThat(first.serviceProperties())
                .containsEntry("mp.jwt.verify.publickey.location", dir.resolve("public-key.pem").toUri().toString())
                .containsEntry("mp.jwt.verify.issuer", LocalIdentity.ISSUER)
                .containsEntry("mp.jwt.verify.audiences", LocalIdentity.AUDIENCE);
    }

    @Test
    void makesUnsignedAndForeignTokensForTheRefusalTests() {
        LocalIdentity identity = LocalIdentity.in(dir, clock);

        String none = identity.tokenFor("police", "agency-officer").unsigned();
        String foreign = identity.tokenFor("police", "agency-officer").issuer("https://elsewhere").audience("other").sign();

        assertThat(new String(Base64.getUrlDecoder().decode(none.split("\\.")[0]), StandardCharsets.UTF_8)).contains("\"alg\":\"none\"");
        assertThat(none).endsWith(".");
        assertThat(new String(Base64.getUrlDecoder().decode(foreign.split("\\.")[1]), StandardCharsets.UTF_8))
                .contains("\"iss\":\"https://elsewhere\"", "\"aud\":\"other\"");
    }
}
