package org.trialstream.projections;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.trialstream.projections", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Read models are rebuilt from published contracts only; no service's internals leak in. */
    @ArchTest
    static final ArchRule readsPublishedContractsOnly = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.axonframework..", "org.trialstream.enrolment..");

    @ArchTest
    static final ArchRule onlyTheStreamTalksToKafka = noClasses()
            .that().resideOutsideOfPackage("..stream..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..");
}
