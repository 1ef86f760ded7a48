package io.motcrm.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The suite's processes, driven through {@code ./crm} as an operator would: a crash is {@code ./crm kill}
 * (SIGKILL, no shutdown hooks), a recovery {@code ./crm start}, which returns once the service is ready.
 */
final class SuiteProcesses {

    private static final Path CRM = locate();

    private SuiteProcesses() {
    }

    static void crash(String service) {
        crm("kill", service);
    }

    static void start(String service) {
        crm("start", service);
    }

    private static void crm(String command, String service) {
        try {
            Process process = new ProcessBuilder(CRM.toString(), command, service).inheritIO().start();
            assertThat(process.waitFor(4, TimeUnit.MINUTES)).as("./crm " + command + " " + service + " finished").isTrue();
            assertThat(process.exitValue()).as("exit status of ./crm " + command + " " + service).isZero();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + CRM, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The repository's {@code crm}: the module runs in {@code system-tests/}. */
    private static Path locate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isExecutable(dir.resolve("crm"))) {
                return dir.resolve("crm");
            }
        }
        throw new IllegalStateException("no ./crm above " + Path.of("").toAbsolutePath());
    }
}
