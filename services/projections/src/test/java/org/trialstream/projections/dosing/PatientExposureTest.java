package org.trialstream.projections.dosing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.trialstream.kernel.contract.dosing.AnlotinibDiscontinued;
import org.trialstream.kernel.contract.dosing.AnlotinibDispensed;
import org.trialstream.kernel.contract.dosing.AnlotinibReturned;
import org.trialstream.kernel.contract.dosing.CoursePlanned;
import org.trialstream.kernel.contract.dosing.DiaryDay;
import org.trialstream.kernel.contract.dosing.DiaryRecorded;
import org.trialstream.kernel.contract.dosing.DiscontinuationReason;
import org.trialstream.kernel.contract.dosing.DispensingCorrected;
import org.trialstream.kernel.contract.dosing.DoseDecisionRequired;
import org.trialstream.kernel.contract.dosing.DoseReduced;
import org.trialstream.kernel.contract.dosing.DosingInterrupted;
import org.trialstream.kernel.contract.dosing.DosingResumed;
import org.trialstream.kernel.contract.dosing.FirstDoseTaken;
import org.trialstream.kernel.contract.dosing.ReturnCorrected;
import org.trialstream.projections.followup.PatientFactsDocument;
import org.trialstream.protocol.definition.AnlotinibRegimen;
import org.trialstream.protocol.definition.ProtocolLoader;

class PatientExposureTest {

    private static final AnlotinibRegimen REGIMEN = ProtocolLoader.loadDefault().anlotinib();
    private static final UUID PATIENT = UUID.fromString("6f1c2a9e-3b7d-4c1e-9a55-0d2f8e4b7a10");
    private static final UUID AE = UUID.fromString("3d9b7c1a-5e2f-4a8b-9c0d-1e2f3a4b5c6d");
    private static final LocalDate SURGERY = LocalDate.of(2026, 2, 20);
    private static final LocalDate FIRST_DOSE = SURGERY.plusDays(21);
    private static final Instant RECORDED = Instant.parse("2026-06-01T08:00:00Z");
    private static final Instant LATER = Instant.parse("2026-06-02T08:00:00Z");

    /**
     * Cycle 1 in full at 12 mg; cycle 2 at 10 mg for ten days, then held; cycle 3 resumed for seven days and stopped
     * for progression.
     */
    private static PatientFactsDocument threeCycles() {
        PatientFactsDocument patient = new PatientFactsDocument(PATIENT)
                .add(new CoursePlanned(PATIENT, "RJH", "S-001", SURGERY, FIRST_DOSE, SURGERY.plusDays(28), 12, 4),
                        RECORDED)
                .add(new FirstDoseTaken(PATIENT, FIRST_DOSE, 12), RECORDED)
                .add(new AnlotinibDispensed(PATIENT, FIRST_DOSE, 1, 14, 12, "AN-1"), RECORDED)
                .add(diary(1, FIRST_DOSE, 14, 12, 14), RECORDED)
                .add(new AnlotinibReturned(PATIENT, FIRST_DOSE.plusDays(21), 1, 0), RECORDED)
                .add(new DoseReduced(PATIENT, FIRST_DOSE.plusDays(21), 12, 10, AE, "Grade 3 hypertension"), RECORDED)
                .add(new AnlotinibDispensed(PATIENT, FIRST_DOSE.plusDays(21), 2, 14, 10, "AN-2"), RECORDED)
                .add(new DosingInterrupted(PATIENT, FIRST_DOSE.plusDays(31), "Grade 3 proteinuria", null), RECORDED)
                .add(diary(2, FIRST_DOSE.plusDays(21), 14, 10, 10), RECORDED)
                .add(new AnlotinibReturned(PATIENT, FIRST_DOSE.plusDays(42), 2, 4), RECORDED)
                .add(new DosingResumed(PATIENT, FIRST_DOSE.plusDays(42), 10), RECORDED)
                .add(diary(3, FIRST_DOSE.plusDays(42), 7, 10, 7), RECORDED);
        return patient.add(new AnlotinibDiscontinued(PATIENT, FIRST_DOSE.plusDays(49),
                DiscontinuationReason.PROGRESSION, null, null), LATER);
    }

    @Test
    void countsMilligramsTakenAndRelativeDoseIntensityPerCycleAndOverTheWholePlannedCourse() {
        PatientExposure exposure = PatientExposure.of(threeCycles().document(), REGIMEN, null);

        assertThat(exposure.cycles()).extracting(PatientExposure.Cycle::deliveredMg).containsExactly(168, 100, 70);
        assertThat(exposure.cycles()).extracting(cycle -> cycle.relativeDoseIntensity().toPlainString())
                .as("of 12 mg x 14 days").containsExactly("1.0000", "0.5952", "0.4167");
        assertThat(exposure.cumulativeMg()).isEqualTo(338);
        assertThat(exposure.relativeDoseIntensity()).as("338 of 12 mg x 14 days x 4 cycles")
                .isEqualByComparingTo("0.5030");
    }

