package io.liandong.grievance.application;

import io.liandong.grievance.config.GrievanceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The opaque complainant reference events carry instead of contact details. The same phone number,
 * e-mail address or partner account always gives the same reference (an HMAC under a key only this
 * service has), so repeated grievances of one person can be recognised without anyone else learning
 * who they are; an anonymous grievance gets a reference of its own.
 */
@ApplicationScoped
public class Complainants {

    public record Identity(String ref, boolean identified) {
    }

    private final SecretKeySpec key;

    Complainants(GrievanceConfig config) {
        this.key = new SecretKeySpec(config.complainantRefSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public Identity identify(NewGrievance g) {
        String who = null;
        if (g.contact() != null && notBlank(g.contact().phone())) {
            who = "phone:" + g.contact().phone().replaceAll("[^0-9+]", "");
        } else if (g.contact() != null && notBlank(g.contact().email())) {
            who = "email:" + g.contact().email().trim().toLowerCase(Locale.ROOT);
        } else if (notBlank(g.partnerAccount()) && g.partnerId() != null) {
            who = "account:" + g.partnerId() + ":" + g.partnerAccount().trim();
        }
        if (who == null) {
            return new Identity("anon-" + UUID.randomUUID().toString().substring(0, 18), false);
        }
        return new Identity("cpl-" + hmac(who).substring(0, 20), true);
    }

    private String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
