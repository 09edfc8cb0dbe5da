package com.backhaulexchange.benchmarks;

import java.util.Optional;

/** How the measured JVM compiles: with the template's JAVA_TOOL_OPTIONS (C1 only) or the JVM default. */
record JitMode(String id, String label, Optional<String> javaToolOptions) {

    static JitMode template(String javaToolOptions) {
        return new JitMode("c1", "`" + javaToolOptions + "` (template)", Optional.of(javaToolOptions));
    }

    static JitMode jvmDefault() {
        return new JitMode("default", "JVM default (tiered C1+C2)", Optional.empty());
    }
}
