package io.liandong.grievance.domain;

import io.liandong.contracts.common.GeoPoint;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a complainant can report: each category is a dispute type, and each dispute type has a
 * competent department. Loaded from data (see {@code catalogue/categories.yaml}); every category is
 * also an Open311 service.
 */
public final class Catalogue {

    public record Department(String code, String name) {
    }

    public record DisputeType(String code, String name, String incidentType, String department) {
    }

    public record AttributeValue(String key, String name) {
    }

    /** An Open311 service attribute: {@code datatype} is string, number, datetime, text, singlevaluelist or multivaluelist. */
    public record Attribute(String code, String datatype, boolean required, int order, String description,
                            List<AttributeValue> values) {
        public Attribute {
            values = values == null ? List.of() : List.copyOf(values);
        }
    }

    public record Category(String code, String name, String description, String group, List<String> keywords,
                           String disputeType, String serviceNotice, List<Attribute> attributes) {
        public Category {
            keywords = keywords == null ? List.of() : List.copyOf(keywords);
            attributes = attributes == null ? List.of() : List.copyOf(attributes);
        }
    }

    public record Area(String code, String name, double lat, double lon) {
        public GeoPoint centre() {
            return new GeoPoint(lat, lon);
        }
    }

    /** A category with what it resolves to. */
    public record Entry(Category category, DisputeType disputeType, Department department) {
    }

    private final Map<String, Department> departments = new LinkedHashMap<>();
    private final Map<String, DisputeType> disputeTypes = new LinkedHashMap<>();
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Map<String, Area> areas = new LinkedHashMap<>();

    public Catalogue(List<Department> departments, List<DisputeType> disputeTypes, List<Category> categories,
                     List<Area> areas) {
        departments.forEach(d -> this.departments.put(d.code(), d));
        for (DisputeType t : disputeTypes) {
            if (!this.departments.containsKey(t.department())) {
                throw new IllegalArgumentException("dispute type " + t.code() + " names an unknown department " + t.department());
            }
            this.disputeTypes.put(t.code(), t);
        }
        for (Category c : categories) {
            DisputeType type = this.disputeTypes.get(c.disputeType());
            if (type == null) {
                throw new IllegalArgumentException("category " + c.code() + " names an unknown dispute type " + c.disputeType());
            }
            if (this.entries.put(c.code(), new Entry(c, type, this.departments.get(type.department()))) != null) {
                throw new IllegalArgumentException("category " + c.code() + " appears twice");
            }
        }
        areas.forEach(a -> this.areas.put(a.code(), a));
    }

    public List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    public Optional<Entry> category(String code) {
        return Optional.ofNullable(code).map(entries::get);
    }

    public Optional<Area> area(String code) {
        return Optional.ofNullable(code).map(areas::get);
    }

    public Optional<Department> department(String code) {
        return Optional.ofNullable(code).map(departments::get);
    }

    /**
     * The department an agency id belongs to: the department with that code, or whose code the id
     * starts with ({@code police-binjiang-branch} is the police).
     */
    public Optional<Department> departmentOfAgency(String agencyId) {
        if (agencyId == null) {
            return Optional.empty();
        }
        Department exact = departments.get(agencyId);
        if (exact != null) {
            return Optional.of(exact);
        }
        return departments.values().stream().filter(d -> agencyId.startsWith(d.code() + "-")).findFirst();
    }
}
