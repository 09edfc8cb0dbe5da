package com.backhaulexchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The domain is plain Java: no AWS SDK, no Lambda runtime types, no schema validator. Adapters
 * (persistence.dynamodb, http, runtime, json) may use them; the concepts they adapt may not.
 */
class DomainIndependenceTest {
    private static final Path SOURCES = Path.of("src/main/java/com/backhaulexchange");
    private static final List<String> DOMAIN_PACKAGES = List.of("problem", "money", "geo", "equipment", "id",
            "policy", "partner", "apikey", "access", "idempotency", "pagination", "lane", "gazetteer",
            "matching", "negotiation", "booking", "notification", "allocation", "collaboration", "settlement");
    /** A reference to a forbidden package anywhere in the code: import, fully qualified name or string. */
    private static final Pattern FORBIDDEN = Pattern.compile("\\b(software\\.amazon|com\\.amazonaws|com\\.networknt)\\.");
    private static final Pattern COMMENTS = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

    @Test
    void noDomainClassReferencesAwsOrTheSchemaValidator() {
        assertThat(SOURCES).as("run from the module directory").isDirectory();
        List<Path> scanned = new ArrayList<>();
        List<String> offences = new ArrayList<>();
        for (String domainPackage : DOMAIN_PACKAGES) {
            Path directory = SOURCES.resolve(domainPackage);
            assertThat(directory).as("domain package %s", domainPackage).isDirectory();
            for (Path source : javaFiles(directory)) {
                scanned.add(source);
                offences.addAll(offencesIn(source));
            }
        }

        assertThat(scanned).hasSizeGreaterThan(DOMAIN_PACKAGES.size());
        assertThat(offences).as("domain sources depending on infrastructure").isEmpty();
    }

    @Test
    void theScanFindsAnImportAFullyQualifiedNameAndIgnoresComments(@TempDir Path directory) throws IOException {
        Path offender = directory.resolve("Offender.java");
        Files.writeString(offender, """
                package com.backhaulexchange.partner;

                import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

                /** Mentions com.networknt.schema in a comment only. */
                class Offender {
                    // com.amazonaws.services.lambda.runtime.Context in a comment
                    Object event = new com.amazonaws.services.lambda.runtime.events.SQSEvent();
                }
                """);

        assertThat(offencesIn(offender)).hasSize(2)
                .allSatisfy(offence -> assertThat(offence).startsWith(offender.toString() + ":"))
                .anySatisfy(offence -> assertThat(offence).endsWith(":3 software.amazon"))
                .anySatisfy(offence -> assertThat(offence).endsWith(":8 com.amazonaws"));
    }

    private static List<Path> javaFiles(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(path -> path.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "file:line package" for every forbidden reference outside comments. */
    private static List<String> offencesIn(Path source) {
        String code;
        try {
            code = Files.readString(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Blank out comments but keep their newlines, so line numbers stay true.
        Matcher comments = COMMENTS.matcher(code);
        StringBuilder withoutComments = new StringBuilder();
        while (comments.find()) {
            comments.appendReplacement(withoutComments, comments.group().replaceAll("[^\\n]", " "));
        }
        comments.appendTail(withoutComments);

        List<String> offences = new ArrayList<>();
        Matcher forbidden = FORBIDDEN.matcher(withoutComments);
        while (forbidden.find()) {
            long line = withoutComments.substring(0, forbidden.start()).chars().filter(c -> c == '\n').count() + 1;
            offences.add(source + ":" + line + " " + forbidden.group(1));
        }
        return offences;
    }
}
