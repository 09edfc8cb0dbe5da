package com.backhaulexchange.contract;

import java.nio.file.Files;
import java.nio.file.Path;

/** The project files the contract tests compare, found from the module directory the tests run in. */
public final class ProjectFiles {
    private ProjectFiles() {
    }

    /** The nearest directory at or above the one the tests run in that holds template.yaml. */
    public static Path root() {
        for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
            if (Files.exists(directory.resolve("template.yaml")) && Files.isDirectory(directory.resolve("functions"))) {
                return directory;
            }
        }
        throw new IllegalStateException("no project root (a directory with template.yaml) at or above "
                + Path.of("").toAbsolutePath());
    }

    public static Path template() {
        return root().resolve("template.yaml");
    }

    public static Path openApi() {
        return root().resolve("infra/openapi/openapi.yaml");
    }
}
