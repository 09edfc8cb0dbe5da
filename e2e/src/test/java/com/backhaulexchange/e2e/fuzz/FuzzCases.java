package com.backhaulexchange.e2e.fuzz;

import com.backhaulexchange.e2e.fuzz.FuzzCase.Kind;
import com.backhaulexchange.e2e.fuzz.FuzzWorld.Actor;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cases of one operation: its valid request (the seed), then every structural change (path ids, query
 * parameters, headers, media types, broken bodies) and a seeded sample of field changes. The same seed gives the
 * same cases, in the same order.
 */
final class FuzzCases {
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");

    private final FuzzWorld world;
    private final SchemaExamples examples;
    private final long seed;
    private final int fieldCasesPerOperation;

    FuzzCases(FuzzWorld world, SchemaExamples examples, long seed, int fieldCasesPerOperation) {
        this.world = world;
        this.examples = examples;
        this.seed = seed;
        this.fieldCasesPerOperation = fieldCasesPerOperation;
    }

    List<FuzzCase> of(ApiOperations.Operation operation) {
        Actor actor = world.actorOf(operation);
        Map<String, String> pathValues = new LinkedHashMap<>();
        operation.in("path").forEach(parameter -> pathValues.put(parameter.name(), world.pathValue(parameter.name())));
        Optional<String> body = validBody(operation);
        Random random = new Random(seed ^ operation.operationId().hashCode());

        List<FuzzCase> cases = new ArrayList<>();
        cases.add(request(operation, Kind.SEED, "none (the valid request)", actor, target(operation, pathValues, ""),
                headers(operation, actor, body.isPresent()), body.map(FuzzCases::utf8).orElse(null)));
        byte[] validBytes = body.map(FuzzCases::utf8).orElse(null);

        for (String parameter : pathValues.keySet()) {
            for (String segment : Mutations.hostilePathSegments()) {
                Map<String, String> changed = new LinkedHashMap<>(pathValues);
                changed.put(parameter, segment);
                cases.add(request(operation, Kind.PATH, "path {" + parameter + "} = " + RawHttp.abbreviate(segment),
                        actor, target(operation, changed, ""), headers(operation, actor, body.isPresent()), validBytes));
            }
        }
        for (var parameter : operation.in("query")) {
            for (String value : Mutations.hostileQueryValues()) {
                cases.add(request(operation, Kind.QUERY, "query " + parameter.name() + "=" + RawHttp.abbreviate(value),
                        actor, target(operation, pathValues, "?" + parameter.name() + "=" + value),
                        headers(operation, actor, body.isPresent()), validBytes));
            }
        }
        headerChanges(operation, actor).forEach((change, headers) -> cases.add(request(operation, Kind.HEADER,
                change, actor, target(operation, pathValues, ""), headers, validBytes)));
        if (body.isPresent()) {
            for (String mediaType : List.of("", "text/plain", "application/xml", "application/x-www-form-urlencoded",
                    "application/json-patch+json", "multipart/form-data; boundary=fuzz")) {
                Map<String, String> headers = headers(operation, actor, true);
                if (mediaType.isEmpty()) {
                    headers.remove("Content-Type");
                } else {
                    headers.put("Content-Type", mediaType);
                }
                cases.add(request(operation, Kind.MEDIA_TYPE, "Content-Type " + (mediaType.isEmpty() ? "absent"
                        : mediaType), actor, target(operation, pathValues, ""), headers, validBytes));
            }
            Mutations.brokenBodies(body.get()).forEach((change, bytes) -> cases.add(request(operation, Kind.BODY,
                    change, actor, target(operation, pathValues, ""), headers(operation, actor, true), bytes)));
            cases.addAll(fieldCases(operation, actor, target(operation, pathValues, ""), body.get(), random));
        }
        return cases;
    }

    /**
     * The same valid request by a partner who is party to none of the world's objects, once with the real ids and
     * once with unknown ids of the same shape: the two answers must not differ.
     */
    Optional<List<FuzzCase>> foreignAndUnknown(ApiOperations.Operation operation) {
        List<String> privateParameters = operation.in("path").stream().map(ApiOperations.Parameter::name)
                .filter(FuzzWorld::namesAPrivateObject).toList();
        if (privateParameters.isEmpty() || world.actorOf(operation) == Actor.OPERATOR) {
            return Optional.empty();
        }
        Map<String, String> real = new LinkedHashMap<>();
        operation.in("path").forEach(parameter -> real.put(parameter.name(), world.pathValue(parameter.name())));
        Map<String, String> unknown = new LinkedHashMap<>(real);
        Random random = new Random(seed ^ operation.operationId().hashCode() ^ 0x5EED);
        privateParameters.forEach(name -> unknown.put(name, lookalike(real.get(name), random)));
        Optional<String> body = validBody(operation);
        byte[] bytes = body.map(FuzzCases::utf8).orElse(null);
        return Optional.of(List.of(
                request(operation, Kind.SEED, "a stranger names the world's objects", Actor.STRANGER,
                        target(operation, real, ""), headers(operation, Actor.STRANGER, body.isPresent()), bytes),
                request(operation, Kind.SEED, "a stranger names unknown objects", Actor.STRANGER,
                        target(operation, unknown, ""), headers(operation, Actor.STRANGER, body.isPresent()), bytes)));
    }