    @Test
    void startsACycleWithItsFirstDiaryDayAndCompletesItWhenTheDiaryReachesItsLastDosingDay() {
        PatientExposure exposure = PatientExposure.of(threeCycles().document(), REGIMEN, null);

        assertThat(exposure.cyclesStarted()).isEqualTo(3);
        assertThat(exposure.cyclesCompleted()).as("cycle 3 stopped on its day 8").isEqualTo(2);
        assertThat(exposure.status()).isEqualTo("DISCONTINUED");
        assertThat(exposure.currentDoseMg()).isEqualTo(10);
        assertThat(exposure.holds()).containsExactly(new PatientExposure.Hold(FIRST_DOSE.plusDays(31),
                FIRST_DOSE.plusDays(42), "Grade 3 proteinuria", null));
    }

    @Test
    void reconcilesACycleOnceItsReturnIsRecorded() {
        PatientExposure exposure = PatientExposure.of(threeCycles().document(), REGIMEN, null);

        assertThat(exposure.cycles()).extracting(PatientExposure.Cycle::expectedTakenDays)
                .containsExactly(14, 10, null);
        assertThat(exposure.cycles()).extracting(PatientExposure.Cycle::reconciled).containsExactly(true, true, null);
    }

    @Test
    void showsTheCourseAsItWasRecordedAtAnEarlierInstant() {
        PatientExposure before = PatientExposure.of(threeCycles().document(), REGIMEN, RECORDED);

        assertThat(before.status()).isEqualTo("ONGOING");
        assertThat(before.discontinuation()).isNull();
    }

    @Test
    void listsADoseDecisionAsOpenUntilItIsResolved() {
        PatientFactsDocument patient = threeCycles().add(new DoseDecisionRequired(PATIENT,
                UUID.fromString("9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b"), "RJH", AE, "Hypertension", 3, false,
                FIRST_DOSE.plusDays(20)), RECORDED);

        assertThat(PatientExposure.of(patient.document(), REGIMEN, null).decisions())
                .singleElement().satisfies(decision -> assertThat(decision.open()).isTrue());
    }

    @Test
    void aCorrectedDispensingOrReturnReplacesTheOneItNames() {
        PatientFactsDocument patient = new PatientFactsDocument(PATIENT)
                .add(new CoursePlanned(PATIENT, "RJH", "S-001", SURGERY, FIRST_DOSE, SURGERY.plusDays(28), 12, 4),
                        RECORDED)
                .add(new FirstDoseTaken(PATIENT, FIRST_DOSE, 12), RECORDED)
                .add(new AnlotinibDispensed(PATIENT, FIRST_DOSE, 1, 41, 12, "AN-1"), RECORDED);
        String typo = patient.lastEventId();
        patient.add(new DispensingCorrected(PATIENT, typo, FIRST_DOSE, 1, 14, 12, "AN-1", "Digits transposed"),
                        RECORDED)
                .add(diary(1, FIRST_DOSE, 14, 12, 14), RECORDED)
                .add(new AnlotinibReturned(PATIENT, FIRST_DOSE.plusDays(21), 1, 1), RECORDED);
        String firstCount = patient.lastEventId();
        patient.add(new ReturnCorrected(PATIENT, firstCount, FIRST_DOSE.plusDays(21), 1, 0, "Counted the cap"),
                RECORDED);

        PatientExposure exposure = PatientExposure.of(patient.document(), REGIMEN, null);

        assertThat(exposure.dispensings()).singleElement()
                .satisfies(dispensing -> assertThat(dispensing.tablets()).isEqualTo(14));
        assertThat(exposure.returns()).singleElement()
                .satisfies(back -> assertThat(back.tablets()).isZero());
        assertThat(exposure.cycles().get(0).reconciled()).as("14 dispensed, 0 returned, 14 taken").isTrue();
    }

    /** {@code days} diary days from {@code from}, the first {@code taken} of them taken at {@code doseMg}. */
    private static DiaryRecorded diary(int cycle, LocalDate from, int days, int doseMg, int taken) {
        List<DiaryDay> entries = new ArrayList<>();
        for (int day = 0; day < days; day++) {
            entries.add(day < taken ? new DiaryDay(from.plusDays(day), true, doseMg)
                    : new DiaryDay(from.plusDays(day), false, null));
        }
        return new DiaryRecorded(PATIENT, cycle, entries, List.of(), null);
    }
}
