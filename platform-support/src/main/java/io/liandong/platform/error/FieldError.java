package io.liandong.platform.error;

/** One field of a request and what is wrong with it; {@code field} is a JSON path such as {@code place.lat}. */
public record FieldError(String field, String message) {
}
