package com.backhaulexchange.contract;

import java.nio.file.Files;
import java.nio.file.Path;

/** The project files the contract tests compare, found from the module directory the tests run in. */
public final class ProjectFiles {
    private ProjectFiles() {
    }

    public static Path root() {
        Path root = Path.of("../..").toAbsolutePath().normalize();
        if (!Files.exists(root.resolve("template.yaml")) || !Files.isDirectory(root.resolve("functions"))) {
            throw new IllegalStateException("the tests must run in functions/<module>; no project root at " + root);
        }
        return root;
    }

    public static Path template() {
        return root().resolve("template.yaml");
    }

    public static Path openApi() {
        return root().resolve("infra/openapi/openapi.yaml");
    }
}
