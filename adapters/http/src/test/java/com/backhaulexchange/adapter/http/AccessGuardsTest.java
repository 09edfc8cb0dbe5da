package com.backhaulexchange.adapter.http;

import com.backhaulexchange.adapter.lambda.AuthorizerContext;

import static com.backhaulexchange.adapter.http.Requests.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.backhaulexchange.partner.access.Principal;
import com.backhaulexchange.partner.apikey.ApiKeyId;
import com.backhaulexchange.partner.PartnerId;
import com.backhaulexchange.partner.PartnerRole;
import com.backhaulexchange.adapter.http.problem.ProblemException;
import com.backhaulexchange.adapter.http.problem.ProblemType;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AccessGuardsTest {
    private static final Principal.PartnerPrincipal PARTNER = new Principal.PartnerPrincipal(
            new PartnerId("01JDA1B2C3D4E5F6G7H8J9K0MN"), Set.of(PartnerRole.SHIPPER), new ApiKeyId("Ab3dEf6hIj9L"));

    private static ApiRequest requestBy(Principal principal) {
        var event = event("GET", "/partners/me", Map.of(), null);
        if (principal != null) {
            event.getRequestContext().setAuthorizer(new HashMap<>(AuthorizerContext.of(principal)));
        }
        return ApiRequest.from(event);
    }

    private static ProblemType problemOf(Runnable guard) {
        var thrown = catchThrowableOfType(ProblemException.class, guard::run);
        assertThat(thrown).as("the guard let the request through").isNotNull();
        return java.util.Arrays.stream(ProblemType.values())
                .filter(type -> type.uri().equals(thrown.problem().type())).findFirst().orElseThrow();
    }

    @Nested
    @DisplayName("a partner route")
    class PartnerRoute {
        @Test
        void letsAPartnerIn() {
            assertThat(AccessGuards.requirePartner(requestBy(PARTNER))).isEqualTo(PARTNER);
        }

        @Test
        void forbidsTheOperator() {
            assertThat(problemOf(() -> AccessGuards.requirePartner(requestBy(new Principal.OperatorPrincipal()))))
                    .isEqualTo(ProblemType.FORBIDDEN);
        }

        @Test
        void refusesAnAnonymousCaller() {
            assertThat(problemOf(() -> AccessGuards.requirePartner(requestBy(null))))
                    .isEqualTo(ProblemType.UNAUTHORIZED);
        }
    }

    @Nested
    @DisplayName("an operator route")
    class OperatorRoute {
        @Test
        void letsTheOperatorIn() {
            assertThat(AccessGuards.requireOperator(requestBy(new Principal.OperatorPrincipal())))
                    .isEqualTo(new Principal.OperatorPrincipal());
        }

        @Test
        void forbidsAPartner() {
            assertThat(problemOf(() -> AccessGuards.requireOperator(requestBy(PARTNER))))
                    .isEqualTo(ProblemType.FORBIDDEN);
        }

        @Test
        void refusesAnAnonymousCaller() {
            assertThat(problemOf(() -> AccessGuards.requireOperator(requestBy(null))))
                    .isEqualTo(ProblemType.UNAUTHORIZED);
        }
    }
}
