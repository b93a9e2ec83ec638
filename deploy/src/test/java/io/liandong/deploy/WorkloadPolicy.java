package io.liandong.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * What every Deployment must have: the three health probes on Quarkus's endpoints, requests and
 * limits, the restricted security context with a writable /tmp only, the app.kubernetes.io labels,
 * its own ServiceAccount, and a Service, PodDisruptionBudget, HorizontalPodAutoscaler and
 * NetworkPolicy that select its pods, behind a namespace-wide default deny.
 */
final class WorkloadPolicy {

    static final Map<String, String> PROBES = Map.of(
            "startupProbe", "/q/health/started",
            "livenessProbe", "/q/health/live",
            "readinessProbe", "/q/health/ready");

    static final List<String> LABELS = List.of(
            "app.kubernetes.io/name", "app.kubernetes.io/component", "app.kubernetes.io/part-of");

    private WorkloadPolicy() {
    }

    static List<String> check(Rendered rendered) {
        List<String> problems = new ArrayList<>();
        if (rendered.ofKind("Deployment").findAny().isEmpty()) {
            problems.add(rendered.source() + ": renders no Deployment");
        }
        if (rendered.ofKind("NetworkPolicy").noneMatch(WorkloadPolicy::deniesAllIngress)) {
            problems.add(rendered.source() + ": no default-deny NetworkPolicy (empty podSelector, Ingress, no rules)");
        }
        rendered.ofKind("Deployment").forEach(deployment -> check(rendered, deployment, problems));
        return problems;
    }

    private static void check(Rendered rendered, Manifest deployment, List<String> problems) {
        String id = deployment.id();
        JsonNode template = deployment.spec().path("template");
        JsonNode podLabels = template.path("metadata").path("labels");
        JsonNode pod = template.path("spec");
        for (String label : LABELS) {
            if (!deployment.labels().hasNonNull(label)) {
                problems.add(id + ": no label " + label);
            }
            if (!podLabels.hasNonNull(label)) {
                problems.add(id + ": pod template has no label " + label);
            }
        }
        if (!Rendered.selects(deployment.spec().path("selector").path("matchLabels"), podLabels)) {
            problems.add(id + ": selector does not match its own pod template");
        }

        // Security: restricted Pod Security Standard, a read-only root, no token.
        JsonNode podSecurity = pod.path("securityContext");
        if (!pod.path("automountServiceAccountToken").isBoolean() || pod.path("automountServiceAccountToken").asBoolean()) {
            problems.add(id + ": automountServiceAccountToken must be false (the services never call the Kubernetes API)");
        }
        String account = pod.path("serviceAccountName").asText("");
        if (account.isEmpty() || rendered.find("ServiceAccount", account).isEmpty()) {
            problems.add(id + ": needs its own ServiceAccount (serviceAccountName '" + account + "' is not rendered)");
        }
        List<String> tmpVolumes = StreamSupport.stream(pod.path("volumes").spliterator(), false)
                .filter(v -> v.has("emptyDir"))
                .map(v -> v.path("name").asText())
                .toList();
        if (pod.path("containers").isEmpty()) {
            problems.add(id + ": no containers");
        }
        for (JsonNode container : pod.path("containers")) {
            String where = id + " container " + container.path("name").asText("?");
            for (Map.Entry<String, String> probe : PROBES.entrySet()) {
                JsonNode get = container.path(probe.getKey()).path("httpGet");
                if (get.isMissingNode()) {
                    problems.add(where + ": no " + probe.getKey());
                } else if (!probe.getValue().equals(get.path("path").asText())) {
                    problems.add(where + ": " + probe.getKey() + " must GET " + probe.getValue() + ", not " + get.path("path").asText());
                } else if (!declaresPort(container, get.path("port"))) {
                    problems.add(where + ": " + probe.getKey() + " uses port " + get.path("port") + ", which the container does not declare");
                }
            }
            for (String kind : List.of("requests", "limits")) {
                for (String resource : List.of("cpu", "memory")) {
                    if (!container.path("resources").path(kind).hasNonNull(resource)) {
                        problems.add(where + ": no resources." + kind + "." + resource);
                    }
                }
            }
            JsonNode security = container.path("securityContext");
            requireTrue(where, "runAsNonRoot", security.path("runAsNonRoot"), podSecurity.path("runAsNonRoot"), problems);
            if (!security.path("readOnlyRootFilesystem").asBoolean(false)) {
                problems.add(where + ": securityContext.readOnlyRootFilesystem must be true");
            }
            if (!security.path("allowPrivilegeEscalation").isBoolean() || security.path("allowPrivilegeEscalation").asBoolean()) {
                problems.add(where + ": securityContext.allowPrivilegeEscalation must be false");
            }
            if (security.path("privileged").asBoolean(false)) {
                problems.add(where + ": must not be privileged");
            }
            JsonNode drop = security.path("capabilities").path("drop");
            if (StreamSupport.stream(drop.spliterator(), false).noneMatch(c -> c.asText().equals("ALL"))) {
                problems.add(where + ": securityContext.capabilities.drop must contain ALL");
            }
            if (!security.path("capabilities").path("add").isEmpty()) {
                problems.add(where + ": must add no capabilities");
            }
            String seccomp = security.path("seccompProfile").path("type").asText(podSecurity.path("seccompProfile").path("type").asText(""));
            if (!seccomp.equals("RuntimeDefault")) {
                problems.add(where + ": seccompProfile must be RuntimeDefault");
            }
            if (StreamSupport.stream(container.path("volumeMounts").spliterator(), false)
                    .noneMatch(m -> m.path("mountPath").asText().equals("/tmp") && tmpVolumes.contains(m.path("name").asText()))) {
                problems.add(where + ": /tmp must be an emptyDir (the only writable place under a read-only root)");
            }
        }

        // The objects that go with every Deployment.
        if (rendered.ofKind("Service").noneMatch(s -> Rendered.selects(s.spec().path("selector"), podLabels))) {
            problems.add(id + ": no Service selects its pods");
        }
        if (rendered.ofKind("PodDisruptionBudget").noneMatch(p -> Rendered.selects(p.spec().path("selector").path("matchLabels"), podLabels))) {
            problems.add(id + ": no PodDisruptionBudget selects its pods");
        }
        if (rendered.ofKind("HorizontalPodAutoscaler").noneMatch(h -> scales(h, deployment))) {
            problems.add(id + ": no HorizontalPodAutoscaler scales it");
        }
        if (rendered.ofKind("NetworkPolicy").noneMatch(n -> allowsFlowsOf(n, podLabels))) {
            problems.add(id + ": no NetworkPolicy selects its pods for both Ingress and Egress");
        }
    }

