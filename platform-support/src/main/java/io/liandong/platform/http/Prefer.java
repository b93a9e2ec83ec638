package io.liandong.platform.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code Prefer} request header (RFC 7240), as far as the services honour it: {@code return=minimal} asks a change
 * to answer with the changed resource alone, not with everything around it that a read of it shows. A service that
 * honours it says so with {@code Preference-Applied: return=minimal}; any other preference is ignored, as the RFC
 * allows.
 */
public final class Prefer {

    public static final String HEADER = "Prefer";
    public static final String APPLIED = "Preference-Applied";
    public static final String RETURN_MINIMAL = "return=minimal";

    private Prefer() {
    }

    /**
     * Whether the request's {@code Prefer} headers ask for {@code return=minimal}. Names are compared without regard to
     * case, a value may be quoted, and parameters after {@code ;} are ignored. When {@code return} is given more than
     * once, the first one counts (RFC 7240 §2).
     *
     * @param headers every {@code Prefer} header of the request, each possibly a comma-separated list; null or empty
     *                when there is none
     */
    public static boolean returnMinimal(List<String> headers) {
        if (headers == null) {
            return false;
        }
        for (String header : headers) {
            if (header == null) {
                continue;
            }
            for (String preference : splitOutsideQuotes(header, ',')) {
                String nameAndValue = splitOutsideQuotes(preference, ';').get(0).trim();
                int equals = nameAndValue.indexOf('=');
                String name = (equals < 0 ? nameAndValue : nameAndValue.substring(0, equals)).trim();
                if (!name.equalsIgnoreCase("return")) {
                    continue;
                }
                String value = equals < 0 ? "" : unquote(nameAndValue.substring(equals + 1).trim());
                return value.toLowerCase(Locale.ROOT).equals("minimal");
            }
        }
        return false;
    }

    private static List<String> splitOutsideQuotes(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\\' && quoted && i + 1 < text.length()) {
                part.append(c).append(text.charAt(++i));
                continue;
            }
            if (c == separator && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return parts;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1).replaceAll("\\\\(.)", "$1");
        }
        return value;
    }
}
