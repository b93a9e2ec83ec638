package io.liandong.department.domain;

import java.util.List;

/**
 * An agency that receives assignments.
 *
 * @param id           stable id, the one dispatch's playbook assigns
 * @param name         display name
 * @param role         the role it fills: police, competent-department, community-committee, ...
 * @param areas        area-code prefixes it serves; empty: anywhere its role is needed
 * @param competentFor dispute types and incident types it is the competent department for
 * @param onDuty       who is on duty and how they are reached
 */
public record Agency(String id, String name, String role, List<String> areas, List<String> competentFor, OnDuty onDuty) {

    public Agency {
        areas = areas == null ? List.of() : List.copyOf(areas);
        competentFor = competentFor == null ? List.of() : List.copyOf(competentFor);
    }

    /** The person on duty and the channels that reach them (phone, radio, app). */
    public record OnDuty(String name, String title, List<Contact> contacts) {
        public OnDuty {
            contacts = contacts == null ? List.of() : List.copyOf(contacts);
        }
    }

    public record Contact(String channel, String value) {
    }

    /** The length of the longest of its areas that {@code areaCode} starts with; -1 if none, 0 if it serves anywhere. */
    public int areaMatch(String areaCode) {
        if (areas.isEmpty()) {
            return 0;
        }
        int best = -1;
        for (String area : areas) {
            if (areaCode != null && areaCode.startsWith(area)) {
                best = Math.max(best, area.length());
            }
        }
        return best;
    }
}
