package com.backhaulexchange.function.settlement;

import com.backhaulexchange.adapter.http.ApiRequest;
import com.backhaulexchange.adapter.http.ApiResponse;
import com.backhaulexchange.adapter.http.ApiRouter;
import com.backhaulexchange.adapter.http.JsonBodyReader;
import com.backhaulexchange.adapter.http.problem.FieldError;
import com.backhaulexchange.adapter.http.problem.ProblemException;
import com.backhaulexchange.adapter.http.problem.ProblemType;
import com.backhaulexchange.function.settlement.AllocationPreview.Command;
import com.backhaulexchange.function.settlement.AllocationPreview.Kind;
import com.backhaulexchange.function.settlement.AllocationPreview.RuleName;
import com.backhaulexchange.adapter.json.RequestValues;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The settlement routes: for now the allocation preview. HTTP in, {@link AllocationPreview} command, HTTP out. */
final class SettlementApi {
    static final String PREVIEW_SCHEMA = "AllocationPreviewRequest";

    /**
     * A 12-player game lists 4,095 coalitions: about 1 MiB with 40-character names, pretty-printed. Within
     * API Gateway's 10 MB and Lambda's 6 MB request limits; every other route keeps 64 KiB.
     */
    static final int MAX_PREVIEW_BODY_BYTES = 2 * 1024 * 1024;

    /** Field errors listed one by one before the rest are summarised. */
    static final int MAX_LISTED_ERRORS = 20;
    /** The schema's sampling.permutations maximum. */
    static final int MAX_PERMUTATIONS = 100_000;

    /** Missing coalitions named in the detail of the one {@code /coalitions} error. */
    static final int MAX_NAMED_MISSING = 10;

    private final JsonBodyReader bodies;
    private final ObjectMapper mapper;

    SettlementApi(JsonBodyReader bodies, ObjectMapper mapper) {
        this.bodies = bodies;
        this.mapper = mapper;
    }

    ApiRouter routes() {
        return new ApiRouter(mapper)
                .route("POST", "/allocations/preview", this::preview);
    }

    /** Any authenticated caller — a partner's key or the operator's — may preview; nothing is read or written. */
    private ApiResponse preview(ApiRequest request) {
        if (request.authenticatedPrincipal().isEmpty()) {
            throw new ProblemException(ProblemType.UNAUTHORIZED, "An API key is required.");
        }
        JsonNode body = bodies.read(request, PREVIEW_SCHEMA, JsonBodyReader.JSON_MEDIA_TYPES, MAX_PREVIEW_BODY_BYTES);
        return ApiResponse.json(mapper, 200, PreviewView.of(AllocationPreview.compute(command(body))));
    }

    /** The preview of a body the schema has accepted (also SnapStart's priming). */
    PreviewView preview(JsonNode body) {
        return PreviewView.of(AllocationPreview.compute(command(body)));
    }

    // ------------------------------------------------------------------ request body to command

    /**
     * What the schema cannot say: members that are not players, a coalition listed twice, coalitions missing,
     * numbers beyond a double. One error per field, pointers into the body; nothing is computed unless all pass.
     */
    static Command command(JsonNode body) {
        List<String> players = new ArrayList<>();
        body.path("players").forEach(player -> players.add(player.asText()));
        Map<String, Integer> indexOf = new HashMap<>();
        for (int i = 0; i < players.size(); i++) {
            indexOf.put(players.get(i), i);
        }
        int n = players.size();
        double[] numbers = new double[1 << n];
        int[] listedAt = new int[1 << n];
        java.util.Arrays.fill(listedAt, -1);
        List<FieldError> errors = new ArrayList<>();
        int bad = 0;
        boolean unknownMembers = false;
        JsonNode coalitions = body.path("coalitions");
        for (int c = 0; c < coalitions.size(); c++) {
            JsonNode coalition = coalitions.get(c);
            String pointer = "/coalitions/" + c;
            int mask = 0;
            List<FieldError> own = new ArrayList<>();
            JsonNode members = coalition.path("members");
            for (int m = 0; m < members.size(); m++) {
                Integer index = indexOf.get(members.get(m).asText());
                if (index == null) {
                    unknownMembers = true;
                    own.add(new FieldError(pointer + "/members/" + m, "\"" + members.get(m).asText()
                            + "\" is not one of the players " + players));
                } else {
                    mask |= 1 << index;
                }
            }
            double number = coalition.path("value").doubleValue();
            if (!Double.isFinite(number)) {
                own.add(new FieldError(pointer + "/value", "must be a finite number"));
            }
            if (own.isEmpty()) {
                if (listedAt[mask] >= 0) {
                    own.add(new FieldError(pointer + "/members", "the same coalition as /coalitions/" + listedAt[mask]
                            + "/members " + describe(players, mask) + ": list each coalition once"));
                } else {
                    listedAt[mask] = c;
                    numbers[mask] = number;
                }
            }
            for (FieldError error : own) {
                if (bad < MAX_LISTED_ERRORS) {
                    errors.add(error);
                }
                bad++;
            }
        }
        if (bad > MAX_LISTED_ERRORS) {
            errors.add(new FieldError("/coalitions", (bad - MAX_LISTED_ERRORS) + " more errors in coalitions"
                    + " are not listed"));
        } else if (!unknownMembers) {
            missing(players, listedAt).ifPresent(errors::add);
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("The game is not well-formed: " + errors.size() + " invalid field"
                    + (errors.size() == 1 ? "." : "s."), errors);
        }
        List<RuleName> rules = new ArrayList<>();
        body.path("rules").forEach(rule -> rules.add(RuleName.valueOf(rule.asText())));
        JsonNode sampling = body.path("sampling");
        if (!sampling.isMissingNode() && !rules.contains(RuleName.SAMPLED_SHAPLEY)) {
            throw ProblemException.invalidField("/sampling", "applies only to SAMPLED_SHAPLEY, which rules does not"
                    + " name");
        }
        int permutations = sampling.has("permutations")
                ? RequestValues.wholeInt(sampling.get("permutations"), "/sampling/permutations", 2, MAX_PERMUTATIONS)
                : AllocationPreview.DEFAULT_PERMUTATIONS;
        long seed = sampling.has("seed")
                ? RequestValues.wholeNumber(sampling.get("seed"), "/sampling/seed", Long.MIN_VALUE, Long.MAX_VALUE)
                : AllocationPreview.DEFAULT_SEED;
        return new Command(players, Kind.valueOf(body.path("kind").asText()), numbers, rules, permutations, seed);
    }

    private static java.util.Optional<FieldError> missing(List<String> players, int[] listedAt) {
        int expected = listedAt.length - 1;
        List<String> named = new ArrayList<>();
        int missing = 0;
        for (int mask = 1; mask < listedAt.length; mask++) {
            if (listedAt[mask] < 0) {
                if (named.size() < MAX_NAMED_MISSING) {
                    named.add(describe(players, mask));
                }
                missing++;
            }
        }
        if (missing == 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new FieldError("/coalitions", "must list each of the 2^" + players.size()
                + " - 1 = " + expected + " non-empty coalitions once; " + missing + " missing: "
                + String.join(", ", named) + (missing > named.size() ? ", ..." : "")));
    }

    private static String describe(List<String> players, int mask) {
        List<String> members = new ArrayList<>();
        for (int rest = mask; rest != 0; rest &= rest - 1) {
            members.add(players.get(Integer.numberOfTrailingZeros(rest)));
        }
        return "{" + String.join(", ", members) + "}";
    }
}
