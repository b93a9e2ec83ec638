package io.liandong.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** docs/asyncapi.yaml and docs/events.md list exactly the catalogue, so the docs cannot drift. */
class DocsTest {

    private static final Path DOCS = Path.of("..", "docs");
    private static final Pattern ANY_TYPE = Pattern.compile("io\\.liandong\\.[a-z-]+\\.[a-z-]+\\.v[0-9]+");

    private static JsonNode asyncApi;
    private static String eventsMd;

    @BeforeAll
    static void readDocs() throws IOException {
        asyncApi = new YAMLMapper().readTree(DOCS.resolve("asyncapi.yaml").toFile());
        eventsMd = Files.readString(DOCS.resolve("events.md"), StandardCharsets.UTF_8);
    }

    @Test
    void asyncApiIsVersion3WithTheLocalBroker() {
        assertThat(asyncApi.path("asyncapi").asText()).isEqualTo("3.0.0");
        JsonNode local = asyncApi.path("servers").path("local");
        assertThat(local.path("host").asText()).isEqualTo("127.0.0.1:9092");
        assertThat(local.path("protocol").asText()).isEqualTo("kafka");
    }

    @Test
    void asyncApiHasAChannelForEveryTopic() {
        List<String> addresses = new ArrayList<>();
        asyncApi.path("channels").forEach(c -> addresses.add(c.path("address").asText()));

        assertThat(addresses).containsExactlyInAnyOrderElementsOf(Topics.ALL);
    }

    @Test
    void asyncApiHasAMessageForEveryCatalogueTypeAndNoOther() {
        Set<String> names = new TreeSet<>();
        asyncApi.path("components").path("messages").forEach(m -> names.add(m.path("name").asText()));
        names.remove("dead-letter");

        assertThat(names).isEqualTo(catalogue());
    }

    @Test
    void asyncApiMessagesPointAtTheContractSchemasAndPinTypeAndSource() {
        for (EventType type : EventType.values()) {
            JsonNode message = message(type);
            String ref = message.path("payload").path("schema").path("$ref").asText();
            Path schemaFile = DOCS.resolve(ref).normalize();

            assertThat(ref).as(type.type()).endsWith("/src/main/resources" + type.schemaResource());
            assertThat(Files.isRegularFile(schemaFile)).as(schemaFile.toString()).isTrue();
            assertThat(message.path("title").asText()).isEqualTo(type.payloadClass().getSimpleName());
            JsonNode pinned = message.path("headers").path("allOf").get(1).path("properties");
            assertThat(pinned.path("ce_type").path("const").asText()).isEqualTo(type.type());
            assertThat(pinned.path("ce_source").path("const").asText()).isEqualTo(type.producer().source());
        }
    }

    @Test
    void asyncApiHeadersAreTheCloudEventHeaders() {
        JsonNode headers = asyncApi.path("components").path("schemas").path("CloudEventHeaders");
        Set<String> properties = new TreeSet<>();
        headers.path("properties").fieldNames().forEachRemaining(properties::add);
        Set<String> required = new TreeSet<>();
        headers.path("required").forEach(r -> required.add(r.asText()));

        assertThat(properties).containsExactlyInAnyOrderElementsOf(CloudEventHeaders.ALL);
        assertThat(required).containsExactlyInAnyOrderElementsOf(CloudEventHeaders.REQUIRED);
    }

    @Test
    void eachEventsChannelCarriesExactlyItsProducersTypes() {
        for (Service service : Service.values()) {
            JsonNode channel = channel(service.eventsTopic());
            Set<String> types = new TreeSet<>();
            channel.path("messages").forEach(m -> types.add(referencedMessage(m).path("name").asText()));

            assertThat(types).as(service.eventsTopic()).isEqualTo(typeNames(service.produces()));
        }
    }

    @Test
    void sendOperationsMatchTheProducers() {
        Map<String, Set<String>> sent = operations("send");

        for (Service service : Service.values()) {
            assertThat(sent.get(service.serviceName() + " " + service.eventsTopic())).isEqualTo(typeNames(service.produces()));
            assertThat(sent).containsKey(service.serviceName() + " " + service.deadLetterTopic());
        }
        assertThat(sent).hasSize(2 * Service.values().length);
    }

    @Test
    void receiveOperationsMatchTheConsumers() {
        Map<String, Set<String>> expected = new HashMap<>();
        for (EventType type : EventType.values()) {
            for (Service consumer : type.consumers()) {
                expected.computeIfAbsent(consumer.serviceName() + " " + type.topic(), k -> new TreeSet<>()).add(type.type());
            }
        }

        assertThat(operations("receive")).isEqualTo(expected);
    }

