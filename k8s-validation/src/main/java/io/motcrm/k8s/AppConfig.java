package io.motcrm.k8s;

import java.io.IOException;
import java.io.Reader;
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
 * {@code application.properties}: each property key in its environment form (and, for a
 * profile-specific key, the {@code _PROFILE_} form too), and each {@code ${NAME:default}} expression
 * the values use. A deployment may set only these, so renaming a key in the application without
 * renaming the variable in the manifests fails the check.
 *
 * @param module the application's module (and Deployment) name
 * @param envNames the environment variables the application reads
 * @param deploymentSettings the names a deployment must set: where the application connects to (its
 *     {@code MOTCRM_DB_*} expressions and the env forms of its {@code quarkus.rest-client.*.url} and
 *     {@code quarkus.oidc.auth-server-url} keys), whose defaults are for local development only
 */
public record AppConfig(String module, Set<String> envNames, Set<String> deploymentSettings) {

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-]+)(?::[^}]*)?}");
    private static final Pattern PROFILE = Pattern.compile("^%([^.]+)\\.(.+)$");
    private static final Pattern CONNECTION_KEY = Pattern.compile("quarkus\\.rest-client\\.[^.]+\\.url|quarkus\\.oidc\\.auth-server-url");

    /** Reads {@code <module>/src/main/resources/application.properties}. */
    public static AppConfig of(Path moduleDir) {
        Path file = moduleDir.resolve("src/main/resources/application.properties");
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(moduleDir.getFileName().toString(), reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public static AppConfig parse(String module, String properties) {
        try {
            return parse(module, new StringReader(properties));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static AppConfig parse(String module, Reader reader) throws IOException {
        Properties properties = new Properties();
        properties.load(reader);
        Set<String> names = new TreeSet<>();
        Set<String> settings = new TreeSet<>();
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
            Matcher expression = EXPRESSION.matcher(properties.getProperty(key));
            while (expression.find()) {
                String name = expression.group(1);
                names.add(name.contains(".") ? envName(name) : name);
                if (name.startsWith("MOTCRM_DB_")) {
                    settings.add(name);
                }
            }
        }
        return new AppConfig(module, Set.copyOf(names), Set.copyOf(settings));
    }

    /** The environment variable MicroProfile Config maps to {@code property}: non-alphanumerics to _, upper case. */
    public static String envName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
