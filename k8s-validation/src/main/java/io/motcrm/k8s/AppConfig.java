package io.motcrm.k8s;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The configuration one application reads, as environment variable names, derived from its
 * {@code application.properties} and the platform library's defaults
 * ({@code platform/src/main/resources/META-INF/microprofile-config.properties}, which every application
 * depending on the platform inherits; for the same key the application's own file wins, as its
 * ordinal is higher): each property key in its environment form (and, for a profile-specific key, the
 * {@code _PROFILE_} form too), and each {@code ${NAME:default}} expression the values use. A deployment
 * may set only these, so renaming a key in the application without renaming the variable in the
 * manifests fails the check.
 *
 * @param module the application's module (and Deployment) name
 * @param envNames the environment variables the application reads
 * @param deploymentSettings the names a deployment must set: where the application connects to (its
 *     {@code MOTCRM_DB_*} expressions and the env forms of its {@code quarkus.rest-client.*.url} and
 *     {@code quarkus.oidc.auth-server-url} keys), whose defaults are for local development only
 * @param serviceClientSecret the names that set the secret of the application's own OIDC client (the
 *     expressions in {@code quarkus.oidc-client.credentials.secret}, or the key's env form when it has
 *     none); empty when the application configures no client secret
 */
public record AppConfig(String module, Set<String> envNames, Set<String> deploymentSettings, Set<String> serviceClientSecret) {

    /** The platform library's configuration defaults, relative to the repository root. */
    public static final String PLATFORM_DEFAULTS = "platform/src/main/resources/META-INF/microprofile-config.properties";

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-]+)(?::[^}]*)?}");
    private static final Pattern PROFILE = Pattern.compile("^%([^.]+)\\.(.+)$");
    private static final Pattern CONNECTION_KEY = Pattern.compile("quarkus\\.rest-client\\.[^.]+\\.url|quarkus\\.oidc\\.auth-server-url");
    private static final Pattern CLIENT_SECRET_KEY = Pattern.compile("quarkus\\.oidc-client\\.credentials\\.(secret|client-secret\\.value)");
    private static final Pattern PLATFORM_DEPENDENCY = Pattern.compile(
            "<groupId>io\\.motcrm</groupId>\\s*<artifactId>platform</artifactId>");

    /** Reads {@code <module>/src/main/resources/application.properties} on its own. */
    public static AppConfig of(Path moduleDir) {
        return parse(moduleDir.getFileName().toString(), "", read(moduleDir.resolve("src/main/resources/application.properties")));
    }

    /**
     * Reads {@code <module>/src/main/resources/application.properties} over the platform defaults of the
     * repository at {@code repoRoot}, when the module's {@code pom.xml} depends on the platform library.
     */
    public static AppConfig of(Path moduleDir, Path repoRoot) {
        Path pom = moduleDir.resolve("pom.xml");
        Path defaults = repoRoot.resolve(PLATFORM_DEFAULTS);
        boolean inherits = Files.isRegularFile(pom) && Files.isRegularFile(defaults)
                && PLATFORM_DEPENDENCY.matcher(read(pom)).find();
        return parse(moduleDir.getFileName().toString(), inherits ? read(defaults) : "",
                read(moduleDir.resolve("src/main/resources/application.properties")));
    }

    public static AppConfig parse(String module, String properties) {
        return parse(module, "", properties);
    }

    /** {@code properties} (the application's own) over {@code defaults} (the platform's): for the same key, the application's value counts. */
    public static AppConfig parse(String module, String defaults, String properties) {
        Properties merged = load(defaults);
        merged.putAll(load(properties));
        return derive(module, merged);
    }

    private static AppConfig derive(String module, Properties properties) {
        Set<String> names = new TreeSet<>();
        Set<String> settings = new TreeSet<>();
        Set<String> clientSecret = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            String property = key;
            Matcher profiled = PROFILE.matcher(key);
            if (profiled.matches()) {
                property = profiled.group(2);
                for (String profile : profiled.group(1).split(",")) {
                    names.add("_" + envName(profile) + "_" + envName(property));
                }
            }
            names.add(envName(property));
            if (CONNECTION_KEY.matcher(property).matches()) {
                settings.add(envName(property));
            }
            boolean secretKey = CLIENT_SECRET_KEY.matcher(property).matches();
            Set<String> secretNames = new TreeSet<>();
            Matcher expression = EXPRESSION.matcher(properties.getProperty(key));
            while (expression.find()) {
                String name = expression.group(1);
                names.add(name.contains(".") ? envName(name) : name);
                if (name.startsWith("MOTCRM_DB_")) {
                    settings.add(name);
                }
                if (secretKey) {
                    secretNames.add(name.contains(".") ? envName(name) : name);
                }
            }
            if (secretKey) {
                clientSecret.addAll(secretNames.isEmpty() ? Set.of(envName(property)) : secretNames);
            }
        }
        return new AppConfig(module, Set.copyOf(names), Set.copyOf(settings), Set.copyOf(clientSecret));
    }

    private static Properties load(String text) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The environment variable MicroProfile Config maps to {@code property}: non-alphanumerics to _, upper case. */
    public static String envName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
