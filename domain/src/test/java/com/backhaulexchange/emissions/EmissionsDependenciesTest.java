package com.backhaulexchange.emissions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Emissions is a capability others may use, so it uses none of them, and the kernel does not use it. The
 * architecture module's ArchUnit rules do not list this package yet (ADR 24), so its sources are read here.
 */
class EmissionsDependenciesTest {

    private static final Path SOURCES = Path.of("src/main/java/com/backhaulexchange");
    private static final Pattern PROJECT_REFERENCE = Pattern.compile("com\\.backhaulexchange\\.(\\w+)");
    private static final Pattern TECHNOLOGY = Pattern.compile(
            "software\\.amazon|com\\.amazonaws|com\\.fasterxml|com\\.networknt|org\\.yaml|java\\.net\\.http|java\\.sql");

    @Test
    void emissionsUsesNoOtherCapabilityAndNoTechnology() {
        List<Path> files = javaFiles(SOURCES.resolve("emissions"));
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            String source = read(file);
            assertThat(PROJECT_REFERENCE.matcher(source).results().map(match -> match.group(1)).distinct())
                    .as(file.toString()).containsOnly("emissions");
            assertThat(TECHNOLOGY.matcher(source).find()).as(file.toString()).isFalse();
        }
    }

    @Test
    void theKernelDoesNotUseEmissions() {
        List<Path> files = javaFiles(SOURCES.resolve("kernel"));
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            assertThat(read(file)).as(file.toString()).doesNotContain("com.backhaulexchange.emissions");
        }
    }

    private static List<Path> javaFiles(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            return paths.filter(path -> path.toString().endsWith(".java")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