    @Test
    void eventsMdHasARowPerTypeUnderItsTopicWithProducerConsumersAndVersion() {
        Map<String, List<String>> rows = new HashMap<>();
        Map<String, String> topicOfRow = new HashMap<>();
        String topic = null;
        for (String line : eventsMd.split("\n")) {
            Matcher heading = Pattern.compile("^### `([a-z.]+)`").matcher(line);
            if (heading.find()) {
                topic = heading.group(1);
            } else if (line.startsWith("| `io.liandong.")) {
                List<String> cells = Arrays.stream(line.split("\\|")).map(String::trim).filter(c -> !c.isEmpty()).toList();
                String type = cells.get(0).replace("`", "");
                assertThat(rows.put(type, cells)).as("one row for " + type).isNull();
                topicOfRow.put(type, topic);
            }
        }

        assertThat(rows.keySet()).containsExactlyInAnyOrderElementsOf(catalogue());
        for (EventType type : EventType.values()) {
            List<String> cells = rows.get(type.type());
            assertThat(topicOfRow.get(type.type())).as(type.type()).isEqualTo(type.topic());
            assertThat(cells.get(1)).isEqualTo(type.producer().serviceName());
            assertThat(Set.of(cells.get(2).split(",\\s*"))).as(type.type() + " consumers")
                    .isEqualTo(type.consumers().stream().map(Service::serviceName).collect(Collectors.toSet()));
            assertThat(cells.get(3)).isEqualTo(String.valueOf(type.version()));
            assertThat(cells.get(4)).as(type.type() + " key").isNotBlank();
        }
    }

    @Test
    void eventsMdNamesOnlyCatalogueTypesAndDocumentsEveryHeader() {
        Set<String> mentioned = new HashSet<>();
        Matcher m = ANY_TYPE.matcher(eventsMd);
        while (m.find()) {
            mentioned.add(m.group());
        }

        assertThat(catalogue()).containsAll(mentioned);
        assertThat(eventsMd).contains(CloudEventHeaders.ALL.stream().map(h -> "`" + h + "`").toList());
        assertThat(eventsMd).contains("`" + DeadLetterHeaders.REASON + "`", "`" + DeadLetterHeaders.CAUSE + "`",
                "`" + DeadLetterHeaders.TOPIC + "`", "`" + DeadLetterHeaders.PARTITION + "`", "`" + DeadLetterHeaders.OFFSET + "`");
        assertThat(eventsMd).contains(Topics.ALL.stream().map(t -> "`" + t + "`").toList());
    }

    /** "service topic" to the type names an operation lists. */
    private static Map<String, Set<String>> operations(String action) {
        Map<String, Set<String>> result = new HashMap<>();
        asyncApi.path("operations").forEach(op -> {
            if (!op.path("action").asText().equals(action)) {
                return;
            }
            JsonNode channel = resolve(op.path("channel").path("$ref").asText());
            String key = op.path("x-service").asText() + " " + channel.path("address").asText();
            Set<String> types = new TreeSet<>();
            op.path("messages").forEach(ref -> {
                String name = referencedMessage(resolve(ref.path("$ref").asText())).path("name").asText();
                if (!name.equals("dead-letter")) {
                    types.add(name);
                }
            });
            assertThat(result.put(key, types)).as("one " + action + " operation for " + key).isNull();
        });
        return result;
    }

    private static JsonNode message(EventType type) {
        for (JsonNode m : asyncApi.path("components").path("messages")) {
            if (m.path("name").asText().equals(type.type())) {
                return m;
            }
        }
        throw new AssertionError("no message for " + type.type());
    }

    private static JsonNode channel(String address) {
        for (JsonNode c : asyncApi.path("channels")) {
            if (c.path("address").asText().equals(address)) {
                return c;
            }
        }
        throw new AssertionError("no channel for " + address);
    }

    private static JsonNode referencedMessage(JsonNode node) {
        return node.has("$ref") ? resolve(node.path("$ref").asText()) : node;
    }

    private static JsonNode resolve(String ref) {
        assertThat(ref).startsWith("#/");
        JsonNode target = asyncApi.at(ref.substring(1));
        assertThat(target.isMissingNode()).as(ref).isFalse();
        return target;
    }

    private static Set<String> catalogue() {
        return typeNames(EnumSet.allOf(EventType.class));
    }

    private static Set<String> typeNames(Set<EventType> types) {
        return types.stream().map(EventType::type).collect(Collectors.toCollection(TreeSet::new));
    }
}
