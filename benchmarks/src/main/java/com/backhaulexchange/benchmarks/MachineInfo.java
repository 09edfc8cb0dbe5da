package com.backhaulexchange.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** What the figures were measured on: they mean little without it. */
public record MachineInfo(String cpuModel, String processors, String memory, String operatingSystem, String javaVersion) {

    static MachineInfo collect(Path java) {
        return new MachineInfo(
                procField("/proc/cpuinfo", "model name").orElse(System.getProperty("os.arch")),
                command("nproc").orElse(Runtime.getRuntime().availableProcessors() + " (availableProcessors)"),
                procField("/proc/meminfo", "MemTotal").map(MachineInfo::gibibytes).orElse("unknown"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                command(java.toString(), "-version").orElse(System.getProperty("java.vm.name") + " "
                        + System.getProperty("java.runtime.version")));
    }

    /** The 1-minute load average: other work on the machine (a parallel build) shows up here and in the figures. */
    public static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** The processor's model as /proc/cpuinfo names it. */
    public static String cpuModelName() {
        return procField("/proc/cpuinfo", "model name").orElse("unknown CPU");
    }

    private static Optional<String> procField(String file, String field) {
        try {
            return Files.readAllLines(Path.of(file)).stream()
                    .filter(line -> line.startsWith(field))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip())
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** "24684096 kB" → "23.5 GiB". */
    private static String gibibytes(String meminfoValue) {
        try {
            long kibibytes = Long.parseLong(meminfoValue.replace("kB", "").strip());
            return String.format(java.util.Locale.ROOT, "%.1f GiB", kibibytes / (1024.0 * 1024.0));
        } catch (NumberFormatException e) {
            return meminfoValue;
        }
    }

    private static Optional<String> command(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            List<String> lines = process.inputReader(StandardCharsets.UTF_8).lines().toList();
            return process.waitFor() == 0 ? Optional.of(lines.stream().collect(Collectors.joining("\n")).strip())
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
