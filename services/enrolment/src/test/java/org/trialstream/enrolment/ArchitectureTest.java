package org.trialstream.enrolment;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.trialstream.enrolment", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainKnowsNoWebKafkaOrPersistence = noClasses()
            .that().resideInAnyPackage("..domain..", "..api..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.apache.kafka..", "jakarta.persistence..", "org.hibernate..",
                    "com.mongodb..");

    @ArchTest
    static final ArchRule onlyTheOutboundIntegrationTalksToKafka = noClasses()
            .that().resideOutsideOfPackage("..integration.outbound..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..",
                    "org.axonframework.extensions.kafka..");

    @ArchTest
    static final ArchRule commandsAndServiceEventsAreRecords = classes()
            .that().resideInAPackage("..api..")
            .should().beRecords();
}
