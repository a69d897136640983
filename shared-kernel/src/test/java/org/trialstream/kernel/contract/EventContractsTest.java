package org.trialstream.kernel.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.trialstream.kernel.contract.enrolment.PatientEnrolled;

class EventContractsTest {

    @Test
    void wireTypeIsTheContractNameNotTheJavaClassName() {
        for (Class<? extends TrialEvent> type : EventContracts.all()) {
            EventContract contract = EventContracts.contractOf(type).orElseThrow();
            assertThat(contract.name()).doesNotContain(type.getPackageName())
                    .matches("[a-z-]+\\.[A-Z][A-Za-z]+");
            assertThat(contract.version()).isPositive();
        }
    }

    @Test
    void contractNamesAndVersionsAreUnique() {
        Set<String> seen = new HashSet<>();
        for (Class<? extends TrialEvent> type : EventContracts.all()) {
            EventContract contract = EventContracts.contractOf(type).orElseThrow();
            assertThat(seen.add(contract.name() + "/v" + contract.version())).as(contract.name()).isTrue();
        }
    }

    @Test
    void everyAnnotatedContractIsInTheCatalogue() {
        Set<Class<?>> annotated = new HashSet<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.trialstream.kernel")) {
            if (type.isAnnotatedWith(EventContract.class)) {
                annotated.add(type.reflect());
            }
        }
        assertThat(annotated).containsExactlyInAnyOrderElementsOf(EventContracts.all());
    }

    @Test
    void findsTheJavaTypeByWireNameAndVersion() {
        assertThat(EventContracts.typeOf("enrolment.PatientEnrolled", 1)).contains(PatientEnrolled.class);
        assertThat(EventContracts.typeOf("enrolment.PatientEnrolled", 99)).isEmpty();
        assertThat(EventContracts.typeOf(PatientEnrolled.class.getName(), 1)).isEmpty();
    }

    @Test
    void everyContextPublishesToItsOwnTrialTopic() {
        assertThat(BoundedContext.ENROLMENT.topic()).isEqualTo("trial.enrolment.events");
        assertThat(BoundedContext.FOLLOW_UP.topic()).isEqualTo("trial.follow-up.events");
        EventContract enrolled = PatientEnrolled.class.getAnnotation(EventContract.class);
        assertThat(EventContracts.contextOf(enrolled)).isEqualTo(BoundedContext.ENROLMENT);
    }

    @Test
    void serviceTypesWithoutAContractDoNotLeaveTheirService() {
        assertThat(EventContracts.contractOf(String.class)).isEmpty();
        assertThatThrownBy(() -> BoundedContext.ofId("billing")).isInstanceOf(IllegalArgumentException.class);
    }
}
