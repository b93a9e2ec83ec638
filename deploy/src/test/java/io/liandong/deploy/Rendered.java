package io.liandong.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The objects one kustomization renders to. */
record Rendered(String source, List<Manifest> manifests) {

    static final ObjectMapper YAML = new YAMLMapper();

    /** Renders a kustomization directory with kubectl and reads every document. */
    static Rendered of(Path kustomization) {
        return parse(kustomization.toString(), Kustomize.render(kustomization));
    }

    static Rendered parse(String source, String yaml) {
        List<Manifest> manifests = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(yaml)) {
            Iterator<JsonNode> docs = YAML.readValues(parser, JsonNode.class);
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if (doc != null && doc.isObject() && !doc.isEmpty()) {
                    manifests.add(new Manifest(doc));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the YAML of " + source, e);
        }
        return new Rendered(source, List.copyOf(manifests));
    }

    Stream<Manifest> ofKind(String kind) {
        return manifests.stream().filter(m -> m.kind().equals(kind));
    }

    Optional<Manifest> find(String kind, String name) {
        return ofKind(kind).filter(m -> m.name().equals(name)).findFirst();
    }

    /** The object's node, or a missing node: checks then report what is absent instead of failing on null. */
    JsonNode get(String kind, String name) {
        return find(kind, name).map(Manifest::node).orElse(MissingNode.getInstance());
    }

    /** True when every label of the selector ({@code matchLabels}) is among the labels. */
    static boolean selects(JsonNode matchLabels, JsonNode labels) {
        if (!matchLabels.isObject()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> entry : matchLabels.properties()) {
            if (!entry.getValue().asText().equals(labels.path(entry.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }
}
