package com.backhaulexchange.adapter.lambda;

import com.backhaulexchange.partner.access.Principal;
import com.backhaulexchange.partner.apikey.ApiKeyId;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.partner.PartnerRole;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The contract between the authorizer and the functions: the string map API Gateway passes from
 * the authorizer's {@code context} to {@code requestContext.authorizer}.
 */
public final class AuthorizerContext {
    public static final String PRINCIPAL_TYPE = "principalType";
    public static final String PARTNER_ID = "partnerId";
    public static final String ROLES = "roles";
    public static final String KEY_ID = "keyId";
    public static final String DENY_REASON = "denyReason";
    static final String PARTNER = "PARTNER";
    static final String OPERATOR = "OPERATOR";

    private AuthorizerContext() {
    }

    public static Map<String, Object> of(Principal principal) {
        Map<String, Object> context = new HashMap<>();
        switch (principal) {
            case Principal.PartnerPrincipal partner -> {
                context.put(PRINCIPAL_TYPE, PARTNER);
                context.put(PARTNER_ID, partner.partnerId().value());
                context.put(ROLES, partner.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
                context.put(KEY_ID, partner.keyId().value());
            }
            case Principal.OperatorPrincipal operator -> context.put(PRINCIPAL_TYPE, OPERATOR);
        }
        return context;
    }

    /** The principal, or null for an unauthenticated route (or a context this contract does not know). */
    public static Principal principalFrom(Map<String, Object> authorizer) {
        if (authorizer == null) {
            return null;
        }
        Object type = authorizer.get(PRINCIPAL_TYPE);
        if (OPERATOR.equals(type)) {
            return new Principal.OperatorPrincipal();
        }
        if (PARTNER.equals(type)) {
            Set<PartnerRole> roles = EnumSet.noneOf(PartnerRole.class);
            String roleList = String.valueOf(authorizer.getOrDefault(ROLES, ""));
            Arrays.stream(roleList.split(",")).filter(role -> !role.isBlank())
                    .forEach(role -> roles.add(PartnerRole.valueOf(role)));
            return new Principal.PartnerPrincipal(new PartnerId(String.valueOf(authorizer.get(PARTNER_ID))), roles,
                    new ApiKeyId(String.valueOf(authorizer.get(KEY_ID))));
        }
        return null;
    }
}
