package org.trialstream.localstack.simulate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.trialstream.kernel.patient.ResectionMargin;
import org.trialstream.protocol.definition.Protocol;

/**
 * What happens to one simulated patient, drawn from the seed alone (the same seed and number give the same patient,
 * whatever order the patients run in): surgery, margin, the first dose's day, the adverse events of each cycle, and
 * the days on which a local recurrence, a metastasis or death would occur, from constant hazards that give the
 * protocol's expected 36-month rates.
 */
record PatientPlan(int number, String site, String screeningNumber, LocalDate surgery, ResectionMargin margin,
                   String histology, int screeningDay, int firstDoseDay, boolean firstDoseDeviation, int boostGy,
                   List<List<PlannedEvent>> adverseEventsByCycle, List<Integer> missedDays, int recurrenceDay,
                   int metastasisDay, int deathDay, int lostAtVisit, boolean withdraws) {

    /** An adverse event of a cycle (its onset falls on the cycle's rest days). */
    record PlannedEvent(String term, int grade, boolean anlotinibRelated, boolean radiotherapyRelated,
                        boolean serious) {
    }

    static final List<String> SITES = List.of("RJH", "FUSCC", "SYSUCC");
    private static final List<String> HISTOLOGIES = List.of("Undifferentiated pleomorphic sarcoma", "Liposarcoma",
            "Synovial sarcoma", "Leiomyosarcoma", "Myxofibrosarcoma", "Malignant peripheral nerve sheath tumour");

    /** Terms of anlotinib's known toxicity, with the highest grade the simulation gives (CTCAE allows them). */
    private static final List<Object[]> ANLOTINIB_TERMS = List.of(
            new Object[] {"Hypertension", 4}, new Object[] {"Palmar-plantar erythrodysesthesia syndrome", 3},
            new Object[] {"Diarrhea", 4}, new Object[] {"Fatigue", 3}, new Object[] {"Proteinuria", 3},
            new Object[] {"Hypothyroidism", 3}, new Object[] {"Anorexia", 3},
            new Object[] {"Platelet count decreased", 4});

    /** Monthly hazards: 36-month local-recurrence-free 70 %, metastasis-free 75 %, overall survival 85 %. */
    private static final double RECURRENCE_HAZARD = -Math.log(0.70) / 36;
    private static final double METASTASIS_HAZARD = -Math.log(0.75) / 36;
    private static final double DEATH_HAZARD = -Math.log(0.85) / 36;
    private static final double DAYS_PER_MONTH = 30.4375;

    /**
     * @param accrualEnd the last possible surgery date: 36 months of follow-up (and a visit window) fit after it
     */
    static PatientPlan draw(long seed, int number, LocalDate accrualEnd, int accrualDays, Protocol protocol) {
        Random random = new Random(seed * 1_000_003L + number);
        String site = SITES.get(number % SITES.size());
        LocalDate surgery = accrualEnd.minusDays(random.nextInt(Math.max(1, accrualDays)));
        double u = random.nextDouble();
        ResectionMargin margin = u < 0.45 ? ResectionMargin.R0 : u < 0.85 ? ResectionMargin.R1 : ResectionMargin.R2;
        int boostGy = switch (margin) {
            case R0 -> 0;
            case R1 -> 10 + 2 * random.nextInt(4);
            case R2 -> 16 + 2 * random.nextInt(2);
        };
        int windowFrom = protocol.anlotinib().firstDose().fromStudyDay();
        int windowTo = protocol.anlotinib().firstDose().toStudyDay();
        boolean deviation = number % 17 == 5;
        int firstDoseDay = deviation ? windowTo + 1 + random.nextInt(3)
                : windowFrom + random.nextInt(windowTo - windowFrom + 1);
        List<List<PlannedEvent>> events = new ArrayList<>();
        for (int cycle = 1; cycle <= protocol.anlotinib().cycles(); cycle++) {
            List<PlannedEvent> cycleEvents = new ArrayList<>();
            int count = random.nextDouble() < 0.45 ? 1 : random.nextDouble() < 0.2 ? 2 : 0;
            for (int i = 0; i < count; i++) {
                Object[] term = ANLOTINIB_TERMS.get(random.nextInt(ANLOTINIB_TERMS.size()));
                double g = random.nextDouble();
                int grade = Math.min((int) term[1], g < 0.5 ? 1 : g < 0.8 ? 2 : g < 0.96 ? 3 : 4);
                cycleEvents.add(new PlannedEvent((String) term[0], grade, random.nextDouble() < 0.85, false,
                        grade >= 3 && random.nextDouble() < 0.4));
            }
            if (cycle == 2 && random.nextDouble() < 0.3) {
                cycleEvents.add(new PlannedEvent("Dermatitis radiation", 1 + random.nextInt(2), false, true, false));
            }
            events.add(cycleEvents);
        }
        List<Integer> missed = new ArrayList<>();
        if (random.nextDouble() < 0.3) {
            missed.add(2 + random.nextInt(10));
        }
        int recurrence = (int) (exponential(random, RECURRENCE_HAZARD) * DAYS_PER_MONTH);
        int metastasis = (int) (exponential(random, METASTASIS_HAZARD) * DAYS_PER_MONTH);
        // Deaths come after the treatment (day 120 on), and sooner once the disease has spread.
        double deathMonths = exponential(random, DEATH_HAZARD);
        int death = 120 + (int) (deathMonths * DAYS_PER_MONTH);
        if (metastasis < death) {
            death = Math.max(120, metastasis + (int) ((death - metastasis) * 0.4));
        }
        int visits = protocol.followUp().untilMonth() / protocol.followUp().everyMonths();
        int lostAt = random.nextDouble() < 0.07 ? 3 + random.nextInt(Math.max(1, visits - 3)) : 0;
        return new PatientPlan(number, site, null, surgery, margin,
                HISTOLOGIES.get(random.nextInt(HISTOLOGIES.size())), 7 + random.nextInt(7), firstDoseDay, deviation,
                boostGy, events, missed, recurrence, metastasis, death, lostAt, false);
    }

    PatientPlan withScreeningNumber(String value) {
        return new PatientPlan(number, site, value, surgery, margin, histology, screeningDay, firstDoseDay,
                firstDoseDeviation, boostGy, adverseEventsByCycle, missedDays, recurrenceDay, metastasisDay,
                deathDay, lostAtVisit, withdraws);
    }

    PatientPlan withdrawing() {
        return new PatientPlan(number, site, screeningNumber, surgery, margin, histology, screeningDay, firstDoseDay,
                firstDoseDeviation, boostGy, adverseEventsByCycle, missedDays, recurrenceDay, metastasisDay,
                deathDay, 0, true);
    }

    private static double exponential(Random random, double hazardPerMonth) {
        return -Math.log(1 - random.nextDouble()) / hazardPerMonth;
    }
}
