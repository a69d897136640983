package org.trialstream.kernel;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.trialstream.kernel", importOptions = ImportOption.DoNotIncludeTests.class)
class SharedKernelArchitectureTest {

    @ArchTest
    static final ArchRule dependsOnTheJdkOnly = classes()
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.trialstream.kernel..", "java..");

    @ArchTest
    static final ArchRule knowsNoFramework = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.axonframework..", "io.micronaut..", "com.fasterxml..");

    @ArchTest
    static final ArchRule publishedFactsAreImmutableRecords = classes()
            .that().areAnnotatedWith("org.trialstream.kernel.contract.EventContract")
            .should().beRecords();
}