    private static boolean declaresPort(JsonNode container, JsonNode port) {
        for (JsonNode declared : container.path("ports")) {
            if (port.isTextual() ? declared.path("name").asText().equals(port.asText())
                    : declared.path("containerPort").asInt() == port.asInt()) {
                return true;
            }
        }
        return false;
    }

    private static void requireTrue(String where, String field, JsonNode container, JsonNode pod, List<String> problems) {
        JsonNode effective = container.isBoolean() ? container : pod;
        if (!effective.asBoolean(false)) {
            problems.add(where + ": securityContext." + field + " must be true");
        }
    }

    private static boolean scales(Manifest hpa, Manifest deployment) {
        JsonNode target = hpa.spec().path("scaleTargetRef");
        return target.path("kind").asText().equals("Deployment") && target.path("name").asText().equals(deployment.name());
    }

    static boolean deniesAllIngress(Manifest policy) {
        JsonNode spec = policy.spec();
        boolean everyPod = spec.path("podSelector").isObject() && spec.path("podSelector").isEmpty();
        boolean ingress = StreamSupport.stream(spec.path("policyTypes").spliterator(), false).anyMatch(t -> t.asText().equals("Ingress"));
        return everyPod && ingress && spec.path("ingress").isEmpty();
    }

    private static boolean allowsFlowsOf(Manifest policy, JsonNode podLabels) {
        JsonNode spec = policy.spec();
        JsonNode matchLabels = spec.path("podSelector").path("matchLabels");
        if (matchLabels.isEmpty() || !Rendered.selects(matchLabels, podLabels)) {
            return false;
        }
        List<String> types = StreamSupport.stream(spec.path("policyTypes").spliterator(), false).map(JsonNode::asText).toList();
        return types.contains("Ingress") && types.contains("Egress");
    }
}
