package io.liandong.grievance.application;

import io.liandong.grievance.domain.Catalogue;
import io.liandong.platform.error.FieldError;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Checks the answers to a category's attributes (Open311 {@code attribute[code]=value}) against their definitions. */
final class Attributes {

    private Attributes() {
    }

    static List<FieldError> check(Catalogue.Category category, Map<String, String> answers) {
        List<FieldError> errors = new ArrayList<>();
        for (Catalogue.Attribute a : category.attributes()) {
            String value = answers.get(a.code());
            String field = "attribute[" + a.code() + "]";
            if (value == null || value.isBlank()) {
                if (a.required()) {
                    errors.add(new FieldError(field, "is required for " + category.code()));
                }
                continue;
            }
            switch (a.datatype()) {
                case "number" -> {
                    try {
                        new BigDecimal(value.trim());
                    } catch (NumberFormatException e) {
                        errors.add(new FieldError(field, "must be a number"));
                    }
                }
                case "datetime" -> {
                    try {
                        OffsetDateTime.parse(value.trim());
                    } catch (DateTimeParseException e) {
                        errors.add(new FieldError(field, "must be an ISO 8601 date and time"));
                    }
                }
                case "singlevaluelist", "multivaluelist" -> {
                    List<String> keys = a.values().stream().map(Catalogue.AttributeValue::key).toList();
                    for (String v : value.split(",")) {
                        if (!keys.contains(v.trim())) {
                            errors.add(new FieldError(field, "must be one of " + String.join(", ", keys)));
                            break;
                        }
                    }
                }
                default -> {
                    if (value.length() > 2000) {
                        errors.add(new FieldError(field, "must be at most 2000 characters"));
                    }
                }
            }
        }
        for (String code : answers.keySet()) {
            if (category.attributes().stream().noneMatch(a -> a.code().equals(code))) {
                errors.add(new FieldError("attribute[" + code + "]", "is not an attribute of " + category.code()));
            }
        }
        return errors;
    }
}