    /** An id of the same length and alphabet as {@code id} that nothing has: its last eight characters redrawn. */
    static String lookalike(String id, Random random) {
        String alphabet = id.matches("[0-9a-f]+") ? "0123456789abcdef"
                : id.matches("[0-9A-HJKMNP-TV-Z]+") ? "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
                : "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        StringBuilder lookalike = new StringBuilder(id.substring(0, Math.max(0, id.length() - 8)));
        while (lookalike.length() < id.length()) {
            lookalike.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return lookalike.toString();
    }

    private Optional<String> validBody(ApiOperations.Operation operation) {
        return operation.body().map(body -> SeedBodies.of(operation.operationId(), world)
                .orElseGet(() -> Mutations.toJson(examples.example(body.schema()))));
    }

    private List<FuzzCase> fieldCases(ApiOperations.Operation operation, Actor actor, String target, String body,
            Random random) {
        JsonNode valid = Mutations.parse(body);
        List<FuzzCase> all = new ArrayList<>();
        Mutations.valuesByPointer(valid).forEach((pointer, value) -> {
            if (!pointer.isEmpty()) {
                all.add(field(operation, actor, target, pointer + " removed", Mutations.with(valid, pointer, null)));
            }
            for (var replacement : Mutations.replacementsFor(value)) {
                all.add(field(operation, actor, target, (pointer.isEmpty() ? "the body" : pointer) + " = "
                        + replacement.label(), Mutations.with(valid, pointer, replacement.value())));
            }
        });
        Collections.shuffle(all, random);
        return all.subList(0, Math.min(all.size(), fieldCasesPerOperation));
    }

    private FuzzCase field(ApiOperations.Operation operation, Actor actor, String target, String change,
            JsonNode body) {
        return request(operation, Kind.FIELD, change, actor, target, headers(operation, actor, true),
                utf8(Mutations.toJson(body)));
    }

    private Map<String, Map<String, String>> headerChanges(ApiOperations.Operation operation, Actor actor) {
        boolean hasBody = operation.body().isPresent();
        Map<String, Map<String, String>> changes = new LinkedHashMap<>();
        if (operation.authenticated()) {
            for (String authorization : List.of("", "Bearer", "Bearer ", "Bearer garbage", "Basic ZnV6ejpmdXp6",
                    "Bearer " + world.key(actor) + "x", "bearer " + world.key(actor) + " extra",
                    "Bearer bhx_" + "A".repeat(5000))) {
                Map<String, String> headers = headers(operation, actor, hasBody);
                if (authorization.isEmpty()) {
                    headers.remove("Authorization");
                } else {
                    headers.put("Authorization", authorization);
                }
                changes.put("Authorization " + (authorization.isEmpty() ? "absent"
                        : RawHttp.abbreviate(authorization.replace(world.key(actor), "<key>"))), headers);
            }
        }
        if (operation.in("header").stream().anyMatch(parameter -> parameter.name().equals("Idempotency-Key"))) {
            for (String key : List.of("", "short", "x".repeat(300), "key with spaces and ünïcode 0123456789")) {
                Map<String, String> headers = headers(operation, actor, hasBody);
                headers.put("Idempotency-Key", key);
                changes.put("Idempotency-Key " + RawHttp.abbreviate("\"" + key + "\""), headers);
            }
        }
        if (operation.in("header").stream().anyMatch(parameter -> parameter.name().equals("If-Match"))) {
            for (String etag : List.of("garbage", "\"stale\"", "W/\"0\"", "")) {
                Map<String, String> headers = headers(operation, actor, hasBody);
                headers.put("If-Match", etag);
                changes.put("If-Match " + etag, headers);
            }
        }
        Map<String, String> xml = headers(operation, actor, hasBody);
        xml.put("Accept", "application/xml");
        changes.put("Accept application/xml", xml);
        return changes;
    }

    private Map<String, String> headers(ApiOperations.Operation operation, Actor actor, boolean hasBody) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json, application/problem+json");
        if (actor != Actor.ANONYMOUS) {
            headers.put("Authorization", "Bearer " + world.key(actor));
        }
        if (hasBody) {
            headers.put("Content-Type", operation.body().orElseThrow().mediaTypes().getFirst());
        }
        if (operation.in("header").stream().anyMatch(parameter -> parameter.name().equals("Idempotency-Key"))) {
            headers.put("Idempotency-Key", UUID.randomUUID().toString());
        }
        return headers;
    }

    private static FuzzCase request(ApiOperations.Operation operation, Kind kind, String change, Actor actor,
            String target, Map<String, String> headers, byte[] body) {
        return new FuzzCase(operation, kind, change, actor, target, Map.copyOf(headers), body);
    }

    private static String target(ApiOperations.Operation operation, Map<String, String> pathValues, String query) {
        Matcher matcher = PATH_PARAMETER.matcher(operation.pathTemplate());
        StringBuilder path = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(path, Matcher.quoteReplacement(pathValues.get(matcher.group(1))));
        }
        matcher.appendTail(path);
        return path + query;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
