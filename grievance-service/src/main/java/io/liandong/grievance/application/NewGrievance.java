package io.liandong.grievance.application;

import io.liandong.contracts.grievance.GrievanceChannel;
import java.util.List;
import java.util.Map;

/**
 * A grievance as filed, through the native API or Open311.
 *
 * @param lat            null when the complainant gave no coordinates
 * @param areaCode       null only for Open311, where the jurisdiction gives it
 * @param contact        null when the complainant left none
 * @param partnerAccount the complainant's account at the filing partner (Open311 account_id), if any
 */
public record NewGrievance(String category, String description, Double lat, Double lon, String address, String areaCode,
                           GrievanceChannel channel, String partnerId, String jurisdictionId, Contact contact,
                           String partnerAccount, List<String> attachmentUrls, Map<String, String> attributes) {

    public NewGrievance {
        attachmentUrls = attachmentUrls == null ? List.of() : List.copyOf(attachmentUrls);
        attributes = attributes == null ? Map.of() : new java.util.TreeMap<>(attributes);
    }

    /** The complainant's contact details; protected, never on an event. */
    public record Contact(String name, String phone, String email) {
    }
}
