package org.trialstream.statistics.survival;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class StatisticsArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.trialstream.statistics");

    @Test
    void mainCodeDependsOnNoSpringAxonOrMicronaut() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework..", "org.axonframework..", "io.micronaut..")
                .check(MAIN);
    }

    @Test
    void mainCodeDependsOnTheJdkHipparchusAndJacksonCsvAlone() {
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "org.trialstream.statistics..", "org.hipparchus..",
                        "com.fasterxml.jackson.databind..", "com.fasterxml.jackson.dataformat.csv..")
                .check(MAIN);
    }
}
