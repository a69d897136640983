package org.trialstream.protocol;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ProtocolArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.trialstream.protocol");

    @Test
    void mainCodeDependsOnNoSpringAxonOrMicronaut() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "org.axonframework..", "io.micronaut..")
                .check(MAIN);
    }

    @Test
    void mainCodeDependsOnTheJdkAndJacksonAlone() {
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "com.fasterxml.jackson..", "org.trialstream.protocol..",
                        "org.trialstream.kernel..")
                .check(MAIN);
    }

    @Test
    void ctcaeDictionaryDoesNotDependOnTheProtocolDefinition() {
        noClasses().that().resideInAPackage("org.trialstream.protocol.ctcae..")
                .should().dependOnClassesThat().resideInAPackage("org.trialstream.protocol.definition..")
                .check(MAIN);
    }
}
