package io.liandong.deploy;

import com.fasterxml.jackson.databind.JsonNode;

/** One rendered Kubernetes object. */
record Manifest(JsonNode node) {

    String apiVersion() {
        return node.path("apiVersion").asText("");
    }

    String kind() {
        return node.path("kind").asText("");
    }

    String name() {
        return node.path("metadata").path("name").asText("");
    }

    JsonNode spec() {
        return node.path("spec");
    }

    JsonNode labels() {
        return node.path("metadata").path("labels");
    }

    /** {@code Kind/name}, how problems name the object. */
    String id() {
        return kind() + "/" + name();
    }

    @Override
    public String toString() {
        return id();
    }
}
