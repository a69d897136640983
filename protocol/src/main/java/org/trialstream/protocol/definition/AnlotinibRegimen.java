package org.trialstream.protocol.definition;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * Anlotinib, orally once daily, in cycles (registry record: 12 mg, "a cycle was considered to be 3 weeks", 4 cycles,
 * started 3-4 weeks after surgery; reductions to 10 then 8 mg, then stop).
 *
 * <p>Anlotinib comes as 12, 10 and 8 mg capsules, so a dosing day is one capsule of the current strength whatever
 * the level: the planned tablets per cycle are the number of on-days in the cycle.
 *
 * @param startDoseMg     the first dose level (12 mg)
 * @param doseLevelsMg    the ladder, highest first (12, 10, 8); below the last level anlotinib stops for good
 * @param cycleLengthDays days per cycle (21)
 * @param cycles          planned cycles (4)
 * @param schedule        the on/off pattern within a cycle
 * @param firstDose       study days allowed for the first dose (21-28)
 */
public record AnlotinibRegimen(int startDoseMg, List<Integer> doseLevelsMg, int cycleLengthDays, int cycles,
                               DosingSchedule schedule, FirstDoseWindow firstDose) {

    /** Scale of {@link #doseIntensity} results: 4 decimals, e.g. 0.8571. */
    public static final int DOSE_INTENSITY_SCALE = 4;

    public AnlotinibRegimen {
        doseLevelsMg = List.copyOf(doseLevelsMg);
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(firstDose, "firstDose");
        if (doseLevelsMg.isEmpty() || doseLevelsMg.get(0) != startDoseMg) {
            throw new IllegalArgumentException("the dose ladder must start at the start dose");
        }
        if (cycleLengthDays < 1 || cycles < 1) {
            throw new IllegalArgumentException("cycle length and number of cycles must be positive");
        }
    }

    /** Whether {@code date} is an allowed first-dose day for a patient operated on {@code surgery}. */
    public boolean isInFirstDoseWindow(LocalDate surgery, LocalDate date) {
        return firstDose.contains(StudyDays.studyDay(surgery, date));
    }

    /**
     * Where {@code date} falls in the planned course that began with the first dose on {@code firstDoseDate}
     * (day 1 of cycle 1). Dates before the first dose or after the last planned cycle are refused.
     */
    public CycleDay cycleDayOf(LocalDate firstDoseDate, LocalDate date) {
        long offset = ChronoUnit.DAYS.between(firstDoseDate, date);
        if (offset < 0) {
            throw new IllegalArgumentException(date + " is before the first dose on " + firstDoseDate);
        }
        if (offset >= (long) cycles * cycleLengthDays) {
            throw new IllegalArgumentException(date + " is after the " + cycles + " planned cycles of "
                    + cycleLengthDays + " days that began on " + firstDoseDate);
        }
        int cycle = (int) (offset / cycleLengthDays) + 1;
        int day = (int) (offset % cycleLengthDays) + 1;
        return new CycleDay(cycle, day, schedule.isOnDay(day));
    }

    /** The first day of the first-dose window for a patient operated on {@code surgery}. */
    public LocalDate firstDoseFrom(LocalDate surgery) {
        return surgery.plusDays(firstDose.fromStudyDay());
    }

    /** The last day of the first-dose window for a patient operated on {@code surgery}. */
    public LocalDate firstDoseTo(LocalDate surgery) {
        return surgery.plusDays(firstDose.toStudyDay());
    }

    /** The last dosing day of the last planned cycle of a course that began on {@code firstDoseDate}. */
    public LocalDate lastDosingDay(LocalDate firstDoseDate) {
        int lastOnDay = cycleLengthDays;
        while (!schedule.isOnDay(lastOnDay)) {
            lastOnDay--;
        }
        return firstDoseDate.plusDays((long) (cycles - 1) * cycleLengthDays + lastOnDay - 1);
    }

    /** One step down the ladder (12 to 10, 10 to 8), or {@link DoseStep.Stop} from the lowest level. */
    public DoseStep nextLowerDose(int currentDoseMg) {
        int index = doseLevelsMg.indexOf(currentDoseMg);
        if (index < 0) {
            throw new IllegalArgumentException(currentDoseMg + " mg is not a protocol dose level; the levels are "
                    + doseLevelsMg + " mg");
        }
        return index == doseLevelsMg.size() - 1 ? new DoseStep.Stop() : new DoseStep.ReduceTo(doseLevelsMg.get(index + 1));
    }

    /** On-days per cycle, one capsule each: 14 for days 1-14 of 21, and 14 for 2-on/1-off over 21 days. */
    public int plannedTabletsPerCycle() {
        int onDays = 0;
        for (int day = 1; day <= cycleLengthDays; day++) {
            if (schedule.isOnDay(day)) {
                onDays++;
            }
        }
        return onDays;
    }

    /** Milligrams planned over {@code plannedCycles} cycles at the start dose. */
    public int plannedDoseMg(int plannedCycles) {
        if (plannedCycles < 1 || plannedCycles > cycles) {
            throw new IllegalArgumentException("planned cycles must be 1 to " + cycles + ", was " + plannedCycles);
        }
        return startDoseMg * plannedTabletsPerCycle() * plannedCycles;
    }

    /**
     * Dose intensity over the whole planned course: milligrams delivered divided by milligrams planned at the start
     * dose, to {@value #DOSE_INTENSITY_SCALE} decimals rounded half-up (1.0000 = everything planned was taken).
     */
    public BigDecimal doseIntensity(int deliveredMg) {
        return doseIntensity(deliveredMg, cycles);
    }

    /** Dose intensity over the first {@code plannedCycles} cycles; see {@link #doseIntensity(int)}. */
    public BigDecimal doseIntensity(int deliveredMg, int plannedCycles) {
        if (deliveredMg < 0) {
            throw new IllegalArgumentException("delivered dose cannot be negative, was " + deliveredMg + " mg");
        }
        return BigDecimal.valueOf(deliveredMg)
                .divide(BigDecimal.valueOf(plannedDoseMg(plannedCycles)), DOSE_INTENSITY_SCALE, RoundingMode.HALF_UP);
    }
}
