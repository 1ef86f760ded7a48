package io.motcrm.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The pods a rendered manifest runs and what its NetworkPolicies let them do to each other, evaluated
 * the way the API defines it: a pod selected by no policy of a direction is open in that direction;
 * otherwise a connection needs a rule allowing it in some selecting policy, on both the sending side
 * (Egress) and the receiving side (Ingress). Only pods of the manifest are considered: ipBlock peers
 * and pods outside it (the ingress controller, Prometheus, an external Keycloak) are not evaluated.
 */
public final class NetworkPolicies {

    /** A pod of the manifest: its workload's name, namespace, labels and container ports (name to number). */
    public record Pod(String name, String namespace, Map<String, String> labels, Map<Integer, String> ports) {
    }

    private final List<Pod> pods = new ArrayList<>();
    private final List<Manifest> policies = new ArrayList<>();
    private final Map<String, Map<String, String>> namespaceLabels = new TreeMap<>();

    public NetworkPolicies(List<Manifest> manifests) {
        for (Manifest m : manifests) {
            switch (m.kind()) {
                case "Deployment", "StatefulSet" -> pods.add(workloadPod(m));
                case "Cluster" -> pods.add(new Pod(m.name(), namespace(m), CnpgClusterCheck.podLabels(m), Map.of(5432, "postgresql")));
                case "NetworkPolicy" -> policies.add(m);
                case "Namespace" -> namespaceLabels.put(m.name(), labels(Manifest.object(m.metadata(), "labels")));
                default -> {
                }
            }
        }
    }

    public List<Pod> pods() {
        return List.copyOf(pods);
    }

    /** Whether some policy with both Ingress and Egress policy types selects {@code pod}. */
    public boolean coveredBothWays(Pod pod) {
        return policies.stream().anyMatch(p -> selects(p, pod)
                && policyTypes(p).containsAll(Set.of("Ingress", "Egress")));
    }

    /** Every "source -> destination" pair of distinct pods that may connect on some port of the destination. */
    public Set<String> allowedConnections() {
        Set<String> edges = new TreeSet<>();
        for (Pod from : pods) {
            for (Pod to : pods) {
                if (from != to && allowed(from, to)) {
                    edges.add(from.name() + " -> " + to.name());
                }
            }
        }
        return edges;
    }

    /** Whether {@code from} may connect to {@code to} on some port of {@code to}. */
    public boolean allowed(Pod from, Pod to) {
        return to.ports().keySet().stream().anyMatch(port -> allowed(from, to, port));
    }

    /**
     * Whether the Egress policies selecting {@code from} let it reach an address outside the cluster on
     * {@code port}: a rule with an ipBlock peer, or with no peers at all, for that port. The address
     * range itself is not checked.
     */
    public boolean allowedOutside(Pod from, int port) {
        List<Manifest> selecting = policies.stream()
                .filter(p -> selects(p, from) && policyTypes(p).contains("Egress"))
                .toList();
        if (selecting.isEmpty()) {
            return true;
        }
        for (Manifest policy : selecting) {
            for (JsonObject rule : Manifest.objects(policy.spec(), "egress")) {
                boolean anywhere = !Manifest.has(rule, "to") || Manifest.objects(rule, "to").isEmpty()
                        || Manifest.objects(rule, "to").stream().anyMatch(p -> Manifest.has(p, "ipBlock"));
                boolean portMatches = !Manifest.has(rule, "ports") || Manifest.objects(rule, "ports").isEmpty()
                        || Manifest.objects(rule, "ports").stream().anyMatch(p -> portMatches(p, null, port));
                if (anywhere && portMatches) {
                    return true;
                }
            }
        }
        return false;
    }

    public boolean allowed(Pod from, Pod to, int port) {
        return allowedOneWay(from, to, to, port, "Egress", "egress", "to")
                && allowedOneWay(to, from, to, port, "Ingress", "ingress", "from");
    }

