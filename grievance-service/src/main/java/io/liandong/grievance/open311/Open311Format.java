package io.liandong.grievance.open311;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;

/**
 * Writes one Open311 answer in either format from the same ordered structure, so that the JSON and
 * the XML always carry the same fields: maps are elements or objects (in insertion order), lists are
 * arrays or repeated child elements named by {@link #itemName}, null is {@code null} or an empty element.
 */
final class Open311Format {

    static final String JSON = "application/json;charset=utf-8";
    static final String XML = "text/xml;charset=utf-8";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Open311Format() {
    }

    static String mediaType(String format) {
        return "xml".equals(format) ? XML : JSON;
    }

    static String write(String format, String root, Object value) {
        return "xml".equals(format) ? xml(root, value) : json(value);
    }

    static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String xml(String root, Object value) {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
        element(out, root, value);
        return out.toString();
    }

    /** The element of one item of a list element: {@code services} holds {@code service}s, {@code service_requests} holds {@code request}s. */
    static String itemName(String list) {
        return switch (list) {
            case "services" -> "service";
            case "service_requests" -> "request";
            case "attributes" -> "attribute";
            case "values" -> "value";
            case "endpoints" -> "endpoint";
            case "formats" -> "format";
            case "errors" -> "error";
            default -> list.endsWith("s") ? list.substring(0, list.length() - 1) : list + "_item";
        };
    }

    private static void element(StringBuilder out, String name, Object value) {
        out.append('<').append(name).append('>');
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                element(out, String.valueOf(e.getKey()), e.getValue());
            }
        } else if (value instanceof List<?> list) {
            for (Object item : list) {
                element(out, itemName(name), item);
            }
        } else if (value != null) {
            escape(out, String.valueOf(value));
        }
        out.append("</").append(name).append('>');
    }

    private static void escape(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    // Characters XML 1.0 cannot carry at all are dropped rather than breaking the document.
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        out.append(c);
                    }
                }
            }
        }
    }
}
