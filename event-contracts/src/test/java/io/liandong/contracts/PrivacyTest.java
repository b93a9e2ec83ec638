package io.liandong.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Complainants' contact details stay inside grievance-service; events carry an opaque reference only. */
class PrivacyTest {

    private static final Pattern CONTACT = Pattern.compile(
            "(?i).*(contact|phone|mobile|tel(ephone)?$|e-?mail|wechat|weixin|qq|idcard|identity|passport).*");

    @ParameterizedTest
    @EnumSource(EventType.class)
    void noPayloadFieldHoldsContactDetails(EventType type) {
        List<String> fields = new ArrayList<>();
        collectFields(type.payloadClass(), type.payloadClass().getSimpleName(), fields, new HashSet<>());

        assertThat(fields).isNotEmpty().noneMatch(f -> CONTACT.matcher(f.substring(f.lastIndexOf('.') + 1)).matches());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void noSchemaPropertyHoldsContactDetails(EventType type) {
        List<String> properties = new ArrayList<>();
        collectProperties(ContractResources.schemaNode(type), properties);

        assertThat(properties).isNotEmpty().noneMatch(p -> CONTACT.matcher(p).matches());
    }

    private static void collectFields(Class<?> record, String path, List<String> out, Set<Class<?>> seen) {
        if (!seen.add(record)) {
            return;
        }
        for (RecordComponent c : record.getRecordComponents()) {
            out.add(path + "." + c.getName());
            Type t = c.getGenericType();
            Class<?> nested = t instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> arg
                    ? arg : c.getType();
            if (nested.isRecord()) {
                collectFields(nested, path + "." + c.getName(), out, seen);
            }
        }
    }

    private static void collectProperties(JsonNode node, List<String> out) {
        if (node.isObject()) {
            JsonNode properties = node.get("properties");
            if (properties != null) {
                properties.fieldNames().forEachRemaining(out::add);
            }
            Iterator<JsonNode> children = node.elements();
            children.forEachRemaining(child -> collectProperties(child, out));
        } else if (node.isArray()) {
            node.forEach(child -> collectProperties(child, out));
        }
    }
}
