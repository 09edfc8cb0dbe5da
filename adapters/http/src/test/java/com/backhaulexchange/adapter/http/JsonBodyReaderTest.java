package com.backhaulexchange.adapter.http;

import static com.backhaulexchange.adapter.http.Requests.jsonPost;
import static com.backhaulexchange.adapter.http.Requests.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.backhaulexchange.adapter.json.Json;
import com.backhaulexchange.adapter.json.PartnerJson;
import com.backhaulexchange.adapter.http.problem.FieldError;
import com.backhaulexchange.adapter.http.problem.Problem;
import com.backhaulexchange.adapter.http.problem.ProblemException;
import com.backhaulexchange.adapter.http.problem.ProblemType;
import com.backhaulexchange.partner.PartnerExamples;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The request body pipeline against the real OpenAPI document (infra/openapi/openapi.yaml). */
class JsonBodyReaderTest {
    private static final ObjectMapper MAPPER = Json.newMapper();
    private static final OpenApiSchemas SCHEMAS = OpenApiSchemas.loadFromClasspath();
    private static final JsonBodyReader READER = new JsonBodyReader(MAPPER, SCHEMAS);
    private static final String REGISTER = "RegisterPartnerRequest";

    /** A complete, valid registration of a carrier: every optional field present. */
    private static ObjectNode validCarrier() {
        return PartnerJson.profileToJson(PartnerExamples.carrierProfile());
    }

    private static ObjectNode validCarrierWith(Consumer<ObjectNode> change) {
        ObjectNode body = validCarrier();
        change.accept(body);
        return body;
    }

