package com.backhaulexchange.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.backhaulexchange.adapter.dynamodb.violation.ItemsThatStoreAnApiView;
import com.backhaulexchange.function.alpha.AlphaHandler;
import com.backhaulexchange.function.beta.BetaService;
import com.backhaulexchange.lane.violation.LaneThatParsesJson;
import com.backhaulexchange.matching.violation.MatchThatReadsDynamoDb;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The rules are not vacuous: classes that break the layering on purpose (test classes, never part of the
 * production import) make each rule report them.
 */
class ArchitectureRulesCanFailTest {
    private static final JavaClasses VIOLATIONS = new ClassFileImporter().importClasses(
            LaneThatParsesJson.class, MatchThatReadsDynamoDb.class, AlphaHandler.class, BetaService.class,
            ItemsThatStoreAnApiView.class);

    @Test
    void jacksonInTheDomainIsReported() {
        assertViolated(ArchitectureRules.DOMAIN_IS_FREE_OF_TECHNOLOGY, "LaneThatParsesJson", "ObjectMapper");
    }

    @Test
    void anAdapterUsedByTheDomainIsReported() {
        assertViolated(ArchitectureRules.DOMAIN_DOES_NOT_KNOW_ITS_ADAPTERS_OR_FUNCTIONS, "DynamoDbMatchRepository");
    }

    @Test
    void aCycleBetweenCapabilitiesIsReported() {
        assertViolated(ArchitectureRules.CAPABILITIES_ARE_FREE_OF_CYCLES, "lane", "matching");
    }

    @Test
    void anApiViewStoredByTheDynamoDbAdapterIsReported() {
        assertViolated(ArchitectureRules.STORED_DOCUMENTS_ARE_NOT_API_VIEWS, "ItemsThatStoreAnApiView", "LaneView");
    }

    @Test
    void aFunctionCallingAnotherIsReported() {
        assertViolated(ArchitectureRules.FUNCTIONS_DO_NOT_CALL_EACH_OTHER, "AlphaHandler", "BetaService");
    }

    private static void assertViolated(ArchRule rule, String... mentioned) {
        var result = rule.evaluate(VIOLATIONS);
        assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
        assertThat(result.getFailureReport().toString()).contains(mentioned);
    }
}
