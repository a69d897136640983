package org.trialstream.safety.adverseevents.domain;

import static org.trialstream.kernel.contract.safety.ExpeditedReportKind.EXPEDITED;
import static org.trialstream.kernel.contract.safety.ExpeditedReportKind.FOLLOW_UP;
import static org.trialstream.kernel.contract.safety.ExpeditedReportKind.INITIAL;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trialstream.kernel.audit.AuditMetadata;
import org.trialstream.kernel.contract.safety.ActionTaken;
import org.trialstream.kernel.contract.safety.AdverseEventCorrected;
import org.trialstream.kernel.contract.safety.AdverseEventDescription;
import org.trialstream.kernel.contract.safety.AdverseEventGradeChanged;
import org.trialstream.kernel.contract.safety.AdverseEventOutcome;
import org.trialstream.kernel.contract.safety.AdverseEventReported;
import org.trialstream.kernel.contract.safety.AdverseEventResolved;
import org.trialstream.kernel.contract.safety.Attribution;
import org.trialstream.kernel.contract.safety.Causality;
import org.trialstream.kernel.contract.safety.DoseDecisionWarranted;
import org.trialstream.kernel.contract.safety.ExpeditedReportOverdue;
import org.trialstream.kernel.contract.safety.ExpeditedReportSubmitted;
import org.trialstream.kernel.contract.safety.ReportDeadline;
import org.trialstream.kernel.contract.safety.SeriousAdverseEventReported;
import org.trialstream.kernel.contract.safety.SeriousnessCriterion;
import org.trialstream.kernel.contract.safety.TreatmentEmergenceRejudged;
import org.trialstream.kernel.patient.PatientId;
import org.trialstream.platform.domain.ClinicalCalendar;
import org.trialstream.platform.domain.NotFound;
import org.trialstream.platform.domain.RuleViolation;
import org.trialstream.platform.domain.StateConflict;
import org.trialstream.protocol.SharedData;
import org.trialstream.protocol.ctcae.CtcaeDictionary;
import org.trialstream.protocol.definition.Protocol;
import org.trialstream.protocol.definition.ProtocolLoader;
import org.trialstream.safety.adverseevents.api.SafetyCommands.ChangeGrade;
import org.trialstream.safety.adverseevents.api.SafetyCommands.CorrectAdverseEvent;
import org.trialstream.safety.adverseevents.api.SafetyCommands.Description;
import org.trialstream.safety.adverseevents.api.SafetyCommands.OpenSafetyRecord;
import org.trialstream.safety.adverseevents.api.SafetyCommands.RecordTreatmentGiven;
import org.trialstream.safety.adverseevents.api.SafetyCommands.ReportAdverseEvent;
import org.trialstream.safety.adverseevents.api.SafetyCommands.ReportSeriousness;
import org.trialstream.safety.adverseevents.api.SafetyCommands.ResolveAdverseEvent;
import org.trialstream.safety.adverseevents.api.SafetyCommands.SubmitReport;
import org.trialstream.safety.adverseevents.api.SafetyCommands.Treatment;
import org.trialstream.safety.adverseevents.domain.SafetyRecordEvents.SafetyRecordOpened;
import org.trialstream.safety.adverseevents.domain.SafetyRecordEvents.StudyTreatmentGiven;

class SafetyRecordTest {

