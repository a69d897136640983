package org.trialstream.projections.radiotherapy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.trialstream.kernel.contract.dosing.DiaryDay;
import org.trialstream.kernel.contract.dosing.DiaryRecorded;
import org.trialstream.kernel.contract.radiotherapy.FractionDelivered;
import org.trialstream.kernel.contract.radiotherapy.RadiotherapyCompleted;
import org.trialstream.kernel.contract.radiotherapy.RadiotherapyInterrupted;
import org.trialstream.kernel.contract.radiotherapy.RadiotherapyPhase;
import org.trialstream.kernel.contract.radiotherapy.RadiotherapyPlanned;
import org.trialstream.kernel.contract.radiotherapy.RadiotherapyPrescribed;
import org.trialstream.kernel.contract.radiotherapy.RadiotherapyStoppedEarly;
import org.trialstream.kernel.patient.ResectionMargin;
import org.trialstream.projections.followup.PatientFactsDocument;

class PatientRadiotherapyTest {

    private static final Instant RECORDED = Instant.parse("2026-06-01T08:00:00Z");
    /** A Monday. */
    private static final LocalDate START = LocalDate.of(2026, 3, 16);

    /** A prescribed R1 course (50 Gy + 10 Gy) with {@code fractions} fractions on consecutive days from START. */
    private static PatientFactsDocument course(UUID patient, int fractions) {
        PatientFactsDocument facts = new PatientFactsDocument(patient)
                .add(new RadiotherapyPlanned(patient, "RJH", "S-001", START.minusDays(40), ResectionMargin.R1),
                        RECORDED)
                .add(new RadiotherapyPrescribed(patient, START.minusDays(5), ResectionMargin.R1, 5000, 25, 1000, 5,
                        null), RECORDED);
        for (int i = 0; i < fractions; i++) {
            facts.add(new FractionDelivered(patient, START.plusDays(i),
                    i < 25 ? RadiotherapyPhase.BASE : RadiotherapyPhase.BOOST, 200, i + 1), RECORDED);
        }
        return facts;
    }

    @Test
    void comparesTheDoseDeliveredWithThePrescriptionPerPhase() {
        UUID patient = UUID.randomUUID();
        PatientRadiotherapy course = PatientRadiotherapy.of(course(patient, 27).document(), null);

        assertThat(course.status()).isEqualTo("ONGOING");
        assertThat(course.base().deliveredFractions()).isEqualTo(25);
        assertThat(course.boost().deliveredFractions()).isEqualTo(2);
        assertThat(course.boost().prescribedGy()).isEqualByComparingTo("10");
        assertThat(course.deliveredGy()).isEqualByComparingTo("54");
        assertThat(course.prescribedGy()).isEqualByComparingTo("60");
        assertThat(course.overallTreatmentDays()).as("first to last fraction, both counted").isEqualTo(27);
    }

    @Test
    void addsUpTheWorkingDaysOfEveryInterruption() {
        UUID patient = UUID.randomUUID();
        PatientFactsDocument facts = course(patient, 3)
                .add(new RadiotherapyInterrupted(patient, START.plusDays(4), START.plusDays(8), "Linac down", 3),
                        RECORDED)
                .add(new RadiotherapyInterrupted(patient, START.plusDays(10), START.plusDays(10), "Fever", 1),
                        RECORDED);

        assertThat(PatientRadiotherapy.of(facts.document(), null).interruptionWorkingDays()).isEqualTo(4);
    }

    @Test
    void findsTheDaysOnWhichAFractionAndAnAnlotinibDoseFellTogether() {
        UUID patient = UUID.randomUUID();
        PatientFactsDocument facts = course(patient, 5).add(new DiaryRecorded(patient, 1, List.of(
                        new DiaryDay(START.plusDays(2), true, 12), new DiaryDay(START.plusDays(3), false, null),
                        new DiaryDay(START.plusDays(4), true, 12), new DiaryDay(START.plusDays(5), true, 12)),
                List.of(), null), RECORDED);

        assertThat(PatientRadiotherapy.of(facts.document(), null).overlapWithAnlotinib())
                .containsExactly(START.plusDays(2), START.plusDays(4));
    }

    @Test
    void ratesCompletionOverPrescribedCoursesWithTheMedianOverallTreatmentTimeOfTheCompleted() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID stopped = UUID.randomUUID();
        PatientRadiotherapy completedIn30 = PatientRadiotherapy.of(course(first, 30)
                .add(new RadiotherapyCompleted(first, START.plusDays(29), START, 30, 6000, 30), RECORDED)
                .document(), null);
        PatientRadiotherapy completedIn33 = PatientRadiotherapy.of(course(second, 29)
                .add(new FractionDelivered(second, START.plusDays(32), RadiotherapyPhase.BOOST, 200, 30), RECORDED)
                .add(new RadiotherapyCompleted(second, START.plusDays(32), START, 30, 6000, 33), RECORDED)
                .document(), null);
        PatientRadiotherapy stoppedEarly = PatientRadiotherapy.of(course(stopped, 10)
                .add(new RadiotherapyStoppedEarly(stopped, START.plusDays(12), "Dermatitis", 10, 2000), RECORDED)
                .document(), null);

        RadiotherapySummary summary = RadiotherapySummary.of(List.of(completedIn30, completedIn33, stoppedEarly));

        assertThat(summary.prescribed()).isEqualTo(3);
        assertThat(summary.completed()).isEqualTo(2);
        assertThat(summary.stoppedEarly()).isEqualTo(1);
        assertThat(summary.completionRate()).isEqualByComparingTo("0.6667");
        assertThat(summary.medianOverallTreatmentDays()).isEqualByComparingTo("31.5");
    }
}
