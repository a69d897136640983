package org.trialstream.kernel.contract.dosing;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.UUID;

import org.trialstream.kernel.contract.EventContract;
import org.trialstream.kernel.contract.TrialEvent;

/**
 * The patient's anlotinib course is planned from the surgery date (day 0): the first dose is due in the window
 * {@code firstDoseFrom} to {@code firstDoseTo}, at {@code startDoseMg}, for {@code cycles} cycles. A corrected surgery
 * date re-plans a course not yet started with a new fact of this type, which replaces the plan before it.
 */
@EventContract(name = "dosing.CoursePlanned", version = 1)
public record CoursePlanned(UUID patientId, String siteId, String screeningNumber, LocalDate surgeryDate,
                            LocalDate firstDoseFrom, LocalDate firstDoseTo, int startDoseMg, int cycles)
        implements TrialEvent {

    public CoursePlanned {
        requireNonNull(patientId, "patientId");
        requireNonNull(siteId, "siteId");
        requireNonNull(surgeryDate, "surgeryDate");
        requireNonNull(firstDoseFrom, "firstDoseFrom");
        requireNonNull(firstDoseTo, "firstDoseTo");
        if (firstDoseTo.isBefore(firstDoseFrom)) {
            throw new IllegalArgumentException("the first-dose window ends before it starts");
        }
        if (startDoseMg < 1 || cycles < 1) {
            throw new IllegalArgumentException("a course has a positive dose and at least one cycle");
        }
    }
}