    private static final UUID PATIENT_ID = UUID.fromString("6f1c2a9e-3b7d-4c1e-9a55-0d2f8e4b7a10");
    private static final PatientId PATIENT = new PatientId(PATIENT_ID);
    private static final UUID AE = UUID.fromString("3d9b7c1a-5e2f-4a8b-9c0d-1e2f3a4b5c6d");
    private static final ZoneId SITE_ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 10);
    /** 10:00 on 10 June at the site. */
    private static final Instant NOW = TODAY.atTime(10, 0).atZone(SITE_ZONE).toInstant();
    private static final ClinicalCalendar CALENDAR = new ClinicalCalendar(Clock.fixed(NOW, SITE_ZONE), SITE_ZONE,
            LocalDate.of(2020, 1, 1));
    private static final Protocol PROTOCOL = ProtocolLoader.loadDefault();
    private static final CtcaeDictionary CTCAE = CtcaeDictionary.load(SharedData.ctcaeFile());
    private static final LocalDate SURGERY = LocalDate.of(2026, 4, 1);
    private static final LocalDate FIRST_DOSE = LocalDate.of(2026, 4, 24);
    private static final LocalDate ONSET = LocalDate.of(2026, 6, 8);
    private static final LocalDate AWARE = LocalDate.of(2026, 6, 9);
    private static final Map<String, Object> NURSE_AT_HOME = Map.of(AuditMetadata.ACTOR_SUBJECT, "nurse-1",
            AuditMetadata.ACTOR_ROLE, "RESEARCH_NURSE", AuditMetadata.ACTOR_SITE, "RJH");
    private static final Map<String, Object> NURSE_ELSEWHERE = Map.of(AuditMetadata.ACTOR_SUBJECT, "nurse-2",
            AuditMetadata.ACTOR_ROLE, "RESEARCH_NURSE", AuditMetadata.ACTOR_SITE, "FDU");
    private static final Attribution PROBABLY_ANLOTINIB = new Attribution(Causality.PROBABLE, Causality.UNRELATED);
    private static final Attribution UNRELATED = new Attribution(Causality.UNRELATED, Causality.UNLIKELY);

    private AggregateTestFixture<SafetyRecord> fixture;
    private Map<String, Object> actor = NURSE_AT_HOME;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SafetyRecord.class);
        fixture.registerInjectableResource(CALENDAR);
        fixture.registerInjectableResource(PROTOCOL);
        fixture.registerInjectableResource(CTCAE);
        fixture.registerCommandDispatchInterceptor(actingAsCurrentActor());
    }

    // ---- the record ----

    @Test
    void opensTheSafetyRecordWhenThePatientIsEnrolled() {
        fixture.givenNoPriorActivity()
                .when(new OpenSafetyRecord(PATIENT, "RJH", "S-001", SURGERY))
                .expectEvents(opened());
    }

    @Test
    void siteStaffOfAnotherSiteCannotReportForThePatient() {
        actor = NURSE_ELSEWHERE;
        fixture.given(opened(), dosed())
                .when(report(diarrhea(3, PROBABLY_ANLOTINIB)))
                .expectException(NotFound.class)
                .expectNoEvents();
    }

    // ---- CTCAE grading ----

    @Test
    void reportsAnAdverseEventByItsCtcaeTermWithItsMeddraCodeAndOrganClass() {
        fixture.given(opened(), dosed())
                .when(report(diarrhea(1, UNRELATED)))
                .expectEvents(reported(described("Diarrhea", "10012727", "Gastrointestinal disorders", 1, UNRELATED,
                        List.of(), AdverseEventOutcome.NOT_RECOVERED), true));
    }

    @Test
    void reportsAnAdverseEventByItsMeddraCodeAlone() {
        fixture.given(opened(), dosed())
                .when(report(draft(null, "10012727", 1, UNRELATED, List.of())))
                .expectEvents(reported(described("Diarrhea", "10012727", "Gastrointestinal disorders", 1, UNRELATED,
                        List.of(), AdverseEventOutcome.NOT_RECOVERED), true));
    }

    @Test
    void refusesATermThatIsNotACtcaeTerm() {
        fixture.given(opened(), dosed())
                .when(report(draft("Tummy ache", null, 1, UNRELATED, List.of())))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("'Tummy ache' is not a CTCAE v5.0 term")
                .expectNoEvents();
    }

    @Test
    void refusesAMeddraCodeThatNamesAnotherTerm() {
        fixture.given(opened(), dosed())
                .when(report(draft("Diarrhea", "10054524", 1, UNRELATED, List.of())))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void refusesGradeFourPalmarPlantarErythrodysesthesia() {
        fixture.given(opened(), dosed())
                .when(report(draft("Palmar-plantar erythrodysesthesia syndrome", null, 4, PROBABLY_ANLOTINIB,
                        List.of())))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("CTCAE v5.0 defines no grade 4 for 'Palmar-plantar erythrodysesthesia "
                        + "syndrome' (MedDRA 10054524); its grades are 1, 2, 3")
                .expectNoEvents();
    }

    @Test
    void refusesAGradeChangeToAGradeTheTermDoesNotDefine() {
        fixture.given(opened(), dosed(), reported(described("Palmar-plantar erythrodysesthesia syndrome", "10054524",
                        "Skin and subcutaneous tissue disorders", 3, PROBABLY_ANLOTINIB, List.of(),
                        AdverseEventOutcome.NOT_RECOVERED), true))
                .when(new ChangeGrade(PATIENT, AE, 4, TODAY, "worse", null))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void refusesAnOnsetBeforeSurgery() {
        fixture.given(opened())
                .when(report(new Description("Diarrhea", null, 1, SURGERY.minusDays(1), AWARE, UNRELATED, false,
                        false, List.of(), ActionTaken.DOSE_NOT_CHANGED, null)))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void refusesAnOnsetInTheFuture() {
        fixture.given(opened())
                .when(report(new Description("Diarrhea", null, 1, TODAY.plusDays(1), TODAY.plusDays(1), UNRELATED,
                        false, false, List.of(), ActionTaken.DOSE_NOT_CHANGED, null)))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void refusesAwarenessBeforeOnset() {
        fixture.given(opened())
                .when(report(new Description("Diarrhea", null, 1, ONSET, ONSET.minusDays(1), UNRELATED, false, false,
                        List.of(), ActionTaken.DOSE_NOT_CHANGED, null)))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void refusesIntolerableForAnyGradeButTwo() {
        fixture.given(opened(), dosed())
                .when(report(new Description("Diarrhea", null, 3, ONSET, AWARE, UNRELATED, false, true, List.of(),
                        ActionTaken.DOSE_NOT_CHANGED, null)))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("only a grade 2 event is judged intolerable; this one is grade 3")
                .expectNoEvents();
    }

    @Test
    void refusesDeathAsASeriousnessCriterionBelowGradeFive() {
        fixture.given(opened(), dosed())
                .when(report(draft("Diarrhea", null, 4, UNRELATED, List.of(SeriousnessCriterion.DEATH))))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    // ---- treatment emergence ----

    @Test
    void judgesAnEventWithOnsetOnOrAfterTheFirstDoseTreatmentEmergent() {
        fixture.given(opened(), new StudyTreatmentGiven(PATIENT_ID, Treatment.ANLOTINIB, ONSET))
                .when(report(diarrhea(1, UNRELATED)))
                .expectEvents(reported(diarrheaDescribed(1, UNRELATED, List.of()), true));
    }

    @Test
    void judgesAnEventBeforeAnyStudyTreatmentNotTreatmentEmergent() {
        fixture.given(opened())
                .when(report(diarrhea(1, UNRELATED)))
                .expectEvents(reported(diarrheaDescribed(1, UNRELATED, List.of()), false));
    }

    @Test
    void rejudgesAnEarlierEventWhenTheFirstDoseIsRecordedOnOrBeforeItsOnset() {
        fixture.given(opened(), reported(diarrheaDescribed(1, UNRELATED, List.of()), false))
                .when(new RecordTreatmentGiven(PATIENT, Treatment.ANLOTINIB, FIRST_DOSE))
                .expectEvents(new StudyTreatmentGiven(PATIENT_ID, Treatment.ANLOTINIB, FIRST_DOSE),
                        new TreatmentEmergenceRejudged(PATIENT_ID, AE, true, FIRST_DOSE));
    }

    @Test
    void aFirstFractionBeforeTheFirstDoseStartsStudyTreatment() {
        LocalDate fraction = ONSET.minusDays(1);
        fixture.given(opened(), new StudyTreatmentGiven(PATIENT_ID, Treatment.ANLOTINIB, ONSET.plusDays(1)),
                        reported(diarrheaDescribed(1, UNRELATED, List.of()), false))
                .when(new RecordTreatmentGiven(PATIENT, Treatment.RADIOTHERAPY, fraction))
                .expectEvents(new StudyTreatmentGiven(PATIENT_ID, Treatment.RADIOTHERAPY, fraction),
                        new TreatmentEmergenceRejudged(PATIENT_ID, AE, true, fraction));
    }

    @Test
    void laterFractionsChangeNothing() {
        fixture.given(opened(), new StudyTreatmentGiven(PATIENT_ID, Treatment.RADIOTHERAPY, FIRST_DOSE))
                .when(new RecordTreatmentGiven(PATIENT, Treatment.RADIOTHERAPY, FIRST_DOSE.plusDays(1)))
                .expectNoEvents();
    }

    // ---- grades ----

    @Test
    void keepsTheWorstGradeWhenTheGradeImproves() {
        fixture.given(opened(), dosed(), reported(diarrheaDescribed(3, UNRELATED, List.of()), true))
                .when(new ChangeGrade(PATIENT, AE, 2, TODAY, "Loperamide effective", null))
                .expectEvents(new AdverseEventGradeChanged(PATIENT_ID, AE, 2, 3, TODAY, "Loperamide effective"));
    }

    @Test
    void refusesAGradeChangeAfterTheEventResolved() {
        fixture.given(opened(), dosed(), reported(diarrheaDescribed(2, UNRELATED, List.of()), true),
                        new AdverseEventResolved(PATIENT_ID, AE, TODAY, AdverseEventOutcome.RECOVERED))
                .when(new ChangeGrade(PATIENT, AE, 3, TODAY, "recurred", null))
                .expectException(StateConflict.class)
                .expectNoEvents();
    }

    @Test
    void refusesAFatalResolutionOfAnEventBelowGradeFive() {
        fixture.given(opened(), dosed(), reported(diarrheaDescribed(2, UNRELATED, List.of()), true))
                .when(new ResolveAdverseEvent(PATIENT, AE, TODAY, AdverseEventOutcome.FATAL, null))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    // ---- dose decisions ----

    @Test
    void warrantsADoseDecisionForAGradeThreeEventRelatedToAnlotinib() {
        fixture.given(opened(), dosed())
                .when(report(diarrhea(3, PROBABLY_ANLOTINIB)))
                .expectEvents(reported(diarrheaDescribed(3, PROBABLY_ANLOTINIB, List.of()), true),
                        new DoseDecisionWarranted(PATIENT_ID, AE, "RJH", "Diarrhea", 3, false, ONSET));
    }

    @Test
    void warrantsNoDoseDecisionForAGradeThreeEventUnrelatedToAnlotinib() {
        fixture.given(opened(), dosed())
                .when(report(diarrhea(3, UNRELATED)))
                .expectEvents(reported(diarrheaDescribed(3, UNRELATED, List.of()), true));
    }

    @Test
    void warrantsADoseDecisionForAnIntolerableGradeTwo() {
        Description intolerable = new Description("Diarrhea", null, 2, ONSET, AWARE, UNRELATED, true, true,
                List.of(), ActionTaken.DOSE_NOT_CHANGED, null);
        fixture.given(opened(), dosed())
                .when(report(intolerable))
                .expectEvents(reported(new AdverseEventDescription("Diarrhea", "10012727",
                                "Gastrointestinal disorders", 2, ONSET, AWARE, UNRELATED, true, true, List.of(),
                                ActionTaken.DOSE_NOT_CHANGED, AdverseEventOutcome.NOT_RECOVERED), true),
                        new DoseDecisionWarranted(PATIENT_ID, AE, "RJH", "Diarrhea", 2, true, ONSET));
    }

    @Test
    void warrantsAnotherDoseDecisionWhenARelatedEventWorsensFromThreeToFour() {
        fixture.given(opened(), dosed(), reported(diarrheaDescribed(3, PROBABLY_ANLOTINIB, List.of()), true))
                .when(new ChangeGrade(PATIENT, AE, 4, TODAY, "dehydration, ICU", null))
                .expectEvents(new AdverseEventGradeChanged(PATIENT_ID, AE, 4, 4, TODAY, "dehydration, ICU"),
                        new DoseDecisionWarranted(PATIENT_ID, AE, "RJH", "Diarrhea", 4, false, TODAY));
    }

    // ---- seriousness and the report clock ----

    @Test
    void aSeriousEventIsAnSaeWithItsInitialReportDueTheDayAfterAwareness() {
        List<SeriousnessCriterion> hospitalised = List.of(SeriousnessCriterion.HOSPITALISATION);
        fixture.given(opened(), dosed())
                .when(report(draft("Diarrhea", null, 3, UNRELATED, hospitalised)))
                .expectEvents(reported(diarrheaDescribed(3, UNRELATED, hospitalised), true),
                        sae(3, UNRELATED, hospitalised, false, List.of(new ReportDeadline(INITIAL, AWARE.plusDays(1))),
                                false))
                .expectScheduledDeadlineWithName(overdueFrom(AWARE.plusDays(1)), SafetyRecord.REPORT_DEADLINE);
    }

    @Test
    void susarFatalIsDueInSevenDaysWithItsFollowUpEightDaysLater() {
        Description fatal = new Description("Diarrhea", null, 5, ONSET, AWARE, PROBABLY_ANLOTINIB, false, false,
                List.of(), ActionTaken.DRUG_WITHDRAWN, null);
        List<SeriousnessCriterion> death = List.of(SeriousnessCriterion.DEATH);
        fixture.given(opened(), dosed())
                .when(report(fatal))
                .expectEvents(reported(new AdverseEventDescription("Diarrhea", "10012727",
                                "Gastrointestinal disorders", 5, ONSET, AWARE, PROBABLY_ANLOTINIB, false, false, death,
                                ActionTaken.DRUG_WITHDRAWN, AdverseEventOutcome.FATAL), true),
                        sae(5, PROBABLY_ANLOTINIB, death, true, List.of(
                                new ReportDeadline(INITIAL, AWARE.plusDays(1)),
                                new ReportDeadline(EXPEDITED, AWARE.plusDays(7)),
                                new ReportDeadline(FOLLOW_UP, AWARE.plusDays(15))), false, false))
                .expectScheduledDeadlineWithName(overdueFrom(AWARE.plusDays(7)), SafetyRecord.REPORT_DEADLINE)
                .expectScheduledDeadlineWithName(overdueFrom(AWARE.plusDays(15)), SafetyRecord.REPORT_DEADLINE);
    }

    @Test
    void otherSusarIsDueInFifteenDays() {
        List<SeriousnessCriterion> hospitalised = List.of(SeriousnessCriterion.HOSPITALISATION);
        Description unexpected = new Description("Diarrhea", null, 3, ONSET, AWARE, PROBABLY_ANLOTINIB, false, false,
                hospitalised, ActionTaken.DRUG_INTERRUPTED, null);
        fixture.given(opened(), dosed())
                .when(report(unexpected))
                .expectEvents(reported(new AdverseEventDescription("Diarrhea", "10012727",
                                "Gastrointestinal disorders", 3, ONSET, AWARE, PROBABLY_ANLOTINIB, false, false,
                                hospitalised, ActionTaken.DRUG_INTERRUPTED, AdverseEventOutcome.NOT_RECOVERED), true),
                        new DoseDecisionWarranted(PATIENT_ID, AE, "RJH", "Diarrhea", 3, false, ONSET),
                        sae(3, PROBABLY_ANLOTINIB, hospitalised, true, List.of(
                                new ReportDeadline(INITIAL, AWARE.plusDays(1)),
                                new ReportDeadline(EXPEDITED, AWARE.plusDays(15))), false, false))
                .expectScheduledDeadlineWithName(overdueFrom(AWARE.plusDays(15)), SafetyRecord.REPORT_DEADLINE);
    }

    @Test
    void anEventThatBecomesSeriousIsAnSaeFromTheDayTheSiteLearntIt() {
        List<SeriousnessCriterion> hospitalised = List.of(SeriousnessCriterion.HOSPITALISATION);
        fixture.given(opened(), dosed(), reported(diarrheaDescribed(3, UNRELATED, List.of()), true))
                .when(new ReportSeriousness(PATIENT, AE, hospitalised, TODAY, null))
                .expectEvents(new SeriousAdverseEventReported(PATIENT_ID, AE, "RJH", "S-001", "Diarrhea", "10012727",
                        3, hospitalised, TODAY, true, UNRELATED, false,
                        List.of(new ReportDeadline(INITIAL, TODAY.plusDays(1))), false));
    }

    @Test
    void aSeriousEventThatWorsensIsReportedAgainAsAnUpgradeKeepingItsDueDates() {
        List<SeriousnessCriterion> hospitalised = List.of(SeriousnessCriterion.HOSPITALISATION);
        fixture.given(opened(), dosed(), reported(diarrheaDescribed(3, UNRELATED, hospitalised), true),
                        sae(3, UNRELATED, hospitalised, false, List.of(new ReportDeadline(INITIAL, AWARE.plusDays(1))),
                                false))
                .when(new ChangeGrade(PATIENT, AE, 4, TODAY, "shock", null))
                .expectEvents(new AdverseEventGradeChanged(PATIENT_ID, AE, 4, 4, TODAY, "shock"),
                        new SeriousAdverseEventReported(PATIENT_ID, AE, "RJH", "S-001", "Diarrhea", "10012727", 4,
                                hospitalised, TODAY, true, UNRELATED, false,
                                List.of(new ReportDeadline(INITIAL, AWARE.plusDays(1))), true));
    }

    @Test
    void gradeFiveMakesASeriousEventSeriousByDeath() {
        List<SeriousnessCriterion> hospitalised = List.of(SeriousnessCriterion.HOSPITALISATION);
        List<SeriousnessCriterion> diedInHospital = List.of(SeriousnessCriterion.DEATH,
                SeriousnessCriterion.HOSPITALISATION);
        fixture.given(opened(), dosed(), reported(diarrheaDescribed(4, UNRELATED, hospitalised), true),
                        sae(4, UNRELATED, hospitalised, false, List.of(new ReportDeadline(INITIAL, AWARE.plusDays(1))),
                                false))
                .when(new ChangeGrade(PATIENT, AE, 5, TODAY, "died", null))
                .expectEvents(new AdverseEventGradeChanged(PATIENT_ID, AE, 5, 5, TODAY, "died"),
                        new SeriousAdverseEventReported(PATIENT_ID, AE, "RJH", "S-001", "Diarrhea", "10012727", 5,
                                diedInHospital, TODAY, true, UNRELATED, false,
                                List.of(new ReportDeadline(INITIAL, AWARE.plusDays(1))), true));
    }

    @Test
    void raisesExpeditedReportOverdueOnceTheDueDayHasPassedWithoutAReport() {
        Instant overdue = overdueFrom(AWARE.plusDays(1));
        fixture.givenCurrentTime(NOW)
                .andGiven(opened(), dosed())
                .andGivenCommands(report(draft("Diarrhea", null, 3, UNRELATED,
                        List.of(SeriousnessCriterion.HOSPITALISATION))))
                .whenTimeAdvancesTo(overdue.minusSeconds(1))
                .expectNoEvents();
        fixture.whenTimeAdvancesTo(overdue)
                .expectEvents(new ExpeditedReportOverdue(PATIENT_ID, AE, "RJH", "S-001", "Diarrhea", INITIAL,
                        AWARE.plusDays(1)));
    }

    @Test
    void aSubmittedReportStopsItsClock() {
        fixture.givenCurrentTime(NOW)
                .andGiven(opened(), dosed())
                .andGivenCommands(report(draft("Diarrhea", null, 3, UNRELATED,
                                List.of(SeriousnessCriterion.HOSPITALISATION))),
                        new SubmitReport(PATIENT, AE, INITIAL, TODAY, "Sponsor PV", null))
                .whenTimeElapses(Duration.ofDays(30))
                .expectNoEvents();
    }

    @Test
    void aReportSubmittedOnItsDueDayIsOnTime() {
        submittingTheInitialReportToday(AWARE.plusDays(1))
                .expectEvents(new ExpeditedReportSubmitted(PATIENT_ID, AE, INITIAL, TODAY, "Sponsor PV",
                        AWARE.plusDays(1), true));
    }

    @Test
    void aReportSubmittedAfterItsDueDayIsLate() {
        submittingTheInitialReportToday(TODAY.minusDays(1))
                .expectEvents(new ExpeditedReportSubmitted(PATIENT_ID, AE, INITIAL, TODAY, "Sponsor PV",
                        TODAY.minusDays(1), false));
    }

    private org.axonframework.test.aggregate.ResultValidator<SafetyRecord> submittingTheInitialReportToday(
            LocalDate dueOn) {
        List<SeriousnessCriterion> hospitalised = List.of(SeriousnessCriterion.HOSPITALISATION);
        return fixture.given(opened(), dosed(), reported(diarrheaDescribed(3, UNRELATED, hospitalised), true),
                        sae(3, UNRELATED, hospitalised, false, List.of(new ReportDeadline(INITIAL, dueOn)), false))
                .when(new SubmitReport(PATIENT, AE, INITIAL, TODAY, "Sponsor PV", null));
    }

    @Test
    void refusesAReportToTheSponsorForANonSeriousEvent() {
        fixture.given(opened(), dosed(), reported(diarrheaDescribed(3, UNRELATED, List.of()), true))
                .when(new SubmitReport(PATIENT, AE, INITIAL, TODAY, "Sponsor PV", null))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void refusesASecondInitialReport() {
        List<SeriousnessCriterion> hospitalised = List.of(SeriousnessCriterion.HOSPITALISATION);
        fixture.given(opened(), dosed(), reported(diarrheaDescribed(3, UNRELATED, hospitalised), true),
                        sae(3, UNRELATED, hospitalised, false, List.of(new ReportDeadline(INITIAL, AWARE.plusDays(1))),
                                false),
                        new ExpeditedReportSubmitted(PATIENT_ID, AE, INITIAL, AWARE, "Sponsor PV", AWARE.plusDays(1),
                                true))
                .when(new SubmitReport(PATIENT, AE, INITIAL, TODAY, "Sponsor PV", null))
                .expectException(StateConflict.class)
                .expectNoEvents();
    }

    // ---- corrections ----

    @Test
    void aCorrectionReplacesTheDescriptionWithItsReason() {
        fixture.given(opened(), dosed(), reported(diarrheaDescribed(1, UNRELATED, List.of()), true))
                .when(new CorrectAdverseEvent(PATIENT, AE, diarrhea(2, UNRELATED), "source notes say grade 2", null))
                .expectEvents(new AdverseEventCorrected(PATIENT_ID, AE, diarrheaDescribed(2, UNRELATED, List.of()),
                        true, "source notes say grade 2"));
    }

    @Test
    void aCorrectionThatMakesASeriousEventASusarStartsItsExpeditedClock() {
        List<SeriousnessCriterion> hospitalised = List.of(SeriousnessCriterion.HOSPITALISATION);
        Description relatedAndUnexpected = new Description("Diarrhea", null, 3, ONSET, AWARE, PROBABLY_ANLOTINIB,
                false, false, hospitalised, ActionTaken.DOSE_NOT_CHANGED, null);
        fixture.given(opened(), dosed(), reported(new AdverseEventDescription("Diarrhea", "10012727",
                                "Gastrointestinal disorders", 3, ONSET, AWARE, UNRELATED, false, false, hospitalised,
                                ActionTaken.DOSE_NOT_CHANGED, AdverseEventOutcome.NOT_RECOVERED), true),
                        sae(3, UNRELATED, hospitalised, false, List.of(new ReportDeadline(INITIAL, AWARE.plusDays(1))),
                                false, false))
                .when(new CorrectAdverseEvent(PATIENT, AE, relatedAndUnexpected, "investigator revised causality",
                        null))
                .expectEvents(new AdverseEventCorrected(PATIENT_ID, AE, new AdverseEventDescription("Diarrhea",
                                "10012727", "Gastrointestinal disorders", 3, ONSET, AWARE, PROBABLY_ANLOTINIB, false,
                                false, hospitalised, ActionTaken.DOSE_NOT_CHANGED, AdverseEventOutcome.NOT_RECOVERED),
                                true, "investigator revised causality"),
                        new DoseDecisionWarranted(PATIENT_ID, AE, "RJH", "Diarrhea", 3, false, ONSET),
                        sae(3, PROBABLY_ANLOTINIB, hospitalised, true, List.of(
                                new ReportDeadline(INITIAL, AWARE.plusDays(1)),
                                new ReportDeadline(EXPEDITED, AWARE.plusDays(15))), true, false))
                .expectScheduledDeadlineWithName(overdueFrom(AWARE.plusDays(15)), SafetyRecord.REPORT_DEADLINE);
    }

    @Test
    void refusesACorrectionThatChangesNothing() {
        fixture.given(opened(), dosed(), reported(diarrheaDescribed(1, UNRELATED, List.of()), true))
                .when(new CorrectAdverseEvent(PATIENT, AE, diarrhea(1, UNRELATED), "no change", null))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void refusesACorrectionThatWithdrawsAReportedSeriousness() {
        List<SeriousnessCriterion> hospitalised = List.of(SeriousnessCriterion.HOSPITALISATION);
        fixture.given(opened(), dosed(), reported(diarrheaDescribed(3, UNRELATED, hospitalised), true),
                        sae(3, UNRELATED, hospitalised, false, List.of(new ReportDeadline(INITIAL, AWARE.plusDays(1))),
                                false))
                .when(new CorrectAdverseEvent(PATIENT, AE, diarrhea(3, UNRELATED), "was not admitted", null))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    // ---- helpers ----

    private static SafetyRecordOpened opened() {
        return new SafetyRecordOpened(PATIENT_ID, "RJH", "S-001", SURGERY);
    }

    private static StudyTreatmentGiven dosed() {
        return new StudyTreatmentGiven(PATIENT_ID, Treatment.ANLOTINIB, FIRST_DOSE);
    }

    private static ReportAdverseEvent report(Description description) {
        return new ReportAdverseEvent(PATIENT, AE, description, null);
    }

    private static Description diarrhea(int grade, Attribution attribution) {
        return draft("Diarrhea", null, grade, attribution, List.of());
    }

    /** Expected ("true") events unless said otherwise: anything else is unexpected. */
    private static Description draft(String term, String meddraCode, int grade, Attribution attribution,
                                     List<SeriousnessCriterion> seriousness) {
        return new Description(term, meddraCode, grade, ONSET, AWARE, attribution, true, false, seriousness,
                ActionTaken.DOSE_NOT_CHANGED, null);
    }

    private static AdverseEventDescription diarrheaDescribed(int grade, Attribution attribution,
                                                             List<SeriousnessCriterion> seriousness) {
        return described("Diarrhea", "10012727", "Gastrointestinal disorders", grade, attribution, seriousness,
                AdverseEventOutcome.NOT_RECOVERED);
    }

    private static AdverseEventDescription described(String term, String code, String organClass, int grade,
                                                     Attribution attribution, List<SeriousnessCriterion> seriousness,
                                                     AdverseEventOutcome outcome) {
        return new AdverseEventDescription(term, code, organClass, grade, ONSET, AWARE, attribution, true, false,
                seriousness, ActionTaken.DOSE_NOT_CHANGED, outcome);
    }

    private static AdverseEventReported reported(AdverseEventDescription description, boolean treatmentEmergent) {
        return new AdverseEventReported(PATIENT_ID, AE, "RJH", "S-001", description, treatmentEmergent);
    }

    private static SeriousAdverseEventReported sae(int grade, Attribution attribution,
                                                   List<SeriousnessCriterion> criteria, boolean susar,
                                                   List<ReportDeadline> deadlines, boolean upgrade) {
        return sae(grade, attribution, criteria, susar, deadlines, upgrade, true);
    }

    private static SeriousAdverseEventReported sae(int grade, Attribution attribution,
                                                   List<SeriousnessCriterion> criteria, boolean susar,
                                                   List<ReportDeadline> deadlines, boolean upgrade,
                                                   boolean expected) {
        return new SeriousAdverseEventReported(PATIENT_ID, AE, "RJH", "S-001", "Diarrhea", "10012727", grade,
                criteria, AWARE, expected, attribution, susar, deadlines, upgrade);
    }

    private static Instant overdueFrom(LocalDate dueOn) {
        return dueOn.plusDays(1).atStartOfDay(SITE_ZONE).toInstant();
    }

    private MessageDispatchInterceptor<CommandMessage<?>> actingAsCurrentActor() {
        return messages -> (index, command) -> command.andMetaData(actor);
    }
}
