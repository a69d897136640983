package org.trialstream.enrolment.patient.domain;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.axonframework.test.matchers.Matchers.predicate;
import static org.trialstream.enrolment.patient.domain.PatientFixtures.CALENDAR;
import static org.trialstream.enrolment.patient.domain.PatientFixtures.HISTOLOGY;
import static org.trialstream.enrolment.patient.domain.PatientFixtures.PATIENT;
import static org.trialstream.enrolment.patient.domain.PatientFixtures.SCREENED_ON;
import static org.trialstream.enrolment.patient.domain.PatientFixtures.SURGERY;
import static org.trialstream.enrolment.patient.domain.PatientFixtures.TODAY;
import static org.trialstream.enrolment.patient.domain.PatientFixtures.allCriteriaSatisfied;
import static org.trialstream.enrolment.patient.domain.PatientFixtures.answersOf;
import static org.trialstream.enrolment.patient.domain.PatientFixtures.eligible;
import static org.trialstream.enrolment.patient.domain.PatientFixtures.enrolled;
import static org.trialstream.enrolment.patient.domain.PatientFixtures.ineligible;
import static org.trialstream.enrolment.patient.domain.PatientFixtures.screened;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trialstream.enrolment.patient.api.AssessEligibilityCommand;
import org.trialstream.enrolment.patient.api.CorrectEnrolmentCommand;
import org.trialstream.enrolment.patient.api.EnrolPatientCommand;
import org.trialstream.enrolment.patient.api.ScreenPatientCommand;
import org.trialstream.enrolment.patient.api.WithdrawConsentCommand;
import org.trialstream.kernel.audit.AuditMetadata;
import org.trialstream.kernel.contract.enrolment.ConsentWithdrawn;
import org.trialstream.kernel.contract.enrolment.EligibilityAssessed;
import org.trialstream.kernel.contract.enrolment.EnrolmentCorrected;
import org.trialstream.kernel.contract.enrolment.PatientEnrolled;
import org.trialstream.kernel.contract.enrolment.PatientScreened;
import org.trialstream.kernel.patient.ResectionMargin;
import org.trialstream.kernel.patient.SiteId;
import org.trialstream.platform.domain.ClinicalCalendar;
import org.trialstream.platform.domain.NotFound;
import org.trialstream.platform.domain.RuleViolation;
import org.trialstream.platform.domain.StateConflict;
import org.trialstream.protocol.definition.ProtocolLoader;

class PatientTest {

