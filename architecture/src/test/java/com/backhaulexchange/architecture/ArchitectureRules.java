package com.backhaulexchange.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering of ADR 21, as rules: a pure domain grouped by capability over a shared kernel, technology
 * adapters behind its ports, and functions as composition roots that never call each other.
 */
final class ArchitectureRules {
    /** The domain's packages: the shared kernel and one package tree per capability. */
    static final String[] DOMAIN = {
            "com.backhaulexchange.kernel..", "com.backhaulexchange.partner..", "com.backhaulexchange.notification..",
            "com.backhaulexchange.lane..", "com.backhaulexchange.gazetteer..", "com.backhaulexchange.matching..",
            "com.backhaulexchange.deal..", "com.backhaulexchange.settlement..", "com.backhaulexchange.emissions..",
            "com.backhaulexchange.tracking..", "com.backhaulexchange.compliance.."};

    static final ArchRule DOMAIN_IS_FREE_OF_TECHNOLOGY = noClasses().that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "software.amazon..", "com.amazonaws..", "com.fasterxml..", "com.networknt..",
                    "org.yaml..", "java.net.http..", "java.sql..")
            .as("the domain uses no AWS, Jackson, HTTP or database types")
            .because("a rule of the business must read the same whatever carries the request (ADR 21)");

    static final ArchRule DOMAIN_DOES_NOT_KNOW_ITS_ADAPTERS_OR_FUNCTIONS = noClasses().that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage("com.backhaulexchange.adapter..", "com.backhaulexchange.function..")
            .as("the domain depends on no adapter and no function")
            .because("adapters implement the domain's ports, not the other way round (ADR 21)");

    static final ArchRule KERNEL_KNOWS_NO_CAPABILITY = noClasses().that().resideInAPackage("com.backhaulexchange.kernel..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "com.backhaulexchange.partner..", "com.backhaulexchange.notification..", "com.backhaulexchange.lane..",
                    "com.backhaulexchange.gazetteer..", "com.backhaulexchange.matching..", "com.backhaulexchange.deal..",
                    "com.backhaulexchange.settlement..", "com.backhaulexchange.emissions..", "com.backhaulexchange.tracking..",
                    "com.backhaulexchange.compliance..")
            .as("the shared kernel depends on no capability");

    static final ArchRule CAPABILITIES_ARE_FREE_OF_CYCLES = slices()
            .matching("com.backhaulexchange.(partner|notification|lane|gazetteer|matching|deal|settlement|emissions|tracking|compliance)..")
            .should().beFreeOfCycles()
            .as("the domain's capabilities depend on each other without cycles");

    /** Emissions is measured for matching, deals and settlement alike (ADR 24): it uses none of them. */
    static final ArchRule EMISSIONS_KNOWS_NO_OTHER_CAPABILITY = noClasses().that()
            .resideInAPackage("com.backhaulexchange.emissions..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "com.backhaulexchange.partner..", "com.backhaulexchange.notification..", "com.backhaulexchange.lane..",
                    "com.backhaulexchange.gazetteer..", "com.backhaulexchange.matching..", "com.backhaulexchange.deal..",
                    "com.backhaulexchange.settlement..", "com.backhaulexchange.tracking..",
                    "com.backhaulexchange.compliance..")
            .as("emissions depends on no other capability");

    static final ArchRule KERNEL_PACKAGES_ARE_FREE_OF_CYCLES = slices().matching("com.backhaulexchange.kernel.(*)..")
            .should().beFreeOfCycles()
            .as("the kernel's packages depend on each other without cycles");

    static final ArchRule ADAPTERS_DO_NOT_KNOW_FUNCTIONS = noClasses().that().resideInAPackage("com.backhaulexchange.adapter..")
            .should().dependOnClassesThat().resideInAPackage("com.backhaulexchange.function..")
            .as("adapters depend on no function");

    static final ArchRule STORAGE_AND_MESSAGING_DO_NOT_KNOW_HTTP = noClasses().that()
            .resideInAnyPackage("com.backhaulexchange.adapter.dynamodb..", "com.backhaulexchange.adapter.sqs..",
                    "com.backhaulexchange.adapter.json..", "com.backhaulexchange.adapter.lambda..",
                    "com.backhaulexchange.adapter.s3..")
            .should().dependOnClassesThat().resideInAPackage("com.backhaulexchange.adapter.http..")
            .as("the DynamoDB, SQS, S3, JSON and Lambda adapters know nothing of HTTP");

    static final ArchRule STORED_DOCUMENTS_ARE_NOT_API_VIEWS = noClasses().that()
            .resideInAPackage("com.backhaulexchange.adapter.dynamodb..")
            .should().dependOnClassesThat().resideInAPackage("com.backhaulexchange.adapter.json..")
            .as("the DynamoDB adapter does not use the JSON adapter (the API views)")
            .because("what is stored has its own types and schema versions, so that changing an API view never "
                    + "changes a stored item (ADR 21, \"Stored documents\")");

    static final ArchRule FUNCTIONS_DO_NOT_CALL_EACH_OTHER = slices().matching("com.backhaulexchange.function.(*)..")
            .should().notDependOnEachOther()
            .as("functions are composition roots that never call each other's code");

    private ArchitectureRules() {
    }
}
