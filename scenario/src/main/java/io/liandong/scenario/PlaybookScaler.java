package io.liandong.scenario;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A copy of a playbook whose every time limit runs {@code speed} times faster: each ISO-8601
 * duration of the YAML (limits, escalation interval, golden period, crowd-guidance steps) is
 * divided by the speed, and the version becomes {@code <version>/scenario-x<speed>}, so the copy
 * never takes the name of other content and the original is found again from it.
 */
final class PlaybookScaler {

    static final String MARKER = "/scenario-x";

    private static final Pattern VERSION = Pattern.compile("(?m)^version:\\s*(\\S+)\\s*$");
    private static final Pattern DURATION = Pattern.compile(
            "(?<![A-Za-z0-9])PT(?=\\d)(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+(?:\\.\\d+)?)S)?(?![A-Za-z0-9.])");

    private PlaybookScaler() {
    }

    static String version(String yaml) {
        Matcher m = VERSION.matcher(yaml);
        if (!m.find()) {
            throw new ScenarioException("the running playbook has no version line");
        }
        return m.group(1);
    }

    /** Is this a copy the scenario made, and at which speed (0: not a copy)? */
    static int scaledSpeed(String yaml) {
        String v = version(yaml);
        int at = v.lastIndexOf(MARKER);
        return at < 0 ? 0 : Integer.parseInt(v.substring(at + MARKER.length()));
    }

    /** The copy of {@code yaml} running {@code speed} times faster. */
    static String scale(String yaml, int speed) {
        if (speed < 1) {
            throw new IllegalArgumentException("speed must be at least 1");
        }
        String scaled = map(yaml, d -> d.dividedBy(speed));
        return VERSION.matcher(scaled).replaceFirst("version: " + version(yaml) + MARKER + speed);
    }

    /** The original of a copy {@link #scale} made (limits in whole seconds, as the originals are). */
    static String unscale(String yaml) {
        int speed = scaledSpeed(yaml);
        if (speed == 0) {
            return yaml;
        }
        String v = version(yaml);
        String original = map(yaml, d -> Duration.ofSeconds(Math.round(d.toMillis() * (double) speed / 1000.0)));
        return VERSION.matcher(original).replaceFirst("version: " + v.substring(0, v.lastIndexOf(MARKER)));
    }

    private static String map(String yaml, java.util.function.UnaryOperator<Duration> f) {
        Matcher m = DURATION.matcher(yaml);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Duration d = Duration.ofHours(m.group(1) == null ? 0 : Long.parseLong(m.group(1)))
                    .plusMinutes(m.group(2) == null ? 0 : Long.parseLong(m.group(2)))
                    .plusMillis(m.group(3) == null ? 0
                            : new BigDecimal(m.group(3)).movePointRight(3).setScale(0, RoundingMode.HALF_UP).longValue());
            // A zero (a procedure's first step "at PT0M") stays as written.
            String replacement = d.isZero() ? m.group() : f.apply(d).truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString();
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
