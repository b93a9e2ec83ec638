package io.liandong.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.liandong.contracts.common.WireValues;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The schemas are valid, strict, and say exactly what the records say. */
class SchemaTest {

    /**
     * Keywords that mean the same in draft 2020-12 and in draft-07, the JSON Schema dialect every
     * AsyncAPI 3.0 tool must read. ({@code $defs} is only a location that {@code $ref} points into.)
     */
    private static final Set<String> PORTABLE_KEYWORDS = Set.of(
            "$schema", "$id", "$ref", "$defs", "$comment", "title", "description", "examples",
            "type", "properties", "required", "additionalProperties", "items", "enum", "const",
            "pattern", "format", "minimum", "maximum", "minLength", "maxLength", "minItems", "maxItems",
            "uniqueItems", "if", "then", "else", "not", "allOf", "anyOf", "oneOf");

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaIsAValidDraft202012Schema(EventType type) {
        JsonNode schema = ContractResources.schemaNode(type);

        assertThat(ContractResources.validateAgainstMetaSchema(schema)).as(type.type()).isEmpty();
        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("$id").asText()).endsWith("/" + type.type() + ".schema.json");
        assertThat(schema.path("title").asText()).isEqualTo(type.payloadClass().getSimpleName());
        assertThat(schema.path("description").asText()).isNotBlank();
        assertThatCode(() -> ContractResources.schema(type)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyObjectIsClosedAndItsRequiredFieldsExist(EventType type) {
        JsonNode schema = ContractResources.schemaNode(type);
        List<JsonNode> objects = new ArrayList<>();
        objects.add(schema);
        schema.path("$defs").forEach(objects::add);

        for (JsonNode object : objects) {
            assertThat(object.path("type").asText()).isEqualTo("object");
            assertThat(object.path("additionalProperties").isBoolean()).isTrue();
            assertThat(object.path("additionalProperties").booleanValue()).isFalse();
            assertThat(object.path("description").asText()).isNotBlank();
            Set<String> properties = names(object.path("properties"));
            object.path("required").forEach(r -> assertThat(properties).contains(r.asText()));
            object.path("properties").forEach(p -> assertThat(p.path("description").asText()).isNotBlank());
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void usesOnlyKeywordsDraft07ToolsReadTheSameWay(EventType type) {
        List<String> unknown = new ArrayList<>();
        collectKeywords(ContractResources.schemaNode(type), unknown);

        assertThat(unknown).as(type.type()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaDescribesExactlyThePayloadRecord(EventType type) {
        JsonNode root = ContractResources.schemaNode(type);

        assertMatches(type.payloadClass(), root, root, type.payloadClass().getSimpleName());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void aRequiredFieldIsRequiredByTheRecordToo(EventType type) {
        JsonNode schema = ContractResources.schemaNode(type);
        JsonNode sample = ContractResources.sample(type);
        Set<String> required = new TreeSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));

        for (String field : names(schema.path("properties"))) {
            ObjectNode without = sample.deepCopy();
            without.remove(field);
            String json = without.toString();
            if (required.contains(field)) {
                assertThatThrownBy(() -> EventJson.read(json, type))
                        .as("%s without %s", type.type(), field)
                        .isInstanceOf(EventJsonException.class);
            } else {
                assertThatCode(() -> EventJson.read(json, type))
                        .as("%s without %s", type.type(), field)
                        .doesNotThrowAnyException();
            }
        }
    }

    private static void assertMatches(Class<?> record, JsonNode schema, JsonNode root, String path) {
        JsonNode object = resolve(schema, root);
        RecordComponent[] components = record.getRecordComponents();
        assertThat(components).as(path + " is a record").isNotNull();

        assertThat(names(object.path("properties"))).as(path + " properties")
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(components).map(RecordComponent::getName).toList());
        for (RecordComponent c : components) {
            JsonNode property = object.path("properties").path(c.getName());
            String at = path + "." + c.getName();
            if (c.getType().isPrimitive()) {
                assertThat(names(object.path("required"), true)).as(at + " is primitive, so required").contains(c.getName());
            }
            assertType(c.getGenericType(), property, root, at);
        }
    }

    private static void assertType(Type type, JsonNode property, JsonNode root, String at) {
        JsonNode resolved = resolve(property, root);
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            assertThat(resolved.path("type").asText()).as(at).isEqualTo("array");
            assertType(list.getActualTypeArguments()[0], resolved.path("items"), root, at + "[]");
            return;
        }
        Class<?> c = (Class<?>) type;
        if (c.isRecord()) {
            assertMatches(c, resolved, root, at);
        } else if (c.isEnum()) {
            Set<String> wire = new TreeSet<>();
            for (Object constant : c.getEnumConstants()) {
                wire.add(WireValues.of((Enum<?>) constant));
            }
            assertThat(names(resolved.path("enum"), true)).as(at + " enum").isEqualTo(wire);
        } else if (c == String.class) {
            assertThat(resolved.path("type").asText()).as(at).isEqualTo("string");
        } else if (c == Instant.class) {
            assertThat(resolved.path("type").asText()).as(at).isEqualTo("string");
            assertThat(resolved.path("format").asText()).as(at).isEqualTo("date-time");
        } else if (c == Period.class || c == Duration.class) {
            assertThat(resolved.path("type").asText()).as(at).isEqualTo("string");
            assertThat(resolved.path("pattern").asText()).as(at).startsWith("^P");
        } else if (c == int.class || c == Integer.class || c == long.class || c == Long.class) {
            assertThat(resolved.path("type").asText()).as(at).isEqualTo("integer");
        } else if (c == double.class || c == Double.class) {
            assertThat(resolved.path("type").asText()).as(at).isEqualTo("number");
        } else if (c == boolean.class || c == Boolean.class) {
            assertThat(resolved.path("type").asText()).as(at).isEqualTo("boolean");
        } else {
            throw new AssertionError(at + ": no schema rule for " + c.getName());
        }
    }

    /** Follows a local {@code #/$defs/...} reference. */
    private static JsonNode resolve(JsonNode schema, JsonNode root) {
        String ref = schema.path("$ref").asText("");
        if (ref.isEmpty()) {
            return schema;
        }
        assertThat(ref).as("only local references").startsWith("#/$defs/");
        JsonNode target = root.at(ref.substring(1));
        assertThat(target.isMissingNode()).as(ref).isFalse();
        return target;
    }

    private static void collectKeywords(JsonNode schema, List<String> unknown) {
        Iterator<String> keys = schema.fieldNames();
        while (keys.hasNext()) {
            String key = keys.next();
            JsonNode value = schema.get(key);
            if (!PORTABLE_KEYWORDS.contains(key)) {
                unknown.add(key);
            }
            switch (key) {
                case "properties", "$defs" -> value.forEach(s -> collectKeywords(s, unknown));
                case "items", "if", "then", "else", "not" -> collectKeywords(value, unknown);
                case "allOf", "anyOf", "oneOf" -> value.forEach(s -> collectKeywords(s, unknown));
                default -> {
                }
            }
        }
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> names(JsonNode array, boolean values) {
        Set<String> names = new TreeSet<>();
        array.forEach(n -> names.add(n.asText()));
        return names;
    }
}