    /** What the project's mapper makes of a document (decimals as BigDecimal). */
    private static com.fasterxml.jackson.databind.JsonNode parsed(ObjectNode document) {
        try {
            return MAPPER.readTree(document.toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Problem problemOf(ThrowingCallable call) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(thrown).isInstanceOf(ProblemException.class);
        return ((ProblemException) thrown).problem();
    }

    private static Problem invalid(ObjectNode body) {
        return problemOf(() -> READER.read(jsonPost(body.toString()), REGISTER));
    }

    private static void assertOneFieldError(Problem problem, String pointer, String detailFragment) {
        assertThat(problem.type()).isEqualTo(ProblemType.VALIDATION_FAILED.uri());
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.errors()).hasSize(1);
        assertThat(problem.errors().get(0).pointer()).isEqualTo(pointer);
        assertThat(problem.errors().get(0).detail()).contains(detailFragment);
    }

    @Nested
    @DisplayName("a RegisterPartnerRequest")
    class Schema {
        @Test
        void thatIsCompleteAndValidPassesUnchanged() {
            var body = validCarrier();
            assertThat(READER.read(jsonPost(body.toString()), REGISTER)).isEqualTo(parsed(body));
        }

        @Test
        void withOnlyTheRequiredFieldsPasses() {
            var body = PartnerJson.profileToJson(PartnerExamples.minimalShipperProfile());
            assertThat(READER.read(jsonPost(body.toString()), REGISTER)).isEqualTo(parsed(body));
        }

        @Test
        void withAnUnknownFieldIsRejectedWithPointerToIt() {
            assertOneFieldError(invalid(validCarrierWith(b -> b.put("unknownField", 1))),
                    "/unknownField", "is not a known field");
        }

        @Test
        void withAnUnknownNestedFieldIsRejectedWithPointerToIt() {
            assertOneFieldError(invalid(validCarrierWith(b -> ((ObjectNode) b.get("contact")).put("fax", "x"))),
                    "/contact/fax", "is not a known field");
        }

        @Test
        void withoutARequiredFieldIsRejectedWithPointerToTheMissingProperty() {
            assertOneFieldError(invalid(validCarrierWith(b -> b.remove("legalName"))), "/legalName", "is required");
        }

        @Test
        void withoutARequiredNestedFieldIsRejectedWithPointerToTheMissingProperty() {
            assertOneFieldError(invalid(validCarrierWith(b -> ((ObjectNode) b.get("contact")).remove("email"))),
                    "/contact/email", "is required");
        }

        @Test
        void withAWrongTypeIsRejectedWithPointerToTheField() {
            assertOneFieldError(invalid(validCarrierWith(b -> b.put("legalName", 42))), "/legalName", "string");
        }

        @Test
        void withALatitudeBeyondThePoleIsRejectedWithPointerToIt() {
            assertOneFieldError(
                    invalid(validCarrierWith(b -> ((ObjectNode) b.get("homeBase")).put("latitudeDegrees", 91))),
                    "/homeBase/latitudeDegrees", "90");
        }

        @Test
        void withAnUnknownRoleIsRejectedWithPointerToTheArrayElement() {
            var problem = invalid(validCarrierWith(b -> b.putArray("roles").add("CARRIER").add("PIRATE")));
            assertThat(problem.errors()).extracting(FieldError::pointer).containsExactly("/roles/1");
        }

        @Test
        void withAZeroOperatingCostIsRejectedWithPointerToTheAmount() {
            var problem = invalid(validCarrierWith(b -> ((ObjectNode) b.get("operatingCostPerMile"))
                    .put("amountMinorUnits", 0)));
            assertThat(problem.errors()).extracting(FieldError::pointer)
                    .containsExactly("/operatingCostPerMile/amountMinorUnits");
        }

        @Test
        void withSeveralProblemsReportsEachFieldOnce() {
            var problem = invalid(validCarrierWith(b -> {
                b.remove("contact");
                b.put("legalName", "");
                b.put("surprise", true);
                ((ObjectNode) b.get("homeBase")).put("longitudeDegrees", -181);
                b.put("dotNumber", "12-34");
            }));

            assertThat(problem.errors()).extracting(FieldError::pointer).containsExactlyInAnyOrder(
                    "/contact", "/dotNumber", "/homeBase/longitudeDegrees", "/legalName", "/surprise");
            assertThat(problem.detail()).isEqualTo("The request has 5 invalid fields.");
        }

        @Test
        void thatIsNotAnObjectIsRejectedAtTheRoot() {
            var problem = problemOf(() -> READER.read(jsonPost("[1,2,3]"), REGISTER));
            assertThat(problem.type()).isEqualTo(ProblemType.VALIDATION_FAILED.uri());
            assertThat(problem.errors()).extracting(FieldError::pointer).containsExactly("");
        }
    }

    @Nested
    @DisplayName("the body itself")
    class Body {
        @ParameterizedTest(name = "[{index}] {0}")
        @ValueSource(strings = {"{\"legalName\": ", "{'legalName': 'x'}", "{\"a\":1} trailing", "nul"})
        void thatIsNotJsonIsAMalformedJsonProblem(String body) {
            var problem = problemOf(() -> READER.read(jsonPost(body), REGISTER));
            assertThat(problem.type()).isEqualTo(ProblemType.MALFORMED_JSON.uri());
            assertThat(problem.status()).isEqualTo(400);
            assertThat(problem.errors()).extracting(FieldError::pointer).containsExactly("");
        }

        @Test
        void thatIsEmptyIsABadRequest() {
            var problem = problemOf(() -> READER.read(jsonPost(""), REGISTER));
            assertThat(problem.status()).isEqualTo(400);
            assertThat(problem.type()).isEqualTo(ProblemType.VALIDATION_FAILED.uri());
            assertThat(problem.errors()).extracting(FieldError::pointer).containsExactly("");
        }

        @Test
        void thatIsMissingIsABadRequest() {
            assertThat(problemOf(() -> READER.read(jsonPost(null), REGISTER)).status()).isEqualTo(400);
        }

        @Test
        void ofExactly64KibibytesIsRead() {
            String padding = "x".repeat(JsonBodyReader.MAX_BODY_BYTES - "{\"legalName\":\"\"}".length());
            String body = "{\"legalName\":\"" + padding + "\"}";
            assertThat(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSize(JsonBodyReader.MAX_BODY_BYTES);
            // read far enough to be judged by the schema, not by its size
            var problem = problemOf(() -> READER.read(jsonPost(body), REGISTER));
            assertThat(problem.type()).isEqualTo(ProblemType.VALIDATION_FAILED.uri());
        }

        @Test
        void overSixtyFourKibibytesIsTooLarge() {
            String body = "{\"legalName\":\"" + "x".repeat(JsonBodyReader.MAX_BODY_BYTES) + "\"}";
            var problem = problemOf(() -> READER.read(jsonPost(body), REGISTER));
            assertThat(problem.type()).isEqualTo(ProblemType.PAYLOAD_TOO_LARGE.uri());
            assertThat(problem.status()).isEqualTo(413);
        }

        @Test
        void isMeasuredInUtf8BytesNotCharacters() {
            // 40,000 characters, 80,000 bytes
            String body = "{\"legalName\":\"" + "\u00e9".repeat(40_000) + "\"}";
            assertThat(problemOf(() -> READER.read(jsonPost(body), REGISTER)).status()).isEqualTo(413);
        }
    }

    @Nested
    @DisplayName("the Content-Type")
    class ContentType {
        private final String body = validCarrier().toString();

        @Test
        void withACharsetParameterIsAccepted() {
            var request = post(Map.of("Content-Type", "application/json; charset=utf-8"), body);
            assertThat(READER.read(request, REGISTER)).isEqualTo(parsed(validCarrier()));
        }

        @Test
        void inAnotherCaseIsAccepted() {
            var request = post(Map.of("content-type", "Application/JSON"), body);
            assertThat(READER.read(request, REGISTER)).isEqualTo(parsed(validCarrier()));
        }

        @ParameterizedTest(name = "[{index}] {0}")
        @ValueSource(strings = {"text/plain", "application/xml", "application/merge-patch+json",
            "application/x-www-form-urlencoded", "application/jsonp"})
        void thatIsNotJsonIsAnUnsupportedMediaType(String contentType) {
            var problem = problemOf(() -> READER.read(post(Map.of("Content-Type", contentType), body), REGISTER));
            assertThat(problem.type()).isEqualTo(ProblemType.UNSUPPORTED_MEDIA_TYPE.uri());
            assertThat(problem.status()).isEqualTo(415);
        }

        @Test
        void thatIsMissingIsAnUnsupportedMediaType() {
            var problem = problemOf(() -> READER.read(post(Map.of(), body), REGISTER));
            assertThat(problem.status()).isEqualTo(415);
            assertThat(problem.detail()).contains("none was given");
        }

        @Test
        void ofAMergePatchIsAcceptedWhereMergePatchesAre() {
            var request = post(Map.of("Content-Type", "application/merge-patch+json"), "{\"legalName\":\"New Name\"}");
            assertThat(READER.read(request, "UpdatePartnerRequest", JsonBodyReader.MERGE_PATCH_MEDIA_TYPES)
                    .path("legalName").asText()).isEqualTo("New Name");
        }

        @Test
        void isCheckedBeforeTheSize() {
            String huge = "x".repeat(JsonBodyReader.MAX_BODY_BYTES + 1);
            var problem = problemOf(() -> READER.read(post(Map.of("Content-Type", "text/plain"), huge), REGISTER));
            assertThat(problem.status()).isEqualTo(415);
        }
    }

    @Nested
    @DisplayName("the other request schemas")
    class OtherSchemas {
        @Test
        void aSuspensionNeedsAReason() {
            var problem = problemOf(() -> READER.read(jsonPost("{}"), "SuspendPartnerRequest"));
            assertThat(problem.errors()).extracting(FieldError::pointer).containsExactly("/reason");
        }

        @Test
        void aRotationGracePeriodAboveSevenDaysIsRejectedWithPointerToIt() {
            var problem = problemOf(() -> READER.read(jsonPost("{\"gracePeriodSeconds\": 604801}"),
                    "RotateApiKeyRequest"));
            assertThat(problem.errors()).extracting(FieldError::pointer).containsExactly("/gracePeriodSeconds");
        }

        @ParameterizedTest(name = "gracePeriodSeconds {0}")
        @ValueSource(strings = {"1e308", "-1e308", "1.8446744073709552e19", "9223372036854775808", "604800.5"})
        void aGracePeriodBeyondItsBoundsOrInexactIsRejectedEvenWhereTheValidatorWouldWrapIt(String grace) {
            var problem = problemOf(() -> READER.read(jsonPost("{\"gracePeriodSeconds\": " + grace + "}"),
                    "RotateApiKeyRequest"));
            assertThat(problem.errors()).extracting(FieldError::pointer).containsExactly("/gracePeriodSeconds");
        }

        @Test
        void anEmptyMergePatchIsRejected() {
            var problem = problemOf(() -> READER.read(jsonPost("{}"), "UpdatePartnerRequest",
                    JsonBodyReader.MERGE_PATCH_MEDIA_TYPES));
            assertThat(problem.errors()).hasSize(1);
        }

        @Test
        void documentsBuiltByTheServerAreCheckedWithoutARequest() {
            assertThat(READER.schemaViolations(REGISTER, validCarrier())).isEmpty();
            assertThat(READER.schemaViolations(REGISTER, validCarrierWith(b -> b.put("legalName", "x"))))
                    .extracting(FieldError::pointer).containsExactly("/legalName");
        }

        @ParameterizedTest(name = "actualTime \"{0}\"")
        @ValueSource(strings = {"2026-12-03", "2026-02-30T10:00:00Z", "2026-12-03T10:00Z", "2026-12-03T10:00:00",
                ""})
        void aDateTimeIsAssertedAsRfc3339(String time) {
            var problem = problemOf(() -> READER.read(jsonPost("{\"actualTime\": \"" + time + "\"}"),
                    "PickupRecord"));
            assertThat(problem.errors()).extracting(FieldError::pointer).containsExactly("/actualTime");
        }

        @ParameterizedTest(name = "actualTime \"{0}\"")
        @ValueSource(strings = {"2026-12-03T14:00:00Z", "2026-12-03T19:30:00+05:30", "2026-12-03T14:00:00.123456Z"})
        void anRfc3339DateTimeIsAccepted(String time) {
            assertThat(READER.read(jsonPost("{\"actualTime\": \"" + time + "\"}"), "PickupRecord")
                    .path("actualTime").asText()).isEqualTo(time);
        }

        @Test
        void anUnknownSchemaNameIsAProgrammingError() {
            assertThatThrownBy(() -> SCHEMAS.violations("NoSuchSchema", validCarrier()))
                    .isInstanceOf(RuntimeException.class);
        }
    }
}
