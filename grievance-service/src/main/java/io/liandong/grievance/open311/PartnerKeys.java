package io.liandong.grievance.open311;

import io.liandong.grievance.config.GrievanceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Open311 partners and their {@code api_key}s, known only by their SHA-256 hashes. Keys are
 * compared in constant time. Issuing and revoking keys through an API is a later step; today the
 * hashes come from configuration.
 */
@ApplicationScoped
public class PartnerKeys {

    private final Map<String, String> hashes;

    PartnerKeys(GrievanceConfig config) {
        this.hashes = config.open311().partnerKeys();
    }

    /** The partner whose key this is. */
    public Optional<String> partnerOf(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            return Optional.empty();
        }
        byte[] hash = sha256(apiKey).getBytes(StandardCharsets.US_ASCII);
        String found = null;
        for (var e : hashes.entrySet()) {
            if (MessageDigest.isEqual(hash, e.getValue().trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
                found = e.getKey();
            }
        }
        return Optional.ofNullable(found);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
