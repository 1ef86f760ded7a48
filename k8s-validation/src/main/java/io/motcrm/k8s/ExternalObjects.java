package io.motcrm.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The objects the manifests use but no overlay generates, because their content must not (or cannot)
 * be in the rendered manifest: Secrets the operator creates in prod, the dev Keycloak realm ConfigMap
 * created from {@code keycloak/motcrm-realm.json}. They are read from the table of the section
 * {@value #HEADING} of {@code k8s/README.md}, so what the validation accepts is what the operators'
 * documentation lists:
 *
 * <pre>
 * | namespace | kind | name | keys | created by |
 * |---|---|---|---|---|
 * | `motcrm` | Secret | `customer-service-oidc-client` | `client-secret` | the operator ... |
 * </pre>
 */
public final class ExternalObjects {

    public static final String README = "k8s/README.md";
    public static final String HEADING = "## Objects created outside kustomize";

    /** One documented object: a reference to it (in its namespace) resolves, to one of its keys. */
    public record ExternalObject(String namespace, String kind, String name, Set<String> keys) {

        public String id() {
            return namespace + "/" + kind + "/" + name;
        }
    }

    /** Nothing is created outside kustomize (fixtures). */
    public static final ExternalObjects NONE = new ExternalObjects(List.of());

    private final List<ExternalObject> objects;

    public ExternalObjects(List<ExternalObject> objects) {
        this.objects = List.copyOf(objects);
    }

    public static ExternalObjects of(Path repoRoot) {
        Path file = repoRoot.resolve(README);
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Reads the table under {@value #HEADING}; fails when the section or its columns are missing. */
    public static ExternalObjects parse(String readme) {
        List<String> lines = Arrays.asList(readme.split("\\R"));
        int start = lines.indexOf(HEADING);
        if (start < 0) {
            throw new IllegalStateException(README + " has no section \"" + HEADING + "\" (the table of objects"
                    + " the manifests use but no overlay generates)");
        }
        List<ExternalObject> objects = new ArrayList<>();
        List<String> header = null;
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("#")) {
                break;
            }
            if (!line.startsWith("|")) {
                continue;
            }
            List<String> cells = Design.cells(line);
            if (header == null) {
                header = cells.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
                if (!header.containsAll(List.of("namespace", "kind", "name", "keys"))) {
                    throw new IllegalStateException(README + ", " + HEADING + ": the table needs the columns"
                            + " namespace, kind, name and keys, found " + header);
                }
                continue;
            }
            if (cells.stream().allMatch(c -> c.matches("[-: ]*"))) {
                continue;
            }
            String keys = cells.get(header.indexOf("keys"));
            objects.add(new ExternalObject(cells.get(header.indexOf("namespace")), cells.get(header.indexOf("kind")),
                    cells.get(header.indexOf("name")),
                    Arrays.stream(keys.split(",")).map(String::strip).filter(k -> !k.isEmpty()).collect(Collectors.toUnmodifiableSet())));
        }
        return new ExternalObjects(objects);
    }

    public List<ExternalObject> all() {
        return objects;
    }

    public Optional<ExternalObject> find(String namespace, String kind, String name) {
        return objects.stream().filter(o -> o.namespace().equals(namespace) && o.kind().equals(kind) && o.name().equals(name))
                .findFirst();
    }
}
