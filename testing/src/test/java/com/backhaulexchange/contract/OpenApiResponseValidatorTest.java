package com.backhaulexchange.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The response validator the handler tests rely on really rejects what breaks the contract. */
class OpenApiResponseValidatorTest {
    private static final OpenApiResponseValidator VALIDATOR = OpenApiResponseValidator.shared();
    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");
    private static final Map<String, String> PROBLEM = Map.of("Content-Type", "application/problem+json");
    private static final String PARTNER = """
            {"partnerId":"01JDB5N4ZQ8W6XKH3M2R7T9V1C","status":"ACTIVE","legalName":"Great Lakes Home Goods Inc.",
             "roles":["SHIPPER"],"contact":{"name":"Priya Raman","email":"logistics@greatlakeshome.example"},
             "homeBase":{"latitudeDegrees":42.3314,"longitudeDegrees":-83.0458},
             "createdAt":"2026-11-20T14:00:00Z","updatedAt":"2026-11-20T14:00:00Z"}""";

    @Test
    void aBodyOfTheDeclaredSchemaPasses() {
        assertThat(VALIDATOR.violations("GET", "/partners/{partnerId}", 200, JSON, PARTNER)).isEmpty();
    }

    @Test
    void aBodyBreakingTheSchemaFailsWithItsLocation() {
        String withoutId = PARTNER.replace("\"partnerId\":\"01JDB5N4ZQ8W6XKH3M2R7T9V1C\",", "")
                .replace("\"SHIPPER\"", "\"TRUCKER\"");
        assertThat(VALIDATOR.violations("GET", "/partners/{partnerId}", 200, JSON, withoutId))
                .anySatisfy(violation -> assertThat(violation).contains("partnerId"))
                .anySatisfy(violation -> assertThat(violation).contains("/roles/0"));
    }

    @Test
    void aStatusTheOperationDoesNotDeclareFails() {
        assertThat(VALIDATOR.violations("GET", "/partners/{partnerId}", 409, PROBLEM,
                "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409}"))
                .singleElement().asString().contains("status 409 is not declared");
    }

    @Test
    void aProblemMustBeApplicationProblemJsonAndMatchTheProblemSchema() {
        String problem = "{\"type\":\"https://backhaul.exchange/problems/not-found\",\"title\":\"Not Found\",\"status\":404}";
        assertThat(VALIDATOR.violations("GET", "/partners/{partnerId}", 404, PROBLEM, problem)).isEmpty();
        assertThat(VALIDATOR.violations("GET", "/partners/{partnerId}", 404, JSON, problem))
                .anySatisfy(violation -> assertThat(violation).contains("application/problem+json"));
        assertThat(VALIDATOR.violations("GET", "/partners/{partnerId}", 404, PROBLEM, "{\"title\":\"Not Found\"}"))
                .anySatisfy(violation -> assertThat(violation).contains("type"));
    }

    @Test
    void declaredHeadersMustBePresentAndANoContentResponseHasNoBody() {
        assertThat(VALIDATOR.violations("GET", "/partners/me", 200, JSON, PARTNER))
                .singleElement().asString().contains("ETag");
        assertThat(VALIDATOR.violations("DELETE", "/partners/me/api-keys/{keyId}", 204, Map.of(), null)).isEmpty();
        assertThat(VALIDATOR.violations("DELETE", "/partners/me/api-keys/{keyId}", 204, JSON, "{}")).isNotEmpty();
    }

    @Test
    void anUnknownOperationFails() {
        assertThat(VALIDATOR.violations("PUT", "/partners/me", 200, JSON, PARTNER))
                .singleElement().asString().contains("no operation");
    }
}
