package com.backhaulexchange.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;

/** A jar's size and how many classes it holds (what class loading at a cold start has to search). */
record JarInfo(String label, Path path, long bytes, long classes) {

    static JarInfo of(String label, Path jar) {
        try (var zip = new ZipFile(jar.toFile())) {
            long classes = zip.stream().filter(entry -> entry.getName().endsWith(".class")).count();
            return new JarInfo(label, jar, Files.size(jar), classes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    double mebibytes() {
        return bytes / (1024.0 * 1024.0);
    }
}
