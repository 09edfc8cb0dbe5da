package com.backhaulexchange.localstack.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.localstack.api.IamPolicyEvaluator.Decision;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class IamPolicyEvaluatorTest {

    private static final String ARN = "arn:aws:execute-api:us-east-1:000000000000:local/v1/GET/partners/me";

    private static JsonNode policy(String statements) throws Exception {
        return new ObjectMapper().readTree("{\"Version\":\"2012-10-17\",\"Statement\":" + statements + "}");
    }

    @Test
    void anAllowMatchingActionAndResourceAllows() throws Exception {
        assertThat(IamPolicyEvaluator.evaluate(policy(
                "[{\"Effect\":\"Allow\",\"Action\":\"execute-api:Invoke\",\"Resource\":[\"" + ARN + "\"]}]"), ARN))
                .isEqualTo(Decision.ALLOW);
        assertThat(IamPolicyEvaluator.evaluate(policy(
                "{\"Effect\":\"Allow\",\"Action\":\"execute-api:*\",\"Resource\":\"arn:aws:execute-api:*:*:local/v1/*\"}"), ARN))
                .isEqualTo(Decision.ALLOW);
        assertThat(IamPolicyEvaluator.evaluate(policy(
                "[{\"Effect\":\"Allow\",\"Action\":[\"*\"],\"Resource\":\"arn:aws:execute-api:us-east-1:000000000000:local/v1/???/partners/*\"}]"), ARN))
                .isEqualTo(Decision.ALLOW);
    }

    @Test
    void nothingMatchingIsAnImplicitDeny() throws Exception {
        assertThat(IamPolicyEvaluator.evaluate(policy(
                "[{\"Effect\":\"Allow\",\"Action\":\"execute-api:Invoke\",\"Resource\":\"arn:aws:execute-api:us-east-1:000000000000:local/v1/POST/*\"}]"), ARN))
                .isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(IamPolicyEvaluator.evaluate(policy(
                "[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]"), ARN))
                .isEqualTo(Decision.IMPLICIT_DENY);
        assertThat(IamPolicyEvaluator.evaluate(policy("[]"), ARN)).isEqualTo(Decision.IMPLICIT_DENY);
    }

    @Test
    void aMatchingDenyWinsOverAnAllow() throws Exception {
        assertThat(IamPolicyEvaluator.evaluate(policy("["
                + "{\"Effect\":\"Allow\",\"Action\":\"execute-api:Invoke\",\"Resource\":\"*\"},"
                + "{\"Effect\":\"Deny\",\"Action\":\"execute-api:Invoke\",\"Resource\":\"" + ARN + "\"}]"), ARN))
                .isEqualTo(Decision.EXPLICIT_DENY);
        assertThat(IamPolicyEvaluator.evaluate(policy("["
                + "{\"Effect\":\"Allow\",\"Action\":\"execute-api:Invoke\",\"Resource\":\"*\"},"
                + "{\"Effect\":\"Deny\",\"Action\":\"execute-api:Invoke\",\"Resource\":\"*/DELETE/*\"}]"), ARN))
                .isEqualTo(Decision.ALLOW);
    }

    @Test
    void wildcardsDoNotMatchMoreThanTheyShould() {
        assertThat(IamPolicyEvaluator.matches("arn:x/v1/GET/partners", "arn:x/v1/GET/partners/me", false)).isFalse();
        assertThat(IamPolicyEvaluator.matches("arn:x/v1/GET/partners/?e", "arn:x/v1/GET/partners/me", false)).isTrue();
        assertThat(IamPolicyEvaluator.matches("arn:x/v1/get/*", "arn:x/v1/GET/partners/me", false)).isFalse();
        assertThat(IamPolicyEvaluator.matches("arn:x.v1", "arn:xXv1", false)).isFalse();
    }
}
