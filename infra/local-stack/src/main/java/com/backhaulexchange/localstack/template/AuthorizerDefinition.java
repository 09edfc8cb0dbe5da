package com.backhaulexchange.localstack.template;

import java.util.List;
import java.util.Optional;

/** A Lambda authorizer of an {@code AWS::Serverless::Api}. */
public record AuthorizerDefinition(
        String name, String functionLogicalId, PayloadType payloadType, List<String> identityHeaders,
        List<String> identityQueryStrings, int reauthorizeEverySeconds, Optional<String> validationExpression) {

    /** SAM's default for {@code Identity.ReauthorizeEvery}. */
    public static final int DEFAULT_TTL_SECONDS = 300;

    public enum PayloadType { TOKEN, REQUEST }

    public AuthorizerDefinition {
        identityHeaders = List.copyOf(identityHeaders);
        identityQueryStrings = List.copyOf(identityQueryStrings);
    }
}
