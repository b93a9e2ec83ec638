package io.liandong.devstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The identity provider of a machine without one: an RSA signing key kept in a directory and
 * RS256 bearer tokens signed with it, as the city's identity provider would issue them
 * ({@code iss}, {@code aud}, {@code sub}, {@code agency}, {@code groups}, {@code exp}).
 *
 * <p>The services verify these tokens with the public key ({@link #serviceProperties()}); nothing
 * else about them is local. {@code ./liandong up} makes the key at start, {@code ./liandong token}
 * prints a token, and the tests use the same class for right and deliberately wrong tokens.
 */
public final class LocalIdentity {

    public static final String ISSUER = "https://identity.liandong.local";
    public static final String AUDIENCE = "liandong";
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(8);

    private static final String PRIVATE_FILE = "signing-key.pem";
    private static final String PUBLIC_FILE = "public-key.pem";

    private final Path publicKeyFile;
    private final PrivateKey signingKey;
    private final Clock clock;

    private LocalIdentity(Path publicKeyFile, PrivateKey signingKey, Clock clock) {
        this.publicKeyFile = publicKeyFile;
        this.signingKey = signingKey;
        this.clock = clock;
    }

    /** The key pair in {@code dir}, made on first use (2048-bit RSA, PEM files). */
    public static LocalIdentity in(Path dir) {
        return in(dir, Clock.systemUTC());
    }

    public static LocalIdentity in(Path dir, Clock clock) {
        try {
            Files.createDirectories(dir);
            Path privateFile = dir.resolve(PRIVATE_FILE);
            Path publicFile = dir.resolve(PUBLIC_FILE);
            if (!Files.exists(privateFile) || !Files.exists(publicFile)) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                Files.writeString(publicFile, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
                Files.writeString(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            }
            byte[] der = unpem(Files.readString(privateFile));
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            return new LocalIdentity(publicFile, key, clock);
        } catch (IOException | GeneralSecurityException e) {
            throw new DevstackException("cannot make or read the local signing key in " + dir, e);
        }
    }

    /** The public key the services verify with (PEM). */
    public Path publicKeyFile() {
        return publicKeyFile;
    }

    /** The public key itself, for a verifier that takes it by value. */
    public PublicKey publicKey() {
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(unpem(Files.readString(publicKeyFile))));
        } catch (IOException | GeneralSecurityException e) {
            throw new DevstackException("cannot read " + publicKeyFile, e);
        }
    }

    /** What a service needs to accept this provider's tokens (smallrye-jwt's standard keys). */
    public Map<String, String> serviceProperties() {
        return serviceProperties(publicKeyFile.getParent());
    }

    /** {@link #serviceProperties()} of the identity kept in {@code dir}, before its key exists. */
    public static Map<String, String> serviceProperties(Path dir) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("mp.jwt.verify.publickey.location", dir.toAbsolutePath().resolve(PUBLIC_FILE).toUri().toString());
        properties.put("mp.jwt.verify.issuer", ISSUER);
        properties.put("mp.jwt.verify.audiences", AUDIENCE);
        return properties;
    }

    /** A valid token for a person of {@code agency} with {@code roles}, good for {@link #DEFAULT_LIFETIME}. */
    public String token(String agency, String... roles) {
        return tokenFor(agency, roles).sign();
    }

    /** A token to be shaped before signing: tests use it for expired, foreign or unsigned tokens. */
    public Token tokenFor(String agency, String... roles) {
        return new Token(agency, List.of(roles));
    }

    /** One token's claims; {@link #sign()} for RS256 with the local key, {@link #unsigned()} for {@code alg=none}. */
    public final class Token {
        private String subject;
        private final String agency;
        private final List<String> roles;
        private String issuer = ISSUER;
        private String audience = AUDIENCE;
        private Instant issuedAt = clock.instant();
        private Instant expiresAt = issuedAt.plus(DEFAULT_LIFETIME);

        private Token(String agency, List<String> roles) {
            this.agency = agency;
            this.roles = roles;
            this.subject = (agency == null ? "person" : agency) + "-" + UUID.randomUUID().toString().substring(0, 8);
        }

        public Token subject(String value) {
            this.subject = value;
            return this;
        }

        public Token issuer(String value) {
            this.issuer = value;
            return this;
        }

        public Token audience(String value) {
            this.audience = value;
            return this;
        }

        public Token expiresAt(Instant value) {
            this.expiresAt = value;
            return this;
        }

        public Token lifetime(Duration value) {
            this.expiresAt = issuedAt.plus(value);
            return this;
        }

        public String sign() {
            String signingInput = encode("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + encode(claims());
            try {
                Signature rsa = Signature.getInstance("SHA256withRSA");
                rsa.initSign(signingKey);
                rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
                return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
            } catch (GeneralSecurityException e) {
                throw new DevstackException("cannot sign a token", e);
            }
        }

        /** The same claims with {@code alg=none} and no signature: every service must refuse it. */
        public String unsigned() {
            return encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + encode(claims()) + ".";
        }

        private String claims() {
            List<String> fields = new ArrayList<>();
            fields.add(field("iss", issuer));
            fields.add(field("aud", audience));
            fields.add(field("sub", subject));
            fields.add(field("upn", subject));
            if (agency != null) {
                fields.add(field("agency", agency));
            }
            List<String> quoted = roles.stream().map(LocalIdentity::quote).toList();
            fields.add("\"groups\":[" + String.join(",", quoted) + "]");
            fields.add("\"iat\":" + issuedAt.getEpochSecond());
            fields.add("\"exp\":" + expiresAt.getEpochSecond());
            fields.add(field("jti", UUID.randomUUID().toString()));
            return "{" + String.join(",", fields) + "}";
        }
    }

    private static String field(String name, String value) {
        return quote(name) + ":" + quote(value);
    }

    private static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] unpem(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    }
}
