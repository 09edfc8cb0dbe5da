package com.backhaulexchange.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The production classes of every module (the domain, the adapters, the functions) keep the layering. */
class ArchitectureTest {
    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("com.backhaulexchange");
    }

    @Test
    void theDomainIsFreeOfTechnology() {
        ArchitectureRules.DOMAIN_IS_FREE_OF_TECHNOLOGY.check(production);
    }

    @Test
    void theDomainDoesNotKnowItsAdaptersOrFunctions() {
        ArchitectureRules.DOMAIN_DOES_NOT_KNOW_ITS_ADAPTERS_OR_FUNCTIONS.check(production);
    }

    @Test
    void theKernelKnowsNoCapability() {
        ArchitectureRules.KERNEL_KNOWS_NO_CAPABILITY.check(production);
    }

    @Test
    void emissionsKnowsNoOtherCapability() {
        ArchitectureRules.EMISSIONS_KNOWS_NO_OTHER_CAPABILITY.check(production);
    }

    @Test
    void capabilitiesAreFreeOfCycles() {
        ArchitectureRules.CAPABILITIES_ARE_FREE_OF_CYCLES.check(production);
    }

    @Test
    void kernelPackagesAreFreeOfCycles() {
        ArchitectureRules.KERNEL_PACKAGES_ARE_FREE_OF_CYCLES.check(production);
    }

    @Test
    void adaptersDoNotKnowFunctions() {
        ArchitectureRules.ADAPTERS_DO_NOT_KNOW_FUNCTIONS.check(production);
    }

    @Test
    void storageAndMessagingDoNotKnowHttp() {
        ArchitectureRules.STORAGE_AND_MESSAGING_DO_NOT_KNOW_HTTP.check(production);
    }

    @Test
    void storedDocumentsAreNotApiViews() {
        ArchitectureRules.STORED_DOCUMENTS_ARE_NOT_API_VIEWS.check(production);
    }

    @Test
    void functionsDoNotCallEachOther() {
        ArchitectureRules.FUNCTIONS_DO_NOT_CALL_EACH_OTHER.check(production);
    }

    @Test
    void everyModuleWasImported() {
        // Guards the rules above against passing on an empty or partial import.
        org.assertj.core.api.Assertions.assertThat(production.stream().map(c -> c.getPackageName()).distinct())
                .contains("com.backhaulexchange.kernel.money", "com.backhaulexchange.partner", "com.backhaulexchange.lane",
                        "com.backhaulexchange.matching", "com.backhaulexchange.deal.negotiation", "com.backhaulexchange.settlement",
                        "com.backhaulexchange.adapter.dynamodb", "com.backhaulexchange.adapter.dynamodb.document",
                        "com.backhaulexchange.adapter.json", "com.backhaulexchange.adapter.http",
                        "com.backhaulexchange.function.authorizer", "com.backhaulexchange.function.settlement");
    }
}
