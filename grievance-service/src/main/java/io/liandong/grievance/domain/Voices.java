package io.liandong.grievance.domain;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Who is speaking, for surge counting. Near-identical grievances count once:
 * <ul>
 *   <li>grievances from the same identified complainant (the same complainant reference, i.e. the
 *       same phone number, e-mail address or partner account) are one voice, whatever their words;</li>
 *   <li>anonymous grievances are one voice when their descriptions are the same once case, spaces,
 *       punctuation and symbols are ignored (a form submitted twice, a message pasted again).</li>
 * </ul>
 * Grievances are only ever compared within one cluster (same dispute type, same place, same window).
 */
public final class Voices {

    private Voices() {
    }

    public static String of(String complainantRef, boolean identified, String description) {
        return identified ? "complainant:" + complainantRef : "text:" + normalise(description);
    }

    static String normalise(String description) {
        String text = Normalizer.normalize(description, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        String kept = text.replaceAll("[\\p{P}\\p{S}\\p{Z}\\s]+", "");
        return kept.length() > 180 ? kept.substring(0, 180) : kept;
    }
}