    private AggregateTestFixture<Patient> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixtureWithPlacesLeft(2);
    }

    private static AggregateTestFixture<Patient> fixtureWithPlacesLeft(int places) {
        AggregateTestFixture<Patient> fixture = new AggregateTestFixture<>(Patient.class);
        fixture.registerInjectableResource(CALENDAR);
        fixture.registerInjectableResource(ProtocolLoader.loadDefault());
        fixture.registerInjectableResource(new PatientFixtures.InMemoryRegister(places));
        fixture.registerCommandDispatchInterceptor(PatientFixtures.actingAsHomeInvestigator());
        return fixture;
    }

    @Test
    void screensPatientUnderTheirPseudonymousScreeningNumber() {
        fixture.givenNoPriorActivity()
                .when(new ScreenPatientCommand(PATIENT, "S-001", new SiteId("RJH"), SCREENED_ON))
                .expectEvents(new PatientScreened(PATIENT.value(), "S-001", "RJH", SCREENED_ON));
    }

    @Test
    void refusesScreeningDatedInTheFuture() {
        fixture.givenNoPriorActivity()
                .when(new ScreenPatientCommand(PATIENT, "S-001", new SiteId("RJH"), TODAY.plusDays(1)))
                .expectNoEvents()
                .expectException(RuleViolation.class);
    }

    @Test
    void assessesPatientEligibleWhenEveryInclusionIsMetAndNoExclusionApplies() {
        fixture.given(screened())
                .when(new AssessEligibilityCommand(PATIENT, allCriteriaSatisfied(), SCREENED_ON, null))
                .expectEvents(eligible());
    }

    @Test
    void assessesPatientIneligibleWhenAnExclusionCriterionApplies() {
        Map<String, Boolean> answers = allCriteriaSatisfied();
        answers.put(EligibilityCriterion.EXC_DISTANT_METASTASIS.name(), true);
        fixture.given(screened())
                .when(new AssessEligibilityCommand(PATIENT, answers, SCREENED_ON, null))
                .expectEvents(new EligibilityAssessed(PATIENT.value(), answersOf(answers), false, SCREENED_ON));
    }

    @Test
    void assessesPatientIneligibleWhenAnInclusionCriterionIsNotMet() {
        Map<String, Boolean> answers = allCriteriaSatisfied();
        answers.put(EligibilityCriterion.INC_CONSENT_SIGNED.name(), false);
        fixture.given(screened())
                .when(new AssessEligibilityCommand(PATIENT, answers, SCREENED_ON, null))
                .expectEvents(new EligibilityAssessed(PATIENT.value(), answersOf(answers), false, SCREENED_ON));
    }

    @Test
    void refusesAssessmentWithAnUnansweredChecklistItem() {
        Map<String, Boolean> answers = allCriteriaSatisfied();
        answers.remove(EligibilityCriterion.INC_ECOG_0_TO_1.name());
        fixture.given(screened())
                .when(new AssessEligibilityCommand(PATIENT, answers, SCREENED_ON, null))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("every checklist item must be answered");
    }

    @Test
    void refusesAnAnswerToAnItemNotOnTheChecklist() {
        Map<String, Boolean> answers = allCriteriaSatisfied();
        answers.put("INC_FAVOURITE_COLOUR", true);
        fixture.given(screened())
                .when(new AssessEligibilityCommand(PATIENT, answers, SCREENED_ON, null))
                .expectNoEvents()
                .expectExceptionMessage("not an item of the eligibility checklist");
    }

    @Test
    void refusesAssessmentDatedBeforeScreening() {
        fixture.given(screened())
                .when(new AssessEligibilityCommand(PATIENT, allCriteriaSatisfied(), SCREENED_ON.minusDays(1), null))
                .expectNoEvents()
                .expectException(RuleViolation.class);
    }

    @Test
    void refusesReassessmentAfterEnrolment() {
        fixture.given(screened(), eligible(), enrolled())
                .when(new AssessEligibilityCommand(PATIENT, allCriteriaSatisfied(), TODAY, null))
                .expectNoEvents()
                .expectException(StateConflict.class);
    }

    @Test
    void enrolsEligiblePatientInTheNextPlaceWithSurgeryAsDayZero() {
        fixture.given(screened(), eligible())
                .when(new EnrolPatientCommand(PATIENT, null, SURGERY, ResectionMargin.R1, HISTOLOGY, null))
                .expectEvents(new PatientEnrolled(PATIENT.value(), 1, "S-001", "RJH", TODAY, SURGERY,
                        ResectionMargin.R1, HISTOLOGY));
    }

    @Test
    void enrolsOnTheClinicalDateGivenWhenRecordedLateFromPaper() {
        LocalDate enrolledOn = TODAY.minusDays(2);
        fixture.given(screened(), eligible())
                .when(new EnrolPatientCommand(PATIENT, enrolledOn, SURGERY, ResectionMargin.R1, HISTOLOGY, null))
                .expectEvents(new PatientEnrolled(PATIENT.value(), 1, "S-001", "RJH", enrolledOn, SURGERY,
                        ResectionMargin.R1, HISTOLOGY));
    }

    @Test
    void refusesEnrolmentDatedInTheFuture() {
        fixture.given(screened(), eligible())
                .when(new EnrolPatientCommand(PATIENT, TODAY.plusDays(1), SURGERY, ResectionMargin.R1, HISTOLOGY,
                        null))
                .expectNoEvents()
                .expectExceptionMessage("the date cannot be in the future");
    }

    @Test
    void refusesEnrolmentDatedBeforeTheEligibilityAssessment() {
        fixture.given(screened(), eligible())
                .when(new EnrolPatientCommand(PATIENT, SCREENED_ON.minusDays(1), SURGERY.minusDays(5),
                        ResectionMargin.R1, HISTOLOGY, null))
                .expectNoEvents()
                .expectExceptionMessage("enrolment cannot precede the eligibility assessment on " + SCREENED_ON);
    }

    @Test
    void refusesEnrolmentWhoseLateDateIsMoreThan28DaysAfterSurgery() {
        fixture.given(screened(), eligible())
                .when(new EnrolPatientCommand(PATIENT, TODAY.minusDays(1), TODAY.minusDays(30), ResectionMargin.R1,
                        HISTOLOGY, null))
                .expectNoEvents()
                .expectException(RuleViolation.class);
    }

    @Test
    void refusesScreeningDatedBeforeTheStudysFloor() {
        fixture.givenNoPriorActivity()
                .when(new ScreenPatientCommand(PATIENT, "S-001", new SiteId("RJH"), LocalDate.of(1, 1, 1)))
                .expectNoEvents()
                .expectExceptionMessage("the date cannot precede 2020-01-01, before which the study records no "
                        + "clinical facts");
    }

    @Test
    void refusesASurgeryDateBeforeTheStudysFloor() {
        fixture.given(screened(), eligible(), enrolled())
                .when(new CorrectEnrolmentCommand(PATIENT, LocalDate.of(1999, 12, 31), null, null, "Typo", null))
                .expectNoEvents()
                .expectException(RuleViolation.class);
    }

    @Test
    void refusesAnActorWithoutARoleAsIfThePatientDidNotExist() {
        fixture.given(screened(), eligible(), enrolled())
                .when(new WithdrawConsentCommand(PATIENT, TODAY, "Moved abroad", null),
                        Map.of(AuditMetadata.ACTOR_SUBJECT, "someone"))
                .expectNoEvents()
                .expectException(NotFound.class);
    }

    @Test
    void refusesAnActorWithAnUnknownRole() {
        fixture.given(screened(), eligible(), enrolled())
                .when(new WithdrawConsentCommand(PATIENT, TODAY, "Moved abroad", null),
                        Map.of(AuditMetadata.ACTOR_SUBJECT, "someone", AuditMetadata.ACTOR_ROLE, "JANITOR"))
                .expectNoEvents()
                .expectException(NotFound.class);
    }

    @Test
    void letsTheServiceItselfActAsItsSystemActor() {
        fixture.given(screened(), eligible(), enrolled())
                .when(new WithdrawConsentCommand(PATIENT, TODAY, "Moved abroad", null),
                        Map.of(AuditMetadata.ACTOR_SUBJECT, "system:enrolment"))
                .expectEvents(new ConsentWithdrawn(PATIENT.value(), TODAY, "Moved abroad"));
    }

    @Test
    void refusesEnrolmentBeforeEligibilityIsAssessed() {
        fixture.given(screened())
                .when(new EnrolPatientCommand(PATIENT, null, SURGERY, ResectionMargin.R0, HISTOLOGY, null))
                .expectNoEvents()
                .expectExceptionMessage("eligibility has not been assessed");
    }

    @Test
    void refusesEnrolmentOfAnIneligiblePatient() {
        fixture.given(screened(), ineligible())
                .when(new EnrolPatientCommand(PATIENT, null, SURGERY, ResectionMargin.R0, HISTOLOGY, null))
                .expectNoEvents()
                .expectExceptionMessage("the patient did not meet the eligibility criteria");
    }

    @Test
    void enrolsOnDay28AfterSurgeryAtTheLatest() {
        fixture.given(screened(), eligible())
                .when(new EnrolPatientCommand(PATIENT, null, TODAY.minusDays(28), ResectionMargin.R2, HISTOLOGY, null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void refusesEnrolmentMoreThan28DaysAfterSurgery() {
        fixture.given(screened(), eligible())
                .when(new EnrolPatientCommand(PATIENT, null, TODAY.minusDays(29), ResectionMargin.R2, HISTOLOGY, null))
                .expectNoEvents()
                .expectException(RuleViolation.class);
    }

    @Test
    void refusesSurgeryDateAfterEnrolment() {
        fixture.given(screened(), eligible())
                .when(new EnrolPatientCommand(PATIENT, SCREENED_ON, TODAY.minusDays(1), ResectionMargin.R0, HISTOLOGY,
                        null))
                .expectNoEvents()
                .expectExceptionMessage("surgery must precede enrolment on " + SCREENED_ON);
    }

    @Test
    void refusesASurgeryDateInTheFuture() {
        fixture.given(screened(), eligible())
                .when(new EnrolPatientCommand(PATIENT, null, TODAY.plusDays(1), ResectionMargin.R0, HISTOLOGY, null))
                .expectNoEvents()
                .expectExceptionMessage("the date cannot be in the future");
    }

    @Test
    void refusesEnrolmentWhenTheStudyRegisterHasNoPlaceLeft() {
        fixtureWithPlacesLeft(0).given(screened(), eligible())
                .when(new EnrolPatientCommand(PATIENT, null, SURGERY, ResectionMargin.R0, HISTOLOGY, null))
                .expectNoEvents()
                .expectException(StateConflict.class);
    }

    @Test
    void refusesASecondEnrolment() {
        fixture.given(screened(), eligible(), enrolled())
                .when(new EnrolPatientCommand(PATIENT, null, SURGERY, ResectionMargin.R0, HISTOLOGY, null))
                .expectNoEvents()
                .expectException(StateConflict.class);
    }

    @Test
    void treatsAnotherSitesPatientAsNonexistentForSiteStaff() {
        fixture.given(screened(), eligible(), enrolled())
                .when(new WithdrawConsentCommand(PATIENT, TODAY, "Moved abroad", null),
                        Map.of(AuditMetadata.ACTOR_ROLE, "RESEARCH_NURSE", AuditMetadata.ACTOR_SITE, "OTH"))
                .expectNoEvents()
                .expectException(NotFound.class);
    }

    @Test
    void letsSiteStaffActOnTheirOwnSitesPatient() {
        fixture.given(screened(), eligible(), enrolled())
                .when(new WithdrawConsentCommand(PATIENT, TODAY, "Moved abroad", null),
                        Map.of(AuditMetadata.ACTOR_ROLE, "RESEARCH_NURSE", AuditMetadata.ACTOR_SITE, "RJH"))
                .expectEvents(new ConsentWithdrawn(PATIENT.value(), TODAY, "Moved abroad"));
    }

    @Test
    void treatsSiteStaffWithoutASiteAsBelongingToNoSite() {
        fixture.given(screened(), eligible())
                .when(new EnrolPatientCommand(PATIENT, null, SURGERY, ResectionMargin.R0, HISTOLOGY, null),
                        Map.of(AuditMetadata.ACTOR_ROLE, "INVESTIGATOR"))
                .expectNoEvents()
                .expectException(NotFound.class);
    }

    @Test
    void refusesAChangeToARecordThatMovedOnSinceItWasRead() {
        fixture.given(screened(), eligible(), enrolled())
                .when(new WithdrawConsentCommand(PATIENT, TODAY, "Moved abroad", 1L))
                .expectNoEvents()
                .expectExceptionMessage("the record is at version 2, not 1; reload it and try again");
    }

    @Test
    void acceptsAChangeToTheVersionThatWasRead() {
        fixture.given(screened(), eligible(), enrolled())
                .when(new WithdrawConsentCommand(PATIENT, TODAY, "Moved abroad", 2L))
                .expectEvents(new ConsentWithdrawn(PATIENT.value(), TODAY, "Moved abroad"));
    }

    @Test
    void hidesAnotherSitesPatientEvenBehindAStaleVersion() {
        fixture.given(screened(), eligible(), enrolled())
                .when(new WithdrawConsentCommand(PATIENT, TODAY, "Moved abroad", 99L),
                        Map.of(AuditMetadata.ACTOR_ROLE, "INVESTIGATOR", AuditMetadata.ACTOR_SITE, "OTH"))
                .expectNoEvents()
                .expectException(NotFound.class);
    }

    @Test
    void judgesTheFutureByTheSitesCalendarNotByUtc() {
        // 20:00 UTC on the 9th is already the 10th in Shanghai: a screening dated the 10th is not in the future.
        ClinicalCalendar shanghai = new ClinicalCalendar(Clock.fixed(Instant.parse("2026-03-09T20:00:00Z"),
                ZoneOffset.UTC), ZoneId.of("Asia/Shanghai"), PatientFixtures.STUDY_FLOOR);
        AggregateTestFixture<Patient> atSite = new AggregateTestFixture<>(Patient.class);
        atSite.registerInjectableResource(shanghai);
        atSite.registerInjectableResource(new PatientFixtures.InMemoryRegister(1));
        atSite.registerCommandDispatchInterceptor(PatientFixtures.actingAsHomeInvestigator());
        atSite.givenNoPriorActivity()
                .when(new ScreenPatientCommand(PATIENT, "S-001", new SiteId("RJH"), LocalDate.of(2026, 3, 10)))
                .expectEvents(new PatientScreened(PATIENT.value(), "S-001", "RJH", LocalDate.of(2026, 3, 10)));
    }

    @Test
    void recordsConsentWithdrawalOfAnEnrolledPatient() {
        fixture.given(screened(), eligible(), enrolled())
                .when(new WithdrawConsentCommand(PATIENT, TODAY, "Moved abroad", null))
                .expectEvents(new ConsentWithdrawn(PATIENT.value(), TODAY, "Moved abroad"));
    }

    @Test
    void refusesWithdrawalOfAPatientWhoIsNotEnrolled() {
        fixture.given(screened(), eligible())
                .when(new WithdrawConsentCommand(PATIENT, TODAY, "Changed mind", null))
                .expectNoEvents()
                .expectException(StateConflict.class);
    }

    @Test
    void refusesWithdrawingConsentTwice() {
        fixture.given(screened(), eligible(), enrolled(), new ConsentWithdrawn(PATIENT.value(), TODAY, "Moved"))
                .when(new WithdrawConsentCommand(PATIENT, TODAY, "Moved", null))
                .expectNoEvents()
                .expectExceptionMessage("consent was already withdrawn");
    }

    @Test
    void correctsEnrolmentDetailsWithAReasonKeepingWhatWasNotCorrected() {
        fixture.given(screened(), eligible(), enrolled())
                .when(new CorrectEnrolmentCommand(PATIENT, null, ResectionMargin.R2, null, "Pathology revised", null))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        predicate((EnrolmentCorrected e) -> e.margin() == ResectionMargin.R2
                                && e.surgeryDate().equals(SURGERY)
                                && e.histology().equals(HISTOLOGY)
                                && e.reason().equals("Pathology revised")
                                && !e.correctedEventId().isBlank()),
                        andNoMore())));
    }

    @Test
    void correctsAfterConsentWithdrawalBecauseTheRecordMustStayTrue() {
        fixture.given(screened(), eligible(), enrolled(), new ConsentWithdrawn(PATIENT.value(), TODAY, "Moved"))
                .when(new CorrectEnrolmentCommand(PATIENT, SURGERY.minusDays(1), null, null, "Operative note", null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void refusesACorrectionWithoutAReason() {
        fixture.given(screened(), eligible(), enrolled())
                .when(new CorrectEnrolmentCommand(PATIENT, null, ResectionMargin.R2, null, " ", null))
                .expectNoEvents()
                .expectExceptionMessage("a correction needs a reason");
    }

    @Test
    void refusesACorrectionThatChangesNothing() {
        fixture.given(screened(), eligible(), enrolled())
                .when(new CorrectEnrolmentCommand(PATIENT, SURGERY, ResectionMargin.R1, HISTOLOGY, "Check", null))
                .expectNoEvents()
                .expectExceptionMessage("the correction changes nothing that was recorded");
    }

    @Test
    void refusesACorrectionBeforeAnythingWasEnrolled() {
        fixture.given(screened(), eligible())
                .when(new CorrectEnrolmentCommand(PATIENT, null, ResectionMargin.R2, null, "Revised", null))
                .expectNoEvents()
                .expectException(StateConflict.class);
    }
}
