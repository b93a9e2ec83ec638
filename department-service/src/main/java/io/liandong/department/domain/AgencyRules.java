package io.liandong.department.domain;

import io.liandong.platform.error.FieldError;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** What makes an agency entry valid, and how a role is resolved to an agency. */
public final class AgencyRules {

    public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,127}");
    public static final Pattern AREA = Pattern.compile("[0-9]{2,12}");
    public static final Set<String> CHANNELS = Set.of("phone", "radio", "app", "sms", "fax", "in-person");

    private AgencyRules() {
    }

    /** Every problem of an entry, each naming its field; empty when valid. */
    public static List<FieldError> check(Agency a) {
        List<FieldError> errors = new ArrayList<>();
        if (a.id() == null || !ID.matcher(a.id()).matches()) {
            errors.add(new FieldError("id", "must be 2 to 128 lowercase letters, digits or dashes"));
        }
        if (a.name() == null || a.name().isBlank()) {
            errors.add(new FieldError("name", "must not be blank"));
        }
        if (a.role() == null || !ID.matcher(a.role()).matches()) {
            errors.add(new FieldError("role", "must be a kebab-case role such as police or competent-department"));
        }
        for (int i = 0; i < a.areas().size(); i++) {
            if (a.areas().get(i) == null || !AREA.matcher(a.areas().get(i)).matches()) {
                errors.add(new FieldError("areas[" + i + "]", "must be an area code prefix of 2 to 12 digits"));
            }
        }
        if (a.onDuty() == null) {
            errors.add(new FieldError("onDuty", "must say who is on duty"));
        } else {
            if (a.onDuty().name() == null || a.onDuty().name().isBlank()) {
                errors.add(new FieldError("onDuty.name", "must not be blank"));
            }
            if (a.onDuty().contacts().isEmpty()) {
                errors.add(new FieldError("onDuty.contacts", "must say how the duty officer is reached"));
            }
            for (int i = 0; i < a.onDuty().contacts().size(); i++) {
                Agency.Contact c = a.onDuty().contacts().get(i);
                if (c == null || c.channel() == null || !CHANNELS.contains(c.channel())) {
                    errors.add(new FieldError("onDuty.contacts[" + i + "].channel", "must be one of " + String.join(", ",
                            CHANNELS.stream().sorted().toList())));
                }
                if (c == null || c.value() == null || c.value().isBlank()) {
                    errors.add(new FieldError("onDuty.contacts[" + i + "].value", "must not be blank"));
                }
            }
        }
        return errors;
    }

    /** The problems of a whole registry: each entry's, and ids used twice. */
    public static List<FieldError> check(List<Agency> registry) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < registry.size(); i++) {
            String at = "agencies[" + i + "].";
            check(registry.get(i)).forEach(e -> errors.add(new FieldError(at + e.field(), e.message())));
            if (!ids.add(registry.get(i).id())) {
                errors.add(new FieldError(at + "id", "is used twice"));
            }
        }
        return errors;
    }

    /**
     * The agency that fills {@code role} for an incident: among the agencies of that role serving
     * its area (the longest matching area prefix wins, one serving anywhere counts least), a
     * competent department must also be competent for the dispute type, or else for the incident type.
     */
    public static Optional<Agency> resolve(List<Agency> registry, String role, String disputeType, String incidentType,
                                           String areaCode) {
        List<Agency> candidates = registry.stream()
                .filter(a -> a.role().equals(role) && a.areaMatch(areaCode) >= 0).toList();
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        if (!candidates.stream().allMatch(a -> a.competentFor().isEmpty())) {
            for (String type : new String[] {disputeType, incidentType}) {
                if (type == null) {
                    continue;
                }
                Optional<Agency> competent = best(candidates.stream().filter(a -> a.competentFor().contains(type)).toList(),
                        areaCode);
                if (competent.isPresent()) {
                    return competent;
                }
            }
            return Optional.empty();
        }
        return best(candidates, areaCode);
    }

    private static Optional<Agency> best(List<Agency> candidates, String areaCode) {
        return candidates.stream().max(Comparator.<Agency>comparingInt(a -> a.areaMatch(areaCode))
                .thenComparing(Agency::id, Comparator.reverseOrder()));
    }
}