    /** Whether the policies selecting {@code subject} allow traffic with {@code peer} to {@code port} of {@code destination}. */
    private boolean allowedOneWay(Pod subject, Pod peer, Pod destination, int port, String type, String rulesMember, String peersMember) {
        List<Manifest> selecting = policies.stream()
                .filter(p -> selects(p, subject) && policyTypes(p).contains(type))
                .toList();
        if (selecting.isEmpty()) {
            return true;
        }
        for (Manifest policy : selecting) {
            for (JsonObject rule : Manifest.objects(policy.spec(), rulesMember)) {
                boolean peerMatches = !Manifest.has(rule, peersMember) || Manifest.objects(rule, peersMember).isEmpty()
                        || Manifest.objects(rule, peersMember).stream().anyMatch(p -> peerMatches(p, namespace(policy), peer));
                boolean portMatches = !Manifest.has(rule, "ports") || Manifest.objects(rule, "ports").isEmpty()
                        || Manifest.objects(rule, "ports").stream().anyMatch(p -> portMatches(p, destination, port));
                if (peerMatches && portMatches) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean peerMatches(JsonObject peer, String policyNamespace, Pod pod) {
        if (Manifest.has(peer, "ipBlock")) {
            return false;
        }
        boolean namespaceMatches = Manifest.has(peer, "namespaceSelector")
                ? matches(Manifest.object(peer, "namespaceSelector"), namespaceLabelsOf(pod.namespace()))
                : Objects.equals(policyNamespace, pod.namespace());
        boolean podMatches = !Manifest.has(peer, "podSelector") || matches(Manifest.object(peer, "podSelector"), pod.labels());
        return namespaceMatches && podMatches;
    }

    private static boolean portMatches(JsonObject rulePort, Pod destination, int port) {
        String protocol = Manifest.string(rulePort, "protocol");
        if (protocol != null && !protocol.equals("TCP")) {
            return false;
        }
        JsonElement value = rulePort.get("port");
        if (value == null) {
            return true;
        }
        if (value.getAsJsonPrimitive().isNumber()) {
            int from = value.getAsInt();
            JsonElement end = rulePort.get("endPort");
            return end == null ? port == from : port >= from && port <= end.getAsInt();
        }
        return destination != null && value.getAsString().equals(destination.ports().get(port));
    }

    private Map<String, String> namespaceLabelsOf(String namespace) {
        Map<String, String> labels = new TreeMap<>(namespaceLabels.getOrDefault(namespace, Map.of()));
        labels.put("kubernetes.io/metadata.name", namespace);
        return labels;
    }

    boolean selects(Manifest policy, Pod pod) {
        return Objects.equals(namespace(policy), pod.namespace())
                && matches(Manifest.object(policy.spec(), "podSelector"), pod.labels());
    }

    static Set<String> policyTypes(Manifest policy) {
        List<String> declared = Manifest.strings(policy.spec(), "policyTypes");
        if (!declared.isEmpty()) {
            return Set.copyOf(declared);
        }
        // The API's default: Ingress always, Egress when the policy has egress rules.
        return Manifest.has(policy.spec(), "egress") ? Set.of("Ingress", "Egress") : Set.of("Ingress");
    }

    /** Whether a LabelSelector (matchLabels and matchExpressions) matches {@code labels}; an empty selector matches all. */
    static boolean matches(JsonObject selector, Map<String, String> labels) {
        for (Map.Entry<String, JsonElement> required : Manifest.object(selector, "matchLabels").entrySet()) {
            if (!required.getValue().getAsString().equals(labels.get(required.getKey()))) {
                return false;
            }
        }
        for (JsonObject expression : Manifest.objects(selector, "matchExpressions")) {
            String key = Manifest.string(expression, "key");
            List<String> values = Manifest.strings(expression, "values");
            boolean ok = switch (String.valueOf(Manifest.string(expression, "operator"))) {
                case "In" -> labels.containsKey(key) && values.contains(labels.get(key));
                case "NotIn" -> !labels.containsKey(key) || !values.contains(labels.get(key));
                case "Exists" -> labels.containsKey(key);
                case "DoesNotExist" -> !labels.containsKey(key);
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static Pod workloadPod(Manifest workload) {
        JsonObject template = Manifest.object(workload.spec(), "template");
        Map<Integer, String> ports = new TreeMap<>();
        for (JsonObject container : Manifest.objects(Manifest.object(template, "spec"), "containers")) {
            for (JsonObject port : Manifest.objects(container, "ports")) {
                if (Manifest.has(port, "containerPort") && port.get("containerPort").isJsonPrimitive()
                        && port.getAsJsonPrimitive("containerPort").isNumber()) {
                    ports.put(port.get("containerPort").getAsInt(), String.valueOf(Manifest.string(port, "name")));
                }
            }
        }
        return new Pod(workload.name(), namespace(workload), labels(Manifest.object(Manifest.object(template, "metadata"), "labels")), ports);
    }

    static Map<String, String> labels(JsonObject labels) {
        Map<String, String> map = new TreeMap<>();
        labels.entrySet().forEach(e -> map.put(e.getKey(), e.getValue().isJsonPrimitive() ? e.getValue().getAsString() : e.getValue().toString()));
        return map;
    }

    static String namespace(Manifest manifest) {
        String namespace = Manifest.string(manifest.metadata(), "namespace");
        return namespace == null ? "" : namespace;
    }
}
