package io.liandong.department.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.liandong.contracts.EventJson;

/** JSON columns (lists of parties, terms, contacts) in the same mapping the events use. */
final class Json {

    private Json() {
    }

    static String write(Object value) {
        try {
            return EventJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    static <T> T read(String json, TypeReference<T> type) {
        try {
            return EventJson.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not read a stored JSON column", e);
        }
    }
}
