package org.trialstream.protocol.definition;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The study protocol as loaded from its versioned file ({@link ProtocolLoader}), with the questions the services ask of
 * it as named functions. Surgery is day 0 of every clock.
 *
 * @param id      stable identifier, e.g. {@code anlotinib-sts-ii}
 * @param version version of the protocol file; bumped on every change
 */
public record Protocol(String id, int version, String title, EnrolmentRules enrolment, AnlotinibRegimen anlotinib,
                       RadiotherapyRules radiotherapy, FollowUpSchedule followUp, EndpointDefinitions endpoints,
                       SafetyRules safety) {

    public Protocol {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(enrolment, "enrolment");
        Objects.requireNonNull(anlotinib, "anlotinib");
        Objects.requireNonNull(radiotherapy, "radiotherapy");
        Objects.requireNonNull(followUp, "followUp");
        Objects.requireNonNull(endpoints, "endpoints");
        Objects.requireNonNull(safety, "safety");
    }

    /** @see StudyDays#studyDay(LocalDate, LocalDate) */
    public int studyDay(LocalDate surgery, LocalDate date) {
        return StudyDays.studyDay(surgery, date);
    }

    /** @see AnlotinibRegimen#isInFirstDoseWindow(LocalDate, LocalDate) */
    public boolean isInFirstDoseWindow(LocalDate surgery, LocalDate date) {
        return anlotinib.isInFirstDoseWindow(surgery, date);
    }

    /** @see AnlotinibRegimen#cycleDayOf(LocalDate, LocalDate) */
    public CycleDay cycleDayOf(LocalDate firstDoseDate, LocalDate date) {
        return anlotinib.cycleDayOf(firstDoseDate, date);
    }

    /** @see AnlotinibRegimen#nextLowerDose(int) */
    public DoseStep nextLowerDose(int currentDoseMg) {
        return anlotinib.nextLowerDose(currentDoseMg);
    }

    /** @see AnlotinibRegimen#plannedTabletsPerCycle() */
    public int plannedTabletsPerCycle() {
        return anlotinib.plannedTabletsPerCycle();
    }

    /** @see AnlotinibRegimen#doseIntensity(int) */
    public BigDecimal doseIntensity(int deliveredMg) {
        return anlotinib.doseIntensity(deliveredMg);
    }

    /** @see RadiotherapyRules#checkPrescription(RadiotherapyPrescription) */
    public PrescriptionCheck checkPrescription(RadiotherapyPrescription prescription) {
        return radiotherapy.checkPrescription(prescription);
    }

    /** @see FollowUpSchedule#visitsDue(LocalDate) */
    public List<FollowUpVisit> followUpVisitsDue(LocalDate surgery) {
        return followUp.visitsDue(surgery);
    }
}
