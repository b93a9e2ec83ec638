package io.liandong.department.application;

import com.fasterxml.jackson.core.type.TypeReference;
import io.liandong.contracts.EventJson;
import io.liandong.contracts.EventJsonException;

/** JSON columns (lists of parties, terms, contacts) in the same mapping the events use. */
final class Json {

    private Json() {
    }

    static String write(Object value) {
        try {
            return EventJson.write(value);
        } catch (EventJsonException e) {
            throw new IllegalStateException("could not write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    static <T> T read(String json, TypeReference<T> type) {
        try {
            return EventJson.read(json, type);
        } catch (EventJsonException e) {
            throw new IllegalStateException("could not read a stored JSON column", e);
        }
    }
}
