package org.trialstream.kernel.contract.dosing;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * One day of the patient's diary.
 *
 * @param doseMg the dose taken; null on a day not taken
 */
public record DiaryDay(LocalDate date, boolean taken, Integer doseMg) {

    public DiaryDay {
        requireNonNull(date, "date");
        if (taken != (doseMg != null)) {
            throw new IllegalArgumentException("a day taken has a dose and a day missed has none");
        }
    }
}
