package io.liandong.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Signature;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./liandong token}: a token of the stack's own key, which its services accept. */
class LauncherTokenTest {

    @TempDir
    Path data;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int token(String... args) {
        return Launcher.token(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void printsATokenSignedWithTheStacksKeyForTheAgencyAndRoles() throws Exception {
        Path identity = data.resolve("identity");
        LocalIdentity stack = LocalIdentity.in(identity); // as 'up' makes it

        int code = token("--data", data.toString(), "--agency", "commerce-bureau", "--role", "agency-officer",
                "--role", "agency-lead", "--subject", "li-na");

        assertThat(code).isZero();
        String token = out.toString(StandardCharsets.UTF_8).trim();
        assertThat(token.lines()).hasSize(1);
        String[] parts = token.split("\\.");
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(stack.publicKey());
        rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rsa.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
        assertThat(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8))
                .contains("\"agency\":\"commerce-bureau\"", "\"groups\":[\"agency-officer\",\"agency-lead\"]",
                        "\"sub\":\"li-na\"", "\"iss\":\"" + LocalIdentity.ISSUER + "\"", "\"aud\":\"" + LocalIdentity.AUDIENCE + "\"");
    }

    @Test
    void refusesATokenWithoutAnAgencyOrARole() {
        assertThat(token("--data", data.toString(), "--role", "auditor")).isEqualTo(2);
        assertThat(token("--data", data.toString(), "--agency", "commerce-bureau")).isEqualTo(2);
        assertThat(token("--data", data.toString(), "--agency", "x", "--role", "auditor", "--lifetime", "8 hours")).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: Launcher token");
    }
}
