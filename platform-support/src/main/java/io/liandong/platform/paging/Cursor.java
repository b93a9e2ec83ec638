package io.liandong.platform.paging;

import io.liandong.platform.error.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Where a list stopped: the sort values of the last item shown (e.g. its time and its id), as an
 * opaque base64url token. Clients pass it back unchanged; they must not build or parse it, so the
 * sort can change without breaking them.
 */
public record Cursor(List<String> values) {

    private static final String VERSION = "c1";
    private static final char SEPARATOR = '\u001f';

    public Cursor {
        values = List.copyOf(values);
        for (String v : values) {
            if (v.indexOf(SEPARATOR) >= 0) {
                throw new IllegalArgumentException("a cursor value may not contain U+001F");
            }
        }
    }

    public static Cursor of(String... values) {
        return new Cursor(Arrays.asList(values));
    }

    public String value(int i) {
        return values.get(i);
    }

    /**
     * Value {@code i} read as the instant it was written from.
     *
     * @throws InvalidInputException naming the {@code cursor} parameter when it is not one
     */
    public Instant instant(int i) {
        try {
            return Instant.parse(values.get(i));
        } catch (DateTimeParseException e) {
            throw invalid();
        }
    }

    public String encode() {
        String text = VERSION + SEPARATOR + String.join(String.valueOf(SEPARATOR), values);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads a cursor this API issued, expecting {@code size} values.
     *
     * @throws InvalidInputException naming the {@code cursor} parameter, for anything else
     */
    public static Cursor decode(String token, int size) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        String[] parts = text.split(String.valueOf(SEPARATOR), -1);
        if (parts.length != size + 1 || !VERSION.equals(parts[0])) {
            throw invalid();
        }
        return new Cursor(Arrays.asList(parts).subList(1, parts.length));
    }

    private static InvalidInputException invalid() {
        return new InvalidInputException("cursor", "is not a cursor this API issued; pass back nextCursor unchanged");
    }
}
