package io.liandong.devstack;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads devstack settings: a system property first, then the environment variable of the same
 * name in upper case with dots and dashes as underscores ({@code liandong.kafka.port} ->
 * {@code LIANDONG_KAFKA_PORT}).
 */
final class Config {

    private Config() {
    }

    static String envName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    static Optional<String> get(String key) {
        String value = System.getProperty(key);
        if (value == null || value.isBlank()) {
            value = System.getenv(envName(key));
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    static String get(String key, String fallback) {
        return get(key).orElse(fallback);
    }

    static int getInt(String key, int fallback) {
        Optional<String> value = get(key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.get());
        } catch (NumberFormatException e) {
            throw new DevstackException(key + " (or " + envName(key) + ") must be a number, was '" + value.get() + "'");
        }
    }

    static boolean getBoolean(String key, boolean fallback) {
        return get(key).map(v -> v.equalsIgnoreCase("true") || v.equals("1") || v.equalsIgnoreCase("yes")).orElse(fallback);
    }

    static Duration getSeconds(String key, Duration fallback) {
        return get(key).map(v -> Duration.ofSeconds(getInt(key, 0))).orElse(fallback);
    }

    /** "name (NAME)" for messages. */
    static String describe(String key) {
        return key + " (" + envName(key) + ")";
    }
}
