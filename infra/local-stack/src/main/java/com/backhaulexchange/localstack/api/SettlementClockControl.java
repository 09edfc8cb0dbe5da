package com.backhaulexchange.localstack.api;

import com.backhaulexchange.localstack.support.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

/**
 * The local stack's operator control of the settlement functions' clock (ADR 27):
 * {@code GET /_local/settlement-clock} says how far it is shifted, {@code PUT} with {@code {"offsetSeconds": N}}
 * shifts it, at once and without a restart, so that a collaboration can be formed "in the past" and its period
 * settled "in the future". It writes the offset to the file the settlement functions read
 * ({@code BHX_LOCAL_SETTLEMENT_CLOCK_FILE}); every other function keeps the real clock. Operator only: the
 * request carries the operator key whose SHA-256 the stack was started with. It exists only here: the template
 * has no such route, and the settlement functions honour the file only on the local stack.
 */
public final class SettlementClockControl {
    /** Ten years either way: far enough for any period arithmetic, not so far that an instant overflows. */
    static final long MAX_OFFSET_SECONDS = Duration.ofDays(3_653).toSeconds();

    private final Path file;
    private final long startupOffsetSeconds;
    private final String operatorKeySha256;
    private final Clock clock;

    public SettlementClockControl(Path file, long startupOffsetSeconds, String operatorKeySha256, Clock clock) {
        this.file = file;
        this.startupOffsetSeconds = startupOffsetSeconds;
        this.operatorKeySha256 = operatorKeySha256;
        this.clock = clock;
    }

    /** The variable to give every function, naming the file. */
    public static String variable() {
        return "BHX_LOCAL_SETTLEMENT_CLOCK_FILE";
    }

    public Path file() {
        return file;
    }

    HttpResponse handle(String method, String authorization, byte[] body) {
        if (operatorKeySha256 == null || operatorKeySha256.isBlank()) {
            return message(403, "This stack has no operator key (OperatorKeySha256), so no one may move its clock.");
        }
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return message(401, "The operator key is required: Authorization: Bearer <operator key>.");
        }
        if (!MessageDigest.isEqual(sha256Hex(authorization.substring("Bearer ".length()).strip())
                .getBytes(StandardCharsets.US_ASCII), operatorKeySha256.getBytes(StandardCharsets.US_ASCII))) {
            return message(403, "Only the operator moves the settlement clock.");
        }
        return switch (method) {
            case "GET" -> state();
            case "PUT" -> set(body);
            default -> message(405, "Use GET or PUT");
        };
    }

    private HttpResponse set(byte[] body) {
        JsonNode offset;
        try {
            JsonNode json = Json.MAPPER.readTree(body);
            offset = json == null ? null : json.path("offsetSeconds");
        } catch (IOException e) {
            offset = null;
        }
        if (offset == null || !offset.canConvertToLong() || !offset.isIntegralNumber()
                || Math.abs(offset.asLong()) > MAX_OFFSET_SECONDS) {
            return message(400, "The body is {\"offsetSeconds\": N}, N a whole number of seconds within ±"
                    + MAX_OFFSET_SECONDS + " (ten years).");
        }
        try {
            Path next = Files.createTempFile(file.getParent(), "settlement-clock", ".tmp");
            Files.writeString(next, Long.toString(offset.asLong()), StandardCharsets.US_ASCII);
            Files.move(next, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return state();
    }

    private HttpResponse state() {
        long offset = currentOffsetSeconds();
        ObjectNode state = Json.MAPPER.createObjectNode()
                .put("offsetSeconds", offset)
                .put("settlementNow", clock.instant().plusSeconds(offset).toString())
                .put("realNow", clock.instant().toString());
        return HttpResponse.json(200, state.toString());
    }

    long currentOffsetSeconds() {
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return text.isEmpty() ? startupOffsetSeconds : Long.parseLong(text);
        } catch (NoSuchFileException e) {
            return startupOffsetSeconds;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpResponse message(int status, String message) {
        return HttpResponse.json(status, Json.MAPPER.createObjectNode().put("message", message).toString());
    }

    private static String sha256Hex(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
