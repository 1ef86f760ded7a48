package io.motcrm.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Run by {@code ./crm test} after the system tests and the chaos scenarios (not part of the default
 * Failsafe run): no line of any log file of the run carries a seeded customer's name, email or phone,
 * neither the demo customers' nor those the system tests sign up ({@link Suite#signUp}, the erasure
 * proof). The services log ids instead.
 */
class LogPrivacyCheck {

    /** What the system tests and the demo data put into customers' personal fields. */
    static final List<Pattern> SEEDED = List.of(
            Pattern.compile("System Test [0-9a-f]{8}"),
            Pattern.compile("st\\.[0-9a-f]{8}@example\\.com"),
            Pattern.compile("\\+82(10|19)\\d{8}"),
            Pattern.compile("Proof(signup|renamed|complaint|note|reason|purpose) [0-9a-f]{12}", Pattern.CASE_INSENSITIVE),
            Pattern.compile("proof\\.[0-9a-f]{12}@example\\.com"),
            Pattern.compile("Jung Hana|Oh Jun|hana\\.jung@|jun\\.oh@"));

    /** The suite's log files (./crm passes its folder); read without touching the suite itself. */
    static final Path LOGS = logs();

    @Test
    void noLogLineCarriesASeededCustomersPersonalData() throws IOException {
        List<String> offending = new ArrayList<>();
        int files = 0;
        long lines = 0;
        try (Stream<Path> logs = Files.list(LOGS)) {
            for (Path file : logs.filter(Files::isRegularFile).sorted().toList()) {
                files++;
                List<String> text = Files.readAllLines(file, StandardCharsets.UTF_8);
                lines += text.size();
                for (int i = 0; i < text.size(); i++) {
                    String line = text.get(i);
                    if (SEEDED.stream().anyMatch(pattern -> pattern.matcher(line).find())) {
                        offending.add(file.getFileName() + ":" + (i + 1) + ": " + abbreviated(line));
                    }
                }
            }
        }
        System.out.printf("Log privacy: %d lines in %d log files, %d carry personal data%n", lines, files, offending.size());
        assertThat(files).as("log files in %s", LOGS.toAbsolutePath()).isPositive();
        assertThat(offending).as("log lines with a seeded customer's name, email or phone").isEmpty();
    }

    private static Path logs() {
        String dir = System.getProperty("motcrm.logs.dir");
        return Path.of(dir == null || dir.isBlank() || dir.startsWith("${") ? "../.crm/logs" : dir);
    }

    private static String abbreviated(String line) {
        return line.length() <= 300 ? line : line.substring(0, 300) + "...";
    }
}
