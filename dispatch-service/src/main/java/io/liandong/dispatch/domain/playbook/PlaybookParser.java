package io.liandong.dispatch.domain.playbook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.liandong.contracts.common.OnSiteGroup;
import io.liandong.contracts.common.WireValues;
import io.liandong.contracts.incident.Severity;
import io.liandong.dispatch.domain.playbook.Playbook.Agency;
import io.liandong.dispatch.domain.playbook.Playbook.CrowdGuidance;
import io.liandong.dispatch.domain.playbook.Playbook.Escalation;
import io.liandong.dispatch.domain.playbook.Playbook.HealthRule;
import io.liandong.dispatch.domain.playbook.Playbook.IncidentTypePolicy;
import io.liandong.dispatch.domain.playbook.Playbook.RolePolicy;
import io.liandong.dispatch.domain.playbook.Playbook.Step;
import io.liandong.dispatch.domain.playbook.Playbook.SurgePolicy;
import io.liandong.platform.error.FieldError;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a playbook from YAML and checks it whole: it goes on after the first problem, so a
 * rejected playbook comes back with every error, each named by its path ({@code roles.police.onSceneWithin}).
 */
public final class PlaybookParser {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Pattern CODE = Pattern.compile("^[a-z][a-z0-9]*(-[a-z0-9]+)*$");
    private static final Pattern VERSION = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._@:/-]{0,99}$");
    private static final Set<String> TOP_LEVEL = Set.of("version", "title", "goldenPeriod", "warningThresholds",
            "escalation", "roles", "health", "agencies", "groups", "surge", "incidentTypes");

    private final List<FieldError> errors = new ArrayList<>();

    private PlaybookParser() {
    }

    /** The playbook, or {@link InvalidPlaybookException} listing every problem. */
    public static Playbook parse(String yaml) {
        PlaybookParser parser = new PlaybookParser();
        JsonNode root;
        try {
            root = YAML.readTree(yaml == null ? "" : yaml);
        } catch (Exception e) {
            throw new InvalidPlaybookException(List.of(new FieldError("", "not valid YAML: " + firstLine(e.getMessage()))));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidPlaybookException(List.of(new FieldError("", "a playbook is a YAML mapping")));
        }
        Playbook playbook = parser.read(root);
        if (!parser.errors.isEmpty()) {
            throw new InvalidPlaybookException(parser.errors);
        }
        return playbook;
    }

    private Playbook read(JsonNode root) {
        root.fieldNames().forEachRemaining(f -> {
            if (!TOP_LEVEL.contains(f)) {
                error(f, "is not a playbook field");
            }
        });
        String version = text(root, "version", "version");
        if (version != null && !VERSION.matcher(version).matches()) {
            error("version", "must be 1-100 letters, digits or ._@:/- (e.g. key-areas-standard@2)");
        }
        String title = optionalText(root, "title", "title");
        Duration golden = positiveDuration(root, "goldenPeriod", "goldenPeriod");
        List<Integer> thresholds = thresholds(root.path("warningThresholds"));
        Escalation escalation = escalation(root.path("escalation"));
        Map<String, RolePolicy> roles = roles(root.path("roles"));
        List<Agency> agencies = agencies(root.path("agencies"), roles.keySet());
        HealthRule health = health(root.path("health"), roles.keySet());
        Map<OnSiteGroup, List<String>> checklists = groups(root.path("groups"));
        Map<String, IncidentTypePolicy> types = incidentTypes(root.path("incidentTypes"), roles, agencies);
        SurgePolicy surge = surge(root.path("surge"), types.keySet());
        return new Playbook(version, title == null ? version : title, golden, thresholds, escalation, roles, health,
                agencies, checklists, surge, types);
    }

    private List<Integer> thresholds(JsonNode node) {
        List<Integer> values = new ArrayList<>();
        if (!node.isArray() || node.isEmpty()) {
            error("warningThresholds", "must list at least one share of a time limit in percent, e.g. [50, 80]");
            return values;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode v = node.get(i);
            if (!v.isInt() || v.asInt() < 1 || v.asInt() > 99) {
                error("warningThresholds[" + i + "]", "must be a whole percentage between 1 and 99");
            } else if (!values.isEmpty() && v.asInt() <= values.get(values.size() - 1)) {
                error("warningThresholds[" + i + "]", "must be greater than the one before");
            } else {
                values.add(v.asInt());
            }
        }
        return List.copyOf(values);
    }

    private Escalation escalation(JsonNode node) {
        if (!node.isObject()) {
            error("escalation", "is required: interval and ladder");
            return new Escalation(Duration.ofMinutes(5), List.of());
        }
        Duration interval = positiveDuration(node, "interval", "escalation.interval");
        List<String> ladder = codes(node.path("ladder"), "escalation.ladder", true);
        if (new HashSet<>(ladder).size() != ladder.size()) {
            error("escalation.ladder", "names a rung twice");
        }
        return new Escalation(interval, ladder);
    }

    private Map<String, RolePolicy> roles(JsonNode node) {
        Map<String, RolePolicy> roles = new LinkedHashMap<>();
        if (!node.isObject() || node.isEmpty()) {
            error("roles", "must define at least one agency role");
            return roles;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            var entry = it.next();
            String role = entry.getKey();
            String at = "roles." + role;
            if (!CODE.matcher(role).matches()) {
                error(at, "a role is a kebab-case code");
            }
            JsonNode r = entry.getValue();
            OnSiteGroup group = group(r.path("onSiteGroup"), at + ".onSiteGroup");
            Duration ack = positiveDuration(r, "acknowledgeWithin", at + ".acknowledgeWithin");
            Duration onScene = positiveDuration(r, "onSceneWithin", at + ".onSceneWithin");
            if (ack != null && onScene != null && ack.compareTo(onScene) > 0) {
                error(at + ".acknowledgeWithin", "must not be longer than onSceneWithin");
            }
            List<String> duties = texts(r.path("duties"), at + ".duties", true);
            roles.put(role, new RolePolicy(role, group, duties, ack, onScene));
        }
        return roles;
    }

    private List<Agency> agencies(JsonNode node, Set<String> roles) {
        List<Agency> agencies = new ArrayList<>();
        if (!node.isArray() || node.isEmpty()) {
            error("agencies", "must list the agencies that fill the roles");
            return agencies;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode a = node.get(i);
            String at = "agencies[" + i + "]";
            String id = text(a, "id", at + ".id");
            if (id != null && !CODE.matcher(id).matches()) {
                error(at + ".id", "an agency id is a kebab-case code");
            }
            if (id != null && !ids.add(id)) {
                error(at + ".id", "agency " + id + " is listed twice");
            }
            String name = optionalText(a, "name", at + ".name");
            String role = text(a, "role", at + ".role");
            if (role != null && !roles.contains(role)) {
                error(at + ".role", "unknown role " + role + "; roles: " + String.join(", ", roles));
            }
            List<String> areas = texts(a.path("areas"), at + ".areas", false);
            for (int j = 0; j < areas.size(); j++) {
                if (!areas.get(j).matches("\\d{2,12}")) {
                    error(at + ".areas[" + j + "]", "an area is a GB/T 2260 code prefix (digits)");
                }
            }
            List<String> competentFor = codes(a.path("competentFor"), at + ".competentFor", false);
            agencies.add(new Agency(id, name == null ? id : name, role, areas, competentFor));
        }
        return agencies;
    }

    private HealthRule health(JsonNode node, Set<String> roles) {
        if (node.isMissingNode()) {
            return new HealthRule(null, false, null);
        }
        String role = text(node, "role", "health.role");
        if (role != null && !roles.contains(role)) {
            error("health.role", "unknown role " + role);
        }
        boolean casualties = node.path("whenCasualtiesReported").asBoolean(false);
        Severity atLeast = null;
        if (node.has("severityAtLeast")) {
            atLeast = severity(node.path("severityAtLeast"), "health.severityAtLeast");
        }
        return new HealthRule(role, casualties, atLeast);
    }

    private Map<OnSiteGroup, List<String>> groups(JsonNode node) {
        Map<OnSiteGroup, List<String>> groups = new EnumMap<>(OnSiteGroup.class);
        for (OnSiteGroup g : OnSiteGroup.values()) {
            String wire = WireValues.of(g);
            JsonNode group = node.path(wire);
            if (!group.isObject()) {
                error("groups." + wire, "every on-site group needs its checklist");
                continue;
            }
            groups.put(g, codes(group.path("checklist"), "groups." + wire + ".checklist", true));
        }
        node.fieldNames().forEachRemaining(f -> {
            if (groups.keySet().stream().noneMatch(g -> WireValues.of(g).equals(f)) && !isGroup(f)) {
                error("groups." + f, "is not an on-site group (order-maintenance, mediation, crowd-guidance, logistics)");
            }
        });
        Set<String> seen = new HashSet<>();
        groups.forEach((g, list) -> list.forEach(code -> {
            if (!seen.add(code)) {
                error("groups." + WireValues.of(g) + ".checklist", "milestone " + code + " is in two checklists");
            }
        }));
        return groups;
    }

    private Map<String, IncidentTypePolicy> incidentTypes(JsonNode node, Map<String, RolePolicy> roles, List<Agency> agencies) {
        Map<String, IncidentTypePolicy> types = new LinkedHashMap<>();
        if (!node.isObject() || node.isEmpty()) {
            error("incidentTypes", "must define at least one incident type");
            return types;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            var entry = it.next();
            String type = entry.getKey();
            String at = "incidentTypes." + type;
            if (!CODE.matcher(type).matches()) {
                error(at, "an incident type is a kebab-case code");
            }
            JsonNode t = entry.getValue();
            String name = optionalText(t, "name", at + ".name");
            List<String> needed = codes(t.path("roles"), at + ".roles", true);
            for (int i = 0; i < needed.size(); i++) {
                String role = needed.get(i);
                if (!roles.containsKey(role)) {
                    error(at + ".roles[" + i + "]", "unknown role " + role);
                } else if (agencies.stream().noneMatch(a -> role.equals(a.role())
                        && (a.areas().isEmpty() || !a.competentFor().isEmpty()))) {
                    error(at + ".roles[" + i + "]", "no agency can fill " + role + " everywhere: list one without areas");
                }
                if (AgencyDirectory.COMPETENT_DEPARTMENT.equals(role) && agencies.stream()
                        .noneMatch(a -> role.equals(a.role()) && a.competentFor().contains(type))) {
                    error(at + ".roles[" + i + "]", "no competent department is competentFor " + type);
                }
            }
            JsonNode g = t.path("crowdGuidance");
            CrowdGuidance guidance;
            if (!g.isObject()) {
                error(at + ".crowdGuidance", "is required: zones, exits and timed steps");
                guidance = new CrowdGuidance(List.of(), List.of(), List.of());
            } else {
                List<String> zones = texts(g.path("zones"), at + ".crowdGuidance.zones", true);
                List<String> exits = texts(g.path("exits"), at + ".crowdGuidance.exits", true);
                List<Step> steps = new ArrayList<>();
                JsonNode s = g.path("steps");
                if (!s.isArray() || s.isEmpty()) {
                    error(at + ".crowdGuidance.steps", "must list at least one step");
                } else {
                    Duration previous = Duration.ZERO;
                    for (int i = 0; i < s.size(); i++) {
                        String stepAt = at + ".crowdGuidance.steps[" + i + "]";
                        Duration when = duration(s.get(i), "at", stepAt + ".at", true);
                        String action = text(s.get(i), "action", stepAt + ".action");
                        if (when != null && when.compareTo(previous) < 0) {
                            error(stepAt + ".at", "steps must be in time order");
                        }
                        if (when != null) {
                            previous = when;
                        }
                        steps.add(new Step(when, action));
                    }
                }
                guidance = new CrowdGuidance(zones, exits, steps);
            }
            Map<OnSiteGroup, List<String>> talking = new EnumMap<>(OnSiteGroup.class);
            JsonNode tp = t.path("talkingPoints");
            for (OnSiteGroup group : OnSiteGroup.values()) {
                String wire = WireValues.of(group);
                talking.put(group, texts(tp.path(wire), at + ".talkingPoints." + wire, true));
            }
            tp.fieldNames().forEachRemaining(f -> {
                if (!isGroup(f)) {
                    error(at + ".talkingPoints." + f, "is not an on-site group");
                }
            });
            types.put(type, new IncidentTypePolicy(type, name == null ? type : name, needed, guidance, talking));
        }
        return types;
    }

    private SurgePolicy surge(JsonNode node, Set<String> types) {
        if (!node.isObject()) {
            error("surge", "is required: defaultIncidentType, severity, highSeverityAtCount");
            return new SurgePolicy(null, Severity.MEDIUM, Integer.MAX_VALUE);
        }
        String type = text(node, "defaultIncidentType", "surge.defaultIncidentType");
        if (type != null && !types.contains(type)) {
            error("surge.defaultIncidentType", "unknown incident type " + type);
        }
        Severity severity = severity(node.path("severity"), "surge.severity");
        int high = node.path("highSeverityAtCount").asInt(Integer.MAX_VALUE);
        if (high < 1) {
            error("surge.highSeverityAtCount", "must be at least 1");
        }
        return new SurgePolicy(type, severity, high);
    }

    // --- values

    private static boolean isGroup(String wire) {
        for (OnSiteGroup g : OnSiteGroup.values()) {
            if (WireValues.of(g).equals(wire)) {
                return true;
            }
        }
        return false;
    }

    private OnSiteGroup group(JsonNode node, String at) {
        if (!node.isTextual() || !isGroup(node.asText())) {
            error(at, "must be one of order-maintenance, mediation, crowd-guidance, logistics");
            return null;
        }
        return WireValues.parse(OnSiteGroup.class, node.asText());
    }

    private Severity severity(JsonNode node, String at) {
        try {
            return WireValues.parse(Severity.class, node.asText());
        } catch (IllegalArgumentException e) {
            error(at, "must be one of low, medium, high, critical");
            return null;
        }
    }

    private String text(JsonNode parent, String field, String at) {
        JsonNode node = parent.path(field);
        if (!node.isTextual() || node.asText().isBlank()) {
            error(at, "is required");
            return null;
        }
        return node.asText().trim();
    }

    private String optionalText(JsonNode parent, String field, String at) {
        JsonNode node = parent.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            error(at, "must be text");
            return null;
        }
        return node.asText();
    }

    private List<String> texts(JsonNode node, String at, boolean required) {
        List<String> values = new ArrayList<>();
        if (node.isMissingNode() || node.isNull()) {
            if (required) {
                error(at, "must list at least one entry");
            }
            return values;
        }
        if (!node.isArray() || (required && node.isEmpty())) {
            error(at, "must list at least one entry");
            return values;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode v = node.get(i);
            if (!v.isValueNode() || v.asText().isBlank()) {
                error(at + "[" + i + "]", "must be non-empty text");
            } else {
                values.add(v.asText());
            }
        }
        return List.copyOf(values);
    }

    private List<String> codes(JsonNode node, String at, boolean required) {
        List<String> values = texts(node, at, required);
        for (int i = 0; i < values.size(); i++) {
            if (!CODE.matcher(values.get(i)).matches()) {
                error(at + "[" + i + "]", "'" + values.get(i) + "' is not a kebab-case code");
            }
        }
        return values;
    }

    private Duration positiveDuration(JsonNode parent, String field, String at) {
        Duration d = duration(parent, field, at, false);
        return d;
    }

    private Duration duration(JsonNode parent, String field, String at, boolean zeroAllowed) {
        JsonNode node = parent.path(field);
        if (!node.isTextual()) {
            error(at, "is required, as an ISO-8601 duration such as PT5M");
            return null;
        }
        try {
            Duration d = Duration.parse(node.asText());
            if (d.isNegative() || (!zeroAllowed && d.isZero())) {
                error(at, zeroAllowed ? "must not be negative" : "must be longer than zero");
                return null;
            }
            return d;
        } catch (DateTimeParseException e) {
            error(at, "'" + node.asText() + "' is not an ISO-8601 duration such as PT5M");
            return null;
        }
    }

    private void error(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }
}
