package org.trialstream.followup.visits.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.hamcrest.Matchers.instanceOf;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.CustomTypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trialstream.followup.visits.api.FollowUpCommands.CorrectAssessment;
import org.trialstream.followup.visits.api.FollowUpCommands.Findings;
import org.trialstream.followup.visits.api.FollowUpCommands.RecordAssessment;
import org.trialstream.followup.visits.api.FollowUpCommands.RecordContact;
import org.trialstream.followup.visits.api.FollowUpCommands.RecordDeath;
import org.trialstream.followup.visits.api.FollowUpCommands.RecordLoss;
import org.trialstream.followup.visits.api.FollowUpCommands.Reschedule;
import org.trialstream.followup.visits.api.FollowUpCommands.ScheduleFollowUp;
import org.trialstream.followup.visits.api.FollowUpCommands.StopFollowUp;
import org.trialstream.kernel.audit.AuditMetadata;
import org.trialstream.kernel.contract.followup.AliveContactRecorded;
import org.trialstream.kernel.contract.followup.AssessmentOutsideWindow;
import org.trialstream.kernel.contract.followup.DeathRecorded;
import org.trialstream.kernel.contract.followup.FollowUpStopped;
import org.trialstream.kernel.contract.followup.ImagingAssessed;
import org.trialstream.kernel.contract.followup.ImagingModality;
import org.trialstream.kernel.contract.followup.LostToFollowUp;
import org.trialstream.kernel.contract.followup.PlannedVisit;
import org.trialstream.kernel.contract.followup.VisitsScheduled;
import org.trialstream.kernel.patient.PatientId;
import org.trialstream.platform.domain.ClinicalCalendar;
import org.trialstream.platform.domain.NotFound;
import org.trialstream.platform.domain.RuleViolation;
import org.trialstream.platform.domain.StateConflict;
import org.trialstream.protocol.definition.Protocol;
import org.trialstream.protocol.definition.ProtocolLoader;

class FollowUpTest {

