package com.backhaulexchange.localstack.api;


import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Evaluates the IAM policy a Lambda authorizer returned against the method ARN being called, as API Gateway
 * does: an Allow statement must match the action {@code execute-api:Invoke} and the ARN, and a matching Deny
 * always wins. {@code *} and {@code ?} are wildcards in actions and resources.
 */
public final class IamPolicyEvaluator {

    public enum Decision { ALLOW, EXPLICIT_DENY, IMPLICIT_DENY }

    private static final String INVOKE_ACTION = "execute-api:Invoke";

    private IamPolicyEvaluator() {
    }

    public static Decision evaluate(JsonNode policyDocument, String methodArn) {
        JsonNode statements = policyDocument.path("Statement");
        List<JsonNode> all = statements.isArray() ? statements.valueStream().toList() : List.of(statements);
        boolean allowed = false;
        for (JsonNode statement : all) {
            if (!matchesAny(statement.path("Action"), INVOKE_ACTION, true)
                    || !matchesAny(statement.path("Resource"), methodArn, false)) {
                continue;
            }
            String effect = statement.path("Effect").asText();
            if (effect.equals("Deny")) {
                return Decision.EXPLICIT_DENY;
            }
            allowed |= effect.equals("Allow");
        }
        return allowed ? Decision.ALLOW : Decision.IMPLICIT_DENY;
    }

    private static boolean matchesAny(JsonNode patterns, String value, boolean ignoreCase) {
        if (patterns.isTextual()) {
            return matches(patterns.textValue(), value, ignoreCase);
        }
        return patterns.isArray() && patterns.valueStream().anyMatch(p -> p.isTextual() && matches(p.textValue(), value, ignoreCase));
    }

    static boolean matches(String pattern, String value, boolean ignoreCase) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        int flags = Pattern.DOTALL | (ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
        return Pattern.compile(regex.toString(), flags).matcher(value).matches();
    }
}
