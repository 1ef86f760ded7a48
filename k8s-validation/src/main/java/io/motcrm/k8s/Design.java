package io.motcrm.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which application calls which, as {@code docs/contracts.md} designs it: the gateway forwards to the
 * services of its "Public routes" table (with the caller's token), and each "Internal calls" heading
 * {@code ### a → b} is a call from a to b's {@code /internal} API with a's own service token. The
 * NetworkPolicies must allow exactly these calls between applications, and every internal caller
 * needs its OIDC client secret.
 *
 * @param routed the gateway's calls ("gateway -> service")
 * @param internal the service-to-service calls ("a -> b")
 */
public record Design(Set<String> routed, Set<String> internal) {

    /** The path of the contracts, relative to the repository root. */
    public static final String CONTRACTS = "docs/contracts.md";
    /** The application that serves the public routes. */
    public static final String GATEWAY = "gateway";
    /** No design: no call between applications is checked (fixtures). */
    public static final Design NONE = new Design(Set.of(), Set.of());

    private static final Pattern INTERNAL_CALL = Pattern.compile("^###\\s+([\\w.-]+)\\s*(?:→|->)\\s*([\\w.-]+)");

    public Design {
        routed = Set.copyOf(routed);
        internal = Set.copyOf(internal);
    }

    public static Design of(Path repoRoot) {
        Path file = repoRoot.resolve(CONTRACTS);
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Reads the design from the text of {@code docs/contracts.md}; fails when a section is missing or empty. */
    public static Design parse(String contracts) {
        Set<String> routed = new TreeSet<>();
        Set<String> internal = new TreeSet<>();
        String section = "";
        int serviceColumn = -1;
        for (String line : contracts.split("\\R")) {
            if (line.startsWith("## ")) {
                section = line.substring(3).strip().toLowerCase(Locale.ROOT);
                serviceColumn = -1;
                continue;
            }
            if (section.startsWith("public routes") && line.startsWith("|")) {
                List<String> cells = cells(line);
                if (serviceColumn < 0) {
                    serviceColumn = cells.indexOf("service");
                } else if (serviceColumn < cells.size() && cells.get(serviceColumn).matches("[A-Za-z][\\w-]*")) {
                    routed.add(call(GATEWAY, cells.get(serviceColumn)));
                }
            }
            Matcher heading = INTERNAL_CALL.matcher(line);
            if (section.startsWith("internal calls") && heading.find()) {
                internal.add(call(heading.group(1), heading.group(2)));
            }
        }
        if (routed.isEmpty() || internal.isEmpty()) {
            throw new IllegalStateException(CONTRACTS + " no longer has the sections this validation reads: a"
                    + " \"## Public routes\" table with a service column and \"## Internal calls\" headings"
                    + " \"### a → b\" (found routes " + routed + ", internal calls " + internal + ")");
        }
        return new Design(routed, internal);
    }

    /** All calls between applications: routed and internal. */
    public Set<String> calls() {
        Set<String> all = new TreeSet<>(routed);
        all.addAll(internal);
        return all;
    }

    /** The applications that call another's {@code /internal} API, with their own service token. */
    public Set<String> internalCallers() {
        Set<String> callers = new TreeSet<>();
        internal.forEach(c -> callers.add(c.substring(0, c.indexOf(" -> "))));
        return callers;
    }

    /** Whom {@code caller} calls internally. */
    public Set<String> internalCallees(String caller) {
        Set<String> callees = new TreeSet<>();
        internal.stream().filter(c -> c.startsWith(caller + " -> ")).forEach(c -> callees.add(c.substring(c.indexOf(" -> ") + 4)));
        return callees;
    }

    static String call(String from, String to) {
        return from + " -> " + to;
    }

    /** The cells of a Markdown table row, trimmed and without backticks. */
    static List<String> cells(String row) {
        String inner = row.strip();
        inner = inner.substring(1, inner.endsWith("|") && inner.length() > 1 ? inner.length() - 1 : inner.length());
        return Arrays.stream(inner.split("\\|", -1)).map(c -> c.replace("`", "").strip()).toList();
    }
}
