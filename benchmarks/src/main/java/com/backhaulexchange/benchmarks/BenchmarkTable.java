package com.backhaulexchange.benchmarks;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Renders a {@link ColdStartReport} as Markdown: the machine, the jars, then one row per case and JIT mode. */
final class BenchmarkTable {
    private BenchmarkTable() {
    }

    static String markdown(ColdStartReport report) {
        var out = new StringBuilder();
        out.append("## Cold start: fresh JVM to first handler response\n\n");
        out.append(String.format(Locale.ROOT,
                "Measured %s, %d fresh JVM%s per row (none discarded, rows interleaved run by run), %d s in all. Times in ms.%n%n",
                DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(report.finishedAt().atOffset(ZoneOffset.UTC).withNano(0)) + "Z",
                report.runs(), report.runs() == 1 ? "" : "s", report.elapsed().toSeconds()));
        var machine = report.machine();
        out.append("Machine: ").append(machine.cpuModel()).append(", ").append(machine.processors())
                .append(" processors (nproc), ").append(machine.memory()).append(" RAM, ")
                .append(machine.operatingSystem()).append(". 1-minute load average ").append(report.loadAverageBefore())
                .append(" before the runs, ").append(report.loadAverageAfter()).append(" after.\n\n");
        out.append("JVM of the measured processes (`java -version`):\n\n```\n").append(machine.javaVersion())
                .append("\n```\n\n");
        out.append(String.format(Locale.ROOT, "Lane dates of the samples moved %d week%s ahead.%n%n", report.weeksAhead(),
                report.weeksAhead() == 1 ? "" : "s"));

        out.append("| Jar | Bytes | MiB | Classes in the jar |\n|---|---:|---:|---:|\n");
        for (var jar : report.jars()) {
            out.append(String.format(Locale.ROOT, "| %s | %,d | %.2f | %,d |%n", jar.label(), jar.bytes(),
                    jar.mebibytes(), jar.classes()));
        }

        out.append("\n| Function (handler) | First request | JIT | Median | Min | Max | Launch → main() "
                + "| of which JVM start → main() | main() → first response | Classes loaded | × floor | × floor with JSON | × hello-world |\n");
        out.append("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (var result : report.results()) {
            var total = result.total();
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %,.0f | %s | %s | %s |%n",
                    result.coldStartCase().function(), result.coldStartCase().request(), result.jit().label(),
                    total.median(), total.min(), total.max(), result.launchToMain().median(),
                    result.jvmStartToMain().median(), result.mainToResponse().median(), result.loadedClasses().median(),
                    ratio(report, result, ColdStartCase.FLOOR), ratio(report, result, ColdStartCase.FLOOR_WITH_JSON),
                    ratio(report, result, ColdStartCase.HELLO_WORLD)));
        }
        out.append("""

                *Median/Min/Max*: from just before `ProcessBuilder.start()` to reading the probe's `FIRST_RESPONSE` line.
                *Launch → main()*: until the probe's `main()` was entered; *of which JVM start → main()*: from the JVM's own
                start stamp (`RuntimeMXBean.getStartTime()`), the rest being process creation and JVM bootstrap before it.
                *main() → first response*: handler class loading and construction, event deserialization, the invocation
                (against DynamoDB Local and ElasticMQ on loopback) and response serialization. *Classes loaded*: by the JVM
                in all when the response was out (JDK classes included, and the ~hundreds of `java.management` read
                after it: compare with the hello-world row). The last five columns are medians.
                *× floor*, *× floor with JSON*, *× hello-world*: the row's median over that baseline's median under the same
                JIT setting.
                """);
        return out.toString();
    }

    private static String ratio(ColdStartReport report, CaseResult result, String baselineId) {
        return report.baselineFor(baselineId, result.jit())
                .map(baseline -> result.total().median() / baseline.total().median())
                .map(ratio -> String.format(Locale.ROOT, ratio < 1 ? "%.2f" : "%.1f", ratio))
                .orElse("–");
    }
}
