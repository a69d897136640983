package org.trialstream.enrolment.patient.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.trialstream.kernel.audit.AuditMetadata;
import org.trialstream.kernel.contract.enrolment.EligibilityAnswer;
import org.trialstream.kernel.contract.enrolment.EligibilityAssessed;
import org.trialstream.kernel.contract.enrolment.PatientEnrolled;
import org.trialstream.kernel.contract.enrolment.PatientScreened;
import org.trialstream.kernel.patient.PatientId;
import org.trialstream.kernel.patient.ResectionMargin;
import org.trialstream.platform.domain.ClinicalCalendar;
import org.trialstream.platform.domain.StateConflict;

final class PatientFixtures {

    static final PatientId PATIENT = new PatientId(UUID.fromString("6f1c2a9e-3b7d-4c1e-9a55-0d2f8e4b7a10"));
    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    static final Clock CLOCK = Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    static final LocalDate STUDY_FLOOR = LocalDate.of(2020, 1, 1);
    static final ClinicalCalendar CALENDAR = new ClinicalCalendar(CLOCK, ZoneOffset.UTC, STUDY_FLOOR);
    /** Who acts when a test names nobody: the investigator of the patient's own site. */
    static final Map<String, Object> INVESTIGATOR_AT_HOME = Map.of(AuditMetadata.ACTOR_SUBJECT, "investigator-1",
            AuditMetadata.ACTOR_ROLE, "INVESTIGATOR", AuditMetadata.ACTOR_SITE, "RJH");
    static final LocalDate SCREENED_ON = TODAY.minusDays(3);
    static final LocalDate SURGERY = TODAY.minusDays(14);
    static final String HISTOLOGY = "Myxofibrosarcoma";

    private PatientFixtures() {
    }

    static PatientScreened screened() {
        return new PatientScreened(PATIENT.value(), "S-001", "RJH", SCREENED_ON);
    }

    static Map<String, Boolean> allCriteriaSatisfied() {
        Map<String, Boolean> answers = new LinkedHashMap<>();
        for (EligibilityCriterion criterion : EligibilityCriterion.values()) {
            answers.put(criterion.name(), criterion.kind() == EligibilityCriterion.Kind.INCLUSION);
        }
        return answers;
    }

    static List<EligibilityAnswer> answersOf(Map<String, Boolean> answers) {
        List<EligibilityAnswer> list = new ArrayList<>();
        answers.forEach((criterion, met) -> list.add(new EligibilityAnswer(criterion, met)));
        return list;
    }

    static EligibilityAssessed eligible() {
        return new EligibilityAssessed(PATIENT.value(), answersOf(allCriteriaSatisfied()), true, SCREENED_ON);
    }

    static EligibilityAssessed ineligible() {
        Map<String, Boolean> answers = allCriteriaSatisfied();
        answers.put(EligibilityCriterion.EXC_DISTANT_METASTASIS.name(), true);
        return new EligibilityAssessed(PATIENT.value(), answersOf(answers), false, SCREENED_ON);
    }

    static PatientEnrolled enrolled() {
        return new PatientEnrolled(PATIENT.value(), 1, "S-001", "RJH", TODAY, SURGERY, ResectionMargin.R1, HISTOLOGY);
    }

    /** Stamps the home-site investigator onto a command sent without any actor, as the audit interceptor would. */
    static MessageDispatchInterceptor<CommandMessage<?>> actingAsHomeInvestigator() {
        return messages -> (index, command) -> command.getMetaData().containsKey(AuditMetadata.ACTOR_SUBJECT)
                || command.getMetaData().containsKey(AuditMetadata.ACTOR_ROLE)
                ? command : command.andMetaData(INVESTIGATOR_AT_HOME);
    }

    /** The study register as a plain in-memory object: the Study aggregate's own tests cover the real one. */
    static final class InMemoryRegister implements EnrolmentRegister {
        private final int cap;
        private final List<PatientId> places = new ArrayList<>();
        private final List<String> screeningNumbers = new ArrayList<>();

        InMemoryRegister(int cap) {
            this.cap = cap;
        }

        @Override
        public void registerScreening(PatientId patient, String screeningNumber) {
            if (screeningNumbers.contains(screeningNumber)) {
                throw new StateConflict("screeningNumber", "in use");
            }
            screeningNumbers.add(screeningNumber);
        }

        @Override
        public int takePlace(PatientId patient) {
            if (places.size() >= cap) {
                throw new StateConflict("patientId", "full");
            }
            places.add(patient);
            return places.size();
        }
    }
}