    private static final PatientId PATIENT = new PatientId(UUID.fromString("6f1c2a9e-3b7d-4c1e-9a55-0d2f8e4b7a10"));
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    private static final ClinicalCalendar CALENDAR = new ClinicalCalendar(
            Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC), ZoneOffset.UTC,
            LocalDate.of(2020, 1, 1));
    private static final LocalDate SURGERY = LocalDate.of(2025, 11, 20);
    private static final Protocol PROTOCOL = ProtocolLoader.loadDefault();
    private static final Map<String, Object> NURSE_AT_HOME = Map.of(AuditMetadata.ACTOR_SUBJECT, "nurse-1",
            AuditMetadata.ACTOR_ROLE, "RESEARCH_NURSE", AuditMetadata.ACTOR_SITE, "RJH");

    private AggregateTestFixture<FollowUp> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(FollowUp.class);
        fixture.registerInjectableResource(CALENDAR);
        fixture.registerInjectableResource(PROTOCOL);
        fixture.registerCommandDispatchInterceptor(actingAs(NURSE_AT_HOME));
    }

    @Test
    void plansAVisitEveryThreeMonthsWithinFourteenDaysUpToThirtySixMonthsFromSurgery() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleFollowUp(PATIENT, "RJH", SURGERY))
                .expectEvents(scheduled(SURGERY));
        List<PlannedVisit> visits = scheduled(SURGERY).visits();
        assertThat(visits).hasSize(36 / 3);
        assertThat(visits.get(0)).isEqualTo(new PlannedVisit(1, 3, LocalDate.of(2026, 2, 20),
                LocalDate.of(2026, 2, 6), LocalDate.of(2026, 3, 6)));
        assertThat(visits.get(11).month()).isEqualTo(36);
        assertThat(visits.get(11).dueOn()).isEqualTo(LocalDate.of(2028, 11, 20));
    }

    @Test
    void replansTheWholeScheduleWhenACorrectionMovesTheSurgeryDate() {
        LocalDate corrected = SURGERY.minusDays(5);
        fixture.given(scheduled(SURGERY))
                .when(new Reschedule(PATIENT, corrected))
                .expectEvents(scheduled(corrected));
    }

    @Test
    void keepsTheScheduleWhenACorrectionLeavesTheSurgeryDate() {
        fixture.given(scheduled(SURGERY))
                .when(new Reschedule(PATIENT, SURGERY))
                .expectNoEvents();
    }

    @Test
    void stopsTheScheduleOnceWhenConsentIsWithdrawn() {
        FollowUpStopped stopped = new FollowUpStopped(PATIENT.value(), LocalDate.of(2026, 6, 1), "consent withdrawn");
        fixture.given(scheduled(SURGERY))
                .when(new StopFollowUp(PATIENT, LocalDate.of(2026, 6, 1), "consent withdrawn"))
                .expectEvents(stopped);
        fixture.given(scheduled(SURGERY), stopped)
                .when(new StopFollowUp(PATIENT, LocalDate.of(2026, 6, 1), "consent withdrawn"))
                .expectNoEvents();
    }

    @Test
    void recordsAnAssessmentInItsVisitWindow() {
        fixture.given(scheduled(SURGERY))
                .when(assess(LocalDate.of(2026, 2, 25), false, false, 1))
                .expectEvents(assessed(LocalDate.of(2026, 2, 25), false, false, 1));
    }

    @Test
    void recordsAnAssessmentOutsideItsVisitWindowWithADeviationFinding() {
        fixture.given(scheduled(SURGERY))
                .when(assess(LocalDate.of(2026, 3, 20), false, false, 1))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(instanceOf(ImagingAssessed.class),
                        new CustomTypeSafeMatcher<AssessmentOutsideWindow>("visit 1 outside 2026-02-06..2026-03-06") {
                            @Override
                            protected boolean matchesSafely(AssessmentOutsideWindow deviation) {
                                return deviation.visit() == 1
                                        && deviation.assessedOn().equals(LocalDate.of(2026, 3, 20))
                                        && deviation.windowFrom().equals(LocalDate.of(2026, 2, 6))
                                        && deviation.windowTo().equals(LocalDate.of(2026, 3, 6))
                                        && !deviation.assessmentEventId().isBlank();
                            }
                        }, andNoMore())));
    }

    @Test
    void recordsAnUnscheduledAssessmentWithoutAVisit() {
        fixture.given(scheduled(SURGERY))
                .when(assess(LocalDate.of(2026, 4, 2), false, false, null))
                .expectEvents(assessed(LocalDate.of(2026, 4, 2), false, false, null));
    }

    @Test
    void refusesAnAssessmentForAVisitTheScheduleDoesNotHave() {
        fixture.given(scheduled(SURGERY))
                .when(assess(LocalDate.of(2026, 2, 25), false, false, 13))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("the schedule has visits 1-12, not 13");
    }

    @Test
    void refusesAnAssessmentDatedBeforeSurgery() {
        fixture.given(scheduled(SURGERY))
                .when(assess(SURGERY.minusDays(1), false, false, null))
                .expectNoEvents()
                .expectException(RuleViolation.class);
    }

    @Test
    void refusesAnAssessmentDatedInTheFuture() {
        fixture.given(scheduled(SURGERY))
                .when(assess(TODAY.plusDays(1), false, false, null))
                .expectNoEvents()
                .expectException(RuleViolation.class);
    }

    @Test
    void refusesALaterAssessmentThatSilentlyUndoesALocalRecurrence() {
        fixture.given(scheduled(SURGERY), assessed(LocalDate.of(2026, 5, 20), true, false, 2))
                .when(assess(LocalDate.of(2026, 8, 20), false, false, 3))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("a local recurrence was recorded on 2026-05-20; a later assessment cannot "
                        + "undo it: correct that assessment, with a reason");
    }

    @Test
    void refusesALaterAssessmentThatSilentlyUndoesAMetastasis() {
        fixture.given(scheduled(SURGERY), assessed(LocalDate.of(2026, 5, 20), false, true, 2))
                .when(assess(LocalDate.of(2026, 8, 20), false, false, 3))
                .expectNoEvents()
                .expectException(RuleViolation.class);
    }

    @Test
    void acceptsAnEarlierAssessmentWithoutRecurrenceRecordedLate() {
        fixture.given(scheduled(SURGERY), assessed(LocalDate.of(2026, 5, 20), true, false, 2))
                .when(assess(LocalDate.of(2026, 2, 20), false, false, 1))
                .expectEvents(assessed(LocalDate.of(2026, 2, 20), false, false, 1));
    }

    @Test
    void refusesMetastasisWithoutItsSitesAndSitesWithoutMetastasis() {
        fixture.given(scheduled(SURGERY))
                .when(new RecordAssessment(PATIENT, new Findings(LocalDate.of(2026, 2, 25), ImagingModality.CT,
                        false, true, List.of(), 1), null))
                .expectNoEvents()
                .expectExceptionMessage("name where the distant metastasis is");
        fixture.given(scheduled(SURGERY))
                .when(new RecordAssessment(PATIENT, new Findings(LocalDate.of(2026, 2, 25), ImagingModality.CT,
                        false, false, List.of("lung"), 1), null))
                .expectNoEvents()
                .expectExceptionMessage("sites are given only with distant metastasis");
    }

    @Test
    void refusesAnythingClinicalDatedAfterDeath() {
        DeathRecorded died = new DeathRecorded(PATIENT.value(), LocalDate.of(2026, 7, 1), "Progressive disease");
        fixture.given(scheduled(SURGERY), died)
                .when(assess(LocalDate.of(2026, 7, 2), false, false, null))
                .expectNoEvents()
                .expectExceptionMessage("the patient died on 2026-07-01; nothing clinical is dated after it");
        fixture.given(scheduled(SURGERY), died)
                .when(new RecordContact(PATIENT, LocalDate.of(2026, 7, 2), null))
                .expectNoEvents()
                .expectException(RuleViolation.class);
    }

    @Test
    void refusesADeathDatedBeforeTheLastRecordOfThePatientAlive() {
        fixture.given(scheduled(SURGERY), new AliveContactRecorded(PATIENT.value(), LocalDate.of(2026, 9, 1)))
                .when(new RecordDeath(PATIENT, LocalDate.of(2026, 8, 1), "Cardiac arrest", null))
                .expectNoEvents()
                .expectExceptionMessage("the patient is recorded alive on 2026-09-01, after this date");
    }

    @Test
    void recordsADeathOnce() {
        DeathRecorded died = new DeathRecorded(PATIENT.value(), LocalDate.of(2026, 7, 1), "Progressive disease");
        fixture.given(scheduled(SURGERY))
                .when(new RecordDeath(PATIENT, LocalDate.of(2026, 7, 1), "Progressive disease", null))
                .expectEvents(died);
        fixture.given(scheduled(SURGERY), died)
                .when(new RecordDeath(PATIENT, LocalDate.of(2026, 7, 1), "Progressive disease", null))
                .expectNoEvents()
                .expectException(StateConflict.class);
    }

    @Test
    void recordsAContactAsTheDateThePatientWasKnownAlive() {
        fixture.given(scheduled(SURGERY))
                .when(new RecordContact(PATIENT, LocalDate.of(2026, 10, 2), null))
                .expectEvents(new AliveContactRecorded(PATIENT.value(), LocalDate.of(2026, 10, 2)));
    }

    @Test
    void recordsLossToFollowUpWithTheLastDateKnownAlive() {
        fixture.given(scheduled(SURGERY), new AliveContactRecorded(PATIENT.value(), LocalDate.of(2026, 10, 2)))
                .when(new RecordLoss(PATIENT, LocalDate.of(2026, 10, 2), "Moved; no forwarding address", null))
                .expectEvents(new LostToFollowUp(PATIENT.value(), LocalDate.of(2026, 10, 2),
                        "Moved; no forwarding address"));
    }

    @Test
    void refusesLossDatedBeforeALaterRecordOfThePatientAlive() {
        fixture.given(scheduled(SURGERY), new AliveContactRecorded(PATIENT.value(), LocalDate.of(2026, 10, 2)))
                .when(new RecordLoss(PATIENT, LocalDate.of(2026, 9, 1), "No answer", null))
                .expectNoEvents()
                .expectException(RuleViolation.class);
    }

    @Test
    void refusesLossToFollowUpOfAPatientWhoDied() {
        fixture.given(scheduled(SURGERY), new DeathRecorded(PATIENT.value(), LocalDate.of(2026, 7, 1), "Sepsis"))
                .when(new RecordLoss(PATIENT, LocalDate.of(2026, 6, 1), "No answer", null))
                .expectNoEvents()
                .expectException(StateConflict.class);
    }

    @Test
    void refusesAnAssessmentAfterFollowUpStopped() {
        fixture.given(scheduled(SURGERY),
                        new FollowUpStopped(PATIENT.value(), LocalDate.of(2026, 6, 1), "consent withdrawn"))
                .when(assess(LocalDate.of(2026, 8, 20), false, false, 3))
                .expectNoEvents()
                .expectException(RuleViolation.class);
    }

    @Test
    void staffOfAnotherSiteFindNoPatient() {
        fixture.registerCommandDispatchInterceptor(actingAs(Map.of(AuditMetadata.ACTOR_SUBJECT, "nurse-9",
                AuditMetadata.ACTOR_ROLE, "RESEARCH_NURSE", AuditMetadata.ACTOR_SITE, "OTHER")));
        fixture.given(scheduled(SURGERY))
                .when(assess(LocalDate.of(2026, 2, 25), false, false, 1))
                .expectNoEvents()
                .expectException(NotFound.class);
    }

    @Test
    void refusesACorrectionOfAnAssessmentThePatientDoesNotHave() {
        fixture.given(scheduled(SURGERY), assessed(LocalDate.of(2026, 5, 20), true, false, 2))
                .when(new CorrectAssessment(PATIENT, "no-such-event", new Findings(LocalDate.of(2026, 5, 20),
                        ImagingModality.MRI, false, false, List.of(), 2), "Radiology addendum", null))
                .expectNoEvents()
                .expectException(RuleViolation.class);
    }

    private static VisitsScheduled scheduled(LocalDate surgery) {
        return new VisitsScheduled(PATIENT.value(), "RJH", surgery, PROTOCOL.followUpVisitsDue(surgery).stream()
                .map(visit -> new PlannedVisit(visit.number(), visit.month(), visit.due(), visit.earliest(),
                        visit.latest()))
                .toList());
    }

    private static RecordAssessment assess(LocalDate on, boolean localRecurrence, boolean metastasis, Integer visit) {
        return new RecordAssessment(PATIENT, new Findings(on, ImagingModality.MRI, localRecurrence, metastasis,
                metastasis ? List.of("lung") : List.of(), visit), null);
    }

    private static ImagingAssessed assessed(LocalDate on, boolean localRecurrence, boolean metastasis, Integer visit) {
        return new ImagingAssessed(PATIENT.value(), on, ImagingModality.MRI, localRecurrence, metastasis,
                metastasis ? List.of("lung") : List.of(), visit);
    }

    /** Stamps an actor onto a command, as the audit interceptor does for a signed-in user. */
    private static MessageDispatchInterceptor<CommandMessage<?>> actingAs(Map<String, Object> actor) {
        return messages -> (index, command) -> command.andMetaData(actor);
    }
}
