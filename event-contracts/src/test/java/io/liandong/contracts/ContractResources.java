package io.liandong.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Reads the schemas and samples off the classpath, and validates against them. */
final class ContractResources {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    /** In 2020-12 {@code format} only annotates unless assertions are switched on. */
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();

    private ContractResources() {
    }

    static boolean exists(String resource) {
        return ContractResources.class.getResource(resource) != null;
    }

    static String sampleText(EventType type) {
        return type.sampleJson();
    }

    static JsonNode sample(EventType type) {
        return EventJson.readTree(sampleText(type));
    }

    static JsonNode schemaNode(EventType type) {
        return EventJson.readTree(type.schemaJson());
    }

    static JsonSchema schema(EventType type) {
        return FACTORY.getSchema(schemaNode(type), CONFIG);
    }

    static Set<ValidationMessage> validate(EventType type, JsonNode instance) {
        return schema(type).validate(instance);
    }

    /** Problems with a schema document itself, judged by the draft 2020-12 meta-schema. */
    static Set<ValidationMessage> validateAgainstMetaSchema(JsonNode schemaDocument) {
        JsonSchema meta = FACTORY.getSchema(SchemaLocation.of(SchemaId.V202012), CONFIG);
        return meta.validate(schemaDocument);
    }

    /** File names in one resource folder of the build output, given as an absolute classpath path. */
    static Set<String> fileNames(String folder) {
        URL url = ContractResources.class.getResource(folder);
        if (url == null) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            return files.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
