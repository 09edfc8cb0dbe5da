package com.backhaulexchange.adapter.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.partner.access.Principal;
import com.backhaulexchange.partner.apikey.ApiKeyId;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.partner.PartnerRole;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuthorizerContextTest {
    private static final PartnerId PARTNER = new PartnerId("01JDA1B2C3D4E5F6G7H8J9K0MN");
    private static final ApiKeyId KEY = new ApiKeyId("Ab3dEf6hIj9L");

    /** API Gateway hands the authorizer's context to the function as strings. */
    private static Map<String, Object> throughApiGateway(Map<String, Object> context) {
        Map<String, Object> delivered = new HashMap<>();
        context.forEach((name, value) -> delivered.put(name, String.valueOf(value)));
        delivered.put("principalId", "whatever-the-authorizer-said");
        delivered.put("integrationLatency", 12);
        return delivered;
    }

    @Test
    void aPartnerPrincipalSurvivesTheTrip() {
        var principal = new Principal.PartnerPrincipal(PARTNER, EnumSet.of(PartnerRole.SHIPPER, PartnerRole.CARRIER), KEY);
        assertThat(AuthorizerContext.principalFrom(throughApiGateway(AuthorizerContext.of(principal))))
                .isEqualTo(principal);
    }

    @Test
    void aPartnerWithoutRolesSurvivesTheTrip() {
        var principal = new Principal.PartnerPrincipal(PARTNER, Set.of(), KEY);
        assertThat(AuthorizerContext.principalFrom(throughApiGateway(AuthorizerContext.of(principal))))
                .isEqualTo(principal);
    }

    @Test
    void theOperatorPrincipalSurvivesTheTrip() {
        var principal = new Principal.OperatorPrincipal();
        var context = AuthorizerContext.of(principal);
        assertThat(context).containsOnlyKeys(AuthorizerContext.PRINCIPAL_TYPE);
        assertThat(AuthorizerContext.principalFrom(throughApiGateway(context))).isEqualTo(principal);
    }

    @Test
    void theContextIsFlatStringsAsApiGatewayRequires() {
        var context = AuthorizerContext.of(new Principal.PartnerPrincipal(PARTNER,
                EnumSet.of(PartnerRole.BROKER, PartnerRole.CARRIER), KEY));
        assertThat(context).allSatisfy((name, value) -> assertThat(value).isInstanceOf(String.class));
        assertThat(context.get(AuthorizerContext.ROLES)).isEqualTo("BROKER,CARRIER");
    }

    @Test
    void noContextMeansNoPrincipal() {
        assertThat(AuthorizerContext.principalFrom(null)).isNull();
        assertThat(AuthorizerContext.principalFrom(Map.of())).isNull();
        assertThat(AuthorizerContext.principalFrom(Map.of(AuthorizerContext.PRINCIPAL_TYPE, "ROBOT"))).isNull();
    }
}
