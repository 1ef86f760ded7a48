package io.motcrm.k8s;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Validates the objects of one rendered manifest: each against the Kubernetes schema
 * ({@link SchemaCheck}), then all of them together against the project's rules ({@link Rules}).
 */
public final class ManifestValidator {

    /** What validation found: problems fail it, notices are for the log. */
    public record Result(List<String> problems, List<String> notices) {
    }

    private final Map<String, AppConfig> apps;
    private final Map<String, Set<String>> awaited;
    private final Design design;
    private final ExternalObjects external;

    /** Without a design (no calls between applications checked) and with nothing created outside kustomize. */
    public ManifestValidator(Map<String, AppConfig> apps, Map<String, Set<String>> awaited) {
        this(apps, awaited, Design.NONE, ExternalObjects.NONE);
    }

    public ManifestValidator(Map<String, AppConfig> apps, Map<String, Set<String>> awaited, Design design, ExternalObjects external) {
        this.apps = Map.copyOf(apps);
        this.awaited = Map.copyOf(awaited);
        this.design = design;
        this.external = external;
    }

    /**
     * A validator for the repository at {@code repoRoot}: its applications (with the platform defaults),
     * the bundled awaited list, the calls of {@code docs/contracts.md} and the objects
     * {@code k8s/README.md} documents as created outside kustomize.
     */
    public static ManifestValidator forRepository(Path repoRoot) {
        return new ManifestValidator(applications(repoRoot), awaitedConfig(), Design.of(repoRoot), ExternalObjects.of(repoRoot));
    }

    public Map<String, AppConfig> apps() {
        return apps;
    }

    public Design design() {
        return design;
    }

    public ExternalObjects external() {
        return external;
    }

    /** The same validator with other applications (a renamed key, say). */
    public ManifestValidator withApps(Map<String, AppConfig> otherApps) {
        return new ManifestValidator(otherApps, awaited, design, external);
    }

    /** The same validator with another design (a changed contract, say). */
    public ManifestValidator withDesign(Design otherDesign) {
        return new ManifestValidator(apps, awaited, otherDesign, external);
    }

    public Result validate(String yaml) {
        return validate(Manifest.parseAll(yaml));
    }

    public Result validate(List<Manifest> manifests) {
        List<String> problems = new ArrayList<>();
        for (Manifest manifest : manifests) {
            problems.addAll(SchemaCheck.check(manifest));
        }
        Result rules;
        try {
            rules = Rules.check(manifests, apps, awaited, design, external);
        } catch (RuntimeException e) {
            // Only reachable with objects the schema check already rejected (a number where a string
            // belongs, say): report that the rules could not run rather than fail with a stack trace.
            problems.add("the project rules could not be evaluated (" + e + "); fix the schema problems first");
            return new Result(problems, List.of());
        }
        problems.addAll(rules.problems());
        return new Result(problems, rules.notices());
    }

    /**
     * The application modules: top-level folders with a {@code src/main/resources/application.properties},
     * each read over the platform defaults it inherits.
     */
    public static Map<String, AppConfig> applications(Path repoRoot) {
        try (Stream<Path> dirs = Files.list(repoRoot)) {
            Map<String, AppConfig> apps = new TreeMap<>();
            dirs.filter(dir -> Files.isRegularFile(dir.resolve("src/main/resources/application.properties")))
                    .map(dir -> AppConfig.of(dir, repoRoot))
                    .forEach(app -> apps.put(app.module(), app));
            return apps;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Environment variables the manifests set for an application ahead of the application reading them
     * ({@code awaited-config.properties}: module = NAME, NAME, ...).
     */
    public static Map<String, Set<String>> awaitedConfig() {
        Properties properties = new Properties();
        try (InputStream in = ManifestValidator.class.getResourceAsStream("/awaited-config.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Set<String>> awaited = new TreeMap<>();
        for (String module : properties.stringPropertyNames()) {
            awaited.put(module, Arrays.stream(properties.getProperty(module).split(","))
                    .map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet()));
        }
        return awaited;
    }
}
