package io.liandong.platform.versioning;

import io.liandong.platform.error.StaleVersionException;
import java.util.ArrayList;
import java.util.List;

/**
 * ETags and If-Match for aggregates with a numeric version. The ETag of version 3 is the strong
 * tag {@code "3"}. A change must carry If-Match: missing answers 428, a list that names no current
 * version answers 412. {@code *} matches any existing resource; weak tags never match (If-Match
 * uses strong comparison, RFC 9110 §13.1.1).
 */
public final class Versions {

    private Versions() {
    }

    /** The ETag header value of a version, quotes included: {@code "3"}. */
    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * Checks an If-Match header against the current version of {@code what} {@code id}.
     *
     * @throws PreconditionRequiredException when the header is missing or blank (428)
     * @throws StaleVersionException         when no tag in it is the current version (412)
     */
    public static void requireMatch(String ifMatch, long currentVersion, String what, String id) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequiredException(what, id);
        }
        List<String> tags = parse(ifMatch);
        if (tags.contains("*") || tags.contains(etag(currentVersion))) {
            return;
        }
        throw new StaleVersionException(what, id, String.join(", ", tags), etag(currentVersion));
    }

    /** The entity tags of an If-Match header, as written (quotes kept, {@code W/} kept so they never match). */
    public static List<String> parse(String header) {
        List<String> tags = new ArrayList<>();
        int i = 0;
        while (i < header.length()) {
            char c = header.charAt(i);
            if (c == ',' || Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            if (header.startsWith("W/", i)) {
                i += 2;
            }
            if (i < header.length() && header.charAt(i) == '"') {
                int close = header.indexOf('"', i + 1);
                i = close < 0 ? header.length() : close + 1;
            } else {
                while (i < header.length() && header.charAt(i) != ',') {
                    i++;
                }
            }
            tags.add(header.substring(start, i).trim());
        }
        return tags;
    }
}
