package io.motcrm.k8s;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the tests find the repository: k8s/ and the application modules. */
final class Repository {

    private Repository() {
    }

    static Path root() {
        Path root = Path.of(System.getProperty("motcrm.repo.root", "..")).toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("k8s"))) {
            throw new IllegalStateException("no k8s/ folder under " + root + " (set -Dmotcrm.repo.root)");
        }
        return root;
    }

    static Path overlay(String name) {
        return root().resolve("k8s/overlays").resolve(name);
    }
}
