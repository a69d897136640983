package org.trialstream.projections.followup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.trialstream.projections.followup.EndpointAnalysis.Outcome;
import org.trialstream.projections.followup.PatientHistory.Assessment;
import org.trialstream.protocol.definition.EndpointDefinitions;
import org.trialstream.protocol.definition.EndpointDefinitions.Endpoint;
import org.trialstream.protocol.definition.Protocol;
import org.trialstream.protocol.definition.ProtocolLoader;
import org.trialstream.statistics.survival.CompetingRiskObservation;
import org.trialstream.statistics.survival.CompetingRiskObservation.Cause;

class EndpointAnalysisTest {

    private static final LocalDate SURGERY = LocalDate.of(2025, 1, 10);
    private static final Protocol PROTOCOL = ProtocolLoader.loadDefault();
    private final EndpointAnalysis analysis = new EndpointAnalysis(PROTOCOL.endpoints());

    @Test
    void measuresLrfsToTheFirstAssessmentThatFoundALocalRecurrence() {
        PatientHistory patient = patient(List.of(assessment(3, false), assessment(6, true), assessment(9, true)),
                null, SURGERY.plusMonths(9));
        assertThat(analysis.outcome(EndpointKind.LRFS, patient)).isEqualTo(outcome(6, true));
    }

    @Test
    void censorsLrfsAtTheLastAssessmentWithoutRecurrence() {
        PatientHistory patient = patient(List.of(assessment(3, false), assessment(6, false)), null,
                SURGERY.plusMonths(11));
        assertThat(analysis.outcome(EndpointKind.LRFS, patient)).isEqualTo(outcome(6, false));
    }

    @Test
    void censorsLrfsAtSurgeryWithoutAnyAssessment() {
        assertThat(analysis.outcome(EndpointKind.LRFS, patient(List.of(), null, SURGERY.plusMonths(2))))
                .isEqualTo(outcome(0, false));
    }

    @Test
    void doesNotCountADeathAsAnLrfsEventAsTheRecordDefinesIt() {
        PatientHistory patient = patient(List.of(assessment(3, false)), SURGERY.plusMonths(5), SURGERY.plusMonths(3));
        assertThat(analysis.outcome(EndpointKind.LRFS, patient)).isEqualTo(outcome(3, false));
    }

    @Test
    void countsADeathAsAnLrfsEventWhenTheProtocolFileSaysSo() {
        EndpointDefinitions definitions = PROTOCOL.endpoints();
        Endpoint lrfs = definitions.lrfs();
        EndpointAnalysis deathCounts = new EndpointAnalysis(new EndpointDefinitions(definitions.timeOrigin(),
                definitions.horizonMonths(), definitions.daysPerMonth(), new Endpoint(lrfs.name(), lrfs.event(), true),
                definitions.mfs(), definitions.os()));
        PatientHistory patient = patient(List.of(assessment(3, false)), SURGERY.plusMonths(5), SURGERY.plusMonths(3));
        assertThat(deathCounts.outcome(EndpointKind.LRFS, patient)).isEqualTo(outcome(5, true));
    }

    @Test
    void measuresOsToDeathAndOtherwiseCensorsAtTheLastDateKnownAlive() {
        assertThat(analysis.outcome(EndpointKind.OS, patient(List.of(assessment(3, false)), SURGERY.plusMonths(8),
                SURGERY.plusMonths(3)))).isEqualTo(outcome(8, true));
        assertThat(analysis.outcome(EndpointKind.OS, patient(List.of(assessment(3, false)), null,
                SURGERY.plusMonths(12)))).isEqualTo(outcome(12, false));
    }

    @Test
    void measuresMfsToTheFirstAssessmentThatFoundDistantMetastasis() {
        PatientHistory patient = patient(List.of(new Assessment("a", SURGERY.plusMonths(9), false, true, 3)), null,
                SURGERY.plusMonths(9));
        assertThat(analysis.outcome(EndpointKind.MFS, patient)).isEqualTo(outcome(9, true));
    }

    @Test
    void countsMonthsAsDaysOverThirtyPointFourThreeSevenFive() {
        Outcome outcome = analysis.outcome(EndpointKind.OS, patient(List.of(), SURGERY.plusDays(365), SURGERY));
        assertThat(outcome.days()).isEqualTo(365);
        assertThat(outcome.months()).isEqualTo(365 / 30.4375);
    }

    @Test
    void treatsADeathBeforeRecurrenceAsTheCompetingEvent() {
        PatientHistory died = patient(List.of(assessment(3, false)), SURGERY.plusMonths(5), SURGERY.plusMonths(3));
        PatientHistory recurred = patient(List.of(assessment(3, true)), SURGERY.plusMonths(5), SURGERY.plusMonths(3));
        PatientHistory alive = patient(List.of(assessment(3, false)), null, SURGERY.plusMonths(10));
        assertThat(analysis.localRecurrenceWithDeathCompeting(died).cause()).isEqualTo(Cause.COMPETING);
        assertThat(analysis.localRecurrenceWithDeathCompeting(recurred).cause()).isEqualTo(Cause.EVENT);
        CompetingRiskObservation censored = analysis.localRecurrenceWithDeathCompeting(alive);
        assertThat(censored.cause()).isEqualTo(Cause.CENSORED);
        assertThat(censored.time()).isEqualTo(outcome(3, false).months());
    }

    private static PatientHistory patient(List<Assessment> assessments, LocalDate diedOn, LocalDate lastKnownAlive) {
        return new PatientHistory("p-1", "RJH", SURGERY, assessments, diedOn, lastKnownAlive, null, null, List.of(),
                List.of());
    }

    private static Assessment assessment(int month, boolean localRecurrence) {
        return new Assessment("a-" + month, SURGERY.plusMonths(month), localRecurrence, false, month / 3);
    }

    private static Outcome outcome(int months, boolean event) {
        long days = ChronoUnit.DAYS.between(SURGERY, SURGERY.plusMonths(months));
        return new Outcome("p-1", days, days / 30.4375, event);
    }
}
