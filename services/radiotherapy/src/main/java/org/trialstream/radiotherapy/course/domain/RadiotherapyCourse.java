package org.trialstream.radiotherapy.course.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.trialstream.kernel.contract.radiotherapy.FractionDelivered;
import org.trialstream.kernel.contract.radiotherapy.PrescriptionConfirmed;
import org.trialstream.kernel.contract.radiotherapy.RadiotherapyCompleted;
import org.trialstream.kernel.contract.radiotherapy.RadiotherapyDeviationRecorded;
import org.trialstream.kernel.contract.radiotherapy.RadiotherapyFinding;
import org.trialstream.kernel.contract.radiotherapy.RadiotherapyFindingRaised;
import org.trialstream.kernel.contract.radiotherapy.RadiotherapyInterrupted;
import org.trialstream.kernel.contract.radiotherapy.RadiotherapyPhase;
import org.trialstream.kernel.contract.radiotherapy.RadiotherapyPlanned;
import org.trialstream.kernel.contract.radiotherapy.RadiotherapyPrescribed;
import org.trialstream.kernel.contract.radiotherapy.RadiotherapyStoppedEarly;
import org.trialstream.kernel.patient.PatientId;
import org.trialstream.kernel.patient.ResectionMargin;
import org.trialstream.platform.domain.ClinicalCalendar;
import org.trialstream.platform.domain.NotFound;
import org.trialstream.platform.domain.PatientAccess;
import org.trialstream.platform.domain.RecordVersion;
import org.trialstream.platform.domain.RuleViolation;
import org.trialstream.platform.domain.StateConflict;
import org.trialstream.protocol.definition.PrescriptionCheck;
import org.trialstream.protocol.definition.Protocol;
import org.trialstream.protocol.definition.RadiotherapyPrescription;
import org.trialstream.protocol.definition.RadiotherapyRules;
import org.trialstream.radiotherapy.course.api.RadiotherapyCommands.ConfirmPrescription;
import org.trialstream.radiotherapy.course.api.RadiotherapyCommands.DeliverFraction;
import org.trialstream.radiotherapy.course.api.RadiotherapyCommands.PlanRadiotherapy;
import org.trialstream.radiotherapy.course.api.RadiotherapyCommands.Prescribe;
import org.trialstream.radiotherapy.course.api.RadiotherapyCommands.RecordDeviation;
import org.trialstream.radiotherapy.course.api.RadiotherapyCommands.RecordInterruption;
import org.trialstream.radiotherapy.course.api.RadiotherapyCommands.StopEarly;

/**
 * One enrolled patient's course of postoperative IMRT: prescribed within the protocol's bounds for the resection
 * margin, delivered fraction by fraction (the base, then the boost), and ended by completion or early. Every number
 * comes from the protocol file's {@code radiotherapy} section.
 */
@Aggregate
public class RadiotherapyCourse {

    private static final String RULES = " (protocol radiotherapy)";

    @AggregateIdentifier
    private String courseId;
    private PatientId patientId;
    private String siteId;
    private String screeningNumber;
    private LocalDate surgeryDate;
    private ResectionMargin margin;
    private Prescription prescription;
    /** A corrected margin the prescription no longer fits, until re-prescribed or confirmed. */
    private boolean prescriptionInQuestion;
    private int baseDelivered;
    private int boostDelivered;
    private int deliveredCGy;
    private LocalDate firstFractionOn;
    private LocalDate lastFractionOn;
    private int fractionsOnLastDay;
    private LocalDate endedOn;
    private String endedAs;

    protected RadiotherapyCourse() {
    }

    /** Planned on enrolment; a corrected margin that the prescription no longer fits is a finding. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(PlanRadiotherapy command, Protocol protocol) {
        String site = command.siteId() != null ? command.siteId() : siteId;
        if (site == null || (command.surgeryDate().equals(surgeryDate) && command.margin() == margin)) {
            return;
        }
        apply(new RadiotherapyPlanned(command.patientId().value(), site,
                command.screeningNumber() != null ? command.screeningNumber() : screeningNumber,
                command.surgeryDate(), command.margin()));
        if (prescription != null && !prescriptionInQuestion && endedOn == null) {
            PrescriptionCheck check = check(prescription, command.margin(), protocol.radiotherapy());
            if (!check.withinBounds()) {
                apply(new RadiotherapyFindingRaised(patientId.value(), siteId,
                        RadiotherapyFinding.PRESCRIPTION_OUTSIDE_MARGIN_BOUNDS, "margin corrected to "
                        + command.margin() + ": " + String.join("; ", check.reasons())
                        + "; re-prescribe, or confirm the prescription with a reason"));
            }
        }
    }

    @CommandHandler
    void handle(Prescribe command, MetaData metaData, ClinicalCalendar calendar, Protocol protocol) {
        requireOpenFor(metaData, command.expectedVersion());
        requireNotEnded("prescribedOn");
        calendar.requireSinceSurgery("prescribedOn", command.prescribedOn(), surgeryDate);
        RadiotherapyRules rules = protocol.radiotherapy();
        Prescription written = new Prescription(cGy("baseDoseGy", command.baseDoseGy()), command.baseFractions(),
                cGy("boostDoseGy", command.boostDoseGy()), command.boostFractions());
        PrescriptionCheck check = check(written, margin, rules);
        if (!check.withinBounds()) {
            String reason = check.reasons().get(0);
            String field = reason.startsWith("boost") ? "boostDoseGy"
                    : reason.contains("base fractions") ? "baseFractions" : "baseDoseGy";
            throw new RuleViolation(field, String.join("; ", check.reasons()) + RULES);
        }
        int boostFractions = rules.fractionsOf(command.boostDoseGy());
        if (boostFractions != command.boostFractions()) {
            throw new RuleViolation("boostFractions", "a boost of " + gy(written.boostCGy()) + " is "
                    + (boostFractions < 0 ? "not a whole number of" : boostFractions) + " fractions of "
                    + gy(rules.dosePerFractionGy()) + RULES);
        }
        if (prescription != null) {
            if (command.reason() == null) {
                throw new RuleViolation("reason", "a change of prescription needs a reason");
            }
            if (written.equals(prescription) && !prescriptionInQuestion) {
                throw new RuleViolation("baseDoseGy", "the prescription is already " + prescription);
            }
            if (written.baseFractions() < baseDelivered || written.boostFractions() < boostDelivered) {
                throw new RuleViolation("baseFractions", baseDelivered + " base and " + boostDelivered
                        + " boost fractions are delivered already: the prescription cannot be less");
            }
        }
        apply(new RadiotherapyPrescribed(patientId.value(), command.prescribedOn(), margin, written.baseCGy(),
                written.baseFractions(), written.boostCGy(), written.boostFractions(),
                prescription == null ? null : command.reason()));
        completeIfDelivered();
    }

    @CommandHandler
    void handle(ConfirmPrescription command, MetaData metaData, ClinicalCalendar calendar) {
        requireOpenFor(metaData, command.expectedVersion());
        if (!prescriptionInQuestion) {
            throw new StateConflict("reason", "the prescription fits the margin " + margin
                    + ": there is nothing to confirm");
        }
        calendar.requireSinceSurgery("on", command.on(), surgeryDate);
        apply(new PrescriptionConfirmed(patientId.value(), command.on(), margin, command.reason()));
    }

    @CommandHandler
    void handle(DeliverFraction command, MetaData metaData, ClinicalCalendar calendar, Protocol protocol) {
        requireOpenFor(metaData, command.expectedVersion());
        requireNotEnded("deliveredOn");
        if (prescription == null) {
            throw new StateConflict("phase", "no radiotherapy is prescribed yet");
        }
        if (prescriptionInQuestion) {
            throw new StateConflict("phase", "the corrected margin " + margin + " does not fit the prescription: "
                    + "re-prescribe, or confirm the prescription with a reason, before the next fraction");
        }
        RadiotherapyRules rules = protocol.radiotherapy();
        calendar.requireSinceSurgery("deliveredOn", command.deliveredOn(), surgeryDate);
        if (lastFractionOn != null && command.deliveredOn().isBefore(lastFractionOn)) {
            throw new RuleViolation("deliveredOn", "fractions are recorded in order: the last was on "
                    + lastFractionOn);
        }
        if (command.deliveredOn().equals(lastFractionOn) && fractionsOnLastDay >= rules.fractionsPerDay()) {
            throw new RuleViolation("deliveredOn", fractionsOnLastDay + " fraction(s) were delivered on "
                    + lastFractionOn + "; the protocol gives " + rules.fractionsPerDay()
                    + " a day (protocol radiotherapy.fractionsPerDay)");
        }
        if (command.doseGy().compareTo(rules.dosePerFractionGy()) != 0) {
            throw new RuleViolation("doseGy", "a fraction is " + gy(cGy("doseGy", rules.dosePerFractionGy()))
                    + " (protocol radiotherapy.dosePerFractionGy)");
        }
        if (command.phase() == RadiotherapyPhase.BASE && baseDelivered >= prescription.baseFractions()) {
            throw new RuleViolation("phase", "the " + prescription.baseFractions() + " base fractions prescribed "
                    + "are delivered: another would go beyond the prescription");
        }
        if (command.phase() == RadiotherapyPhase.BOOST) {
            if (prescription.boostFractions() == 0) {
                throw new RuleViolation("phase", "no boost is prescribed (margin " + margin + ")");
            }
            if (baseDelivered < prescription.baseFractions()) {
                throw new RuleViolation("phase", "the boost follows the base: " + baseDelivered + " of "
                        + prescription.baseFractions() + " base fractions are delivered");
            }
            if (boostDelivered >= prescription.boostFractions()) {
                throw new RuleViolation("phase", "the " + prescription.boostFractions() + " boost fractions "
                        + "prescribed are delivered: another would go beyond the prescription");
            }
        }
        LocalDate previous = lastFractionOn;
        apply(new FractionDelivered(patientId.value(), command.deliveredOn(), command.phase(),
                cGy("doseGy", command.doseGy()), baseDelivered + boostDelivered + 1));
        if (previous != null) {
            int gap = workingDaysBetween(previous, command.deliveredOn());
            if (gap > rules.gapToleranceWorkingDays()) {
                apply(new RadiotherapyFindingRaised(patientId.value(), siteId, RadiotherapyFinding.TREATMENT_GAP,
                        gap + " working days without a fraction between " + previous + " and "
                                + command.deliveredOn() + "; the protocol tolerates "
                                + rules.gapToleranceWorkingDays()
                                + " (protocol radiotherapy.gapToleranceWorkingDays)"));
            }
        }
        completeIfDelivered();
    }

    @CommandHandler
    void handle(RecordInterruption command, MetaData metaData, ClinicalCalendar calendar) {
        requireOpenFor(metaData, command.expectedVersion());
        if (prescription == null) {
            throw new StateConflict("from", "no radiotherapy is prescribed yet");
        }
        calendar.requireSinceSurgery("from", command.from(), surgeryDate);
        calendar.requireSinceSurgery("to", command.to(), surgeryDate);
        if (command.to().isBefore(command.from())) {
            throw new RuleViolation("to", "the interruption began on " + command.from() + ", after this date");
        }
        apply(new RadiotherapyInterrupted(patientId.value(), command.from(), command.to(), command.reason(),
                workingDaysBetween(command.from().minusDays(1), command.to().plusDays(1))));
    }

    @CommandHandler
    void handle(RecordDeviation command, MetaData metaData, ClinicalCalendar calendar) {
        requireOpenFor(metaData, command.expectedVersion());
        calendar.requireSinceSurgery("on", command.on(), surgeryDate);
        apply(new RadiotherapyDeviationRecorded(patientId.value(), command.on(), command.severity(),
                command.description()));
    }

    @CommandHandler
    void handle(StopEarly command, MetaData metaData, ClinicalCalendar calendar) {
        requireOpenFor(metaData, command.expectedVersion());
        requireNotEnded("on");
        calendar.requireSinceSurgery("on", command.on(), surgeryDate);
        if (lastFractionOn != null && command.on().isBefore(lastFractionOn)) {
            throw new RuleViolation("on", "the last fraction was delivered on " + lastFractionOn + ", after this date");
        }
        apply(new RadiotherapyStoppedEarly(patientId.value(), command.on(), command.reason(),
                baseDelivered + boostDelivered, deliveredCGy));
    }

    // ---- rules ----

    private void requireOpenFor(MetaData metaData, Long expectedVersion) {
        if (siteId == null) {
            throw NotFound.patient();
        }
        PatientAccess.requireVisible(metaData, siteId);
        RecordVersion.require(expectedVersion);
    }

    private void requireNotEnded(String field) {
        if (endedOn != null) {
            throw new StateConflict(field, "the course ended on " + endedOn + " (" + endedAs + ")");
        }
    }

    private void completeIfDelivered() {
        if (prescription != null && lastFractionOn != null && endedOn == null
                && baseDelivered == prescription.baseFractions() && boostDelivered == prescription.boostFractions()) {
            apply(new RadiotherapyCompleted(patientId.value(), lastFractionOn, firstFractionOn,
                    baseDelivered + boostDelivered, deliveredCGy,
                    (int) ChronoUnit.DAYS.between(firstFractionOn, lastFractionOn) + 1));
        }
    }

    private static PrescriptionCheck check(Prescription prescription, ResectionMargin margin, RadiotherapyRules rules) {
        return rules.checkPrescription(new RadiotherapyPrescription(margin,
                BigDecimal.valueOf(prescription.baseCGy(), 2), prescription.baseFractions(),
                BigDecimal.valueOf(prescription.boostCGy(), 2)));
    }

    /** Monday-to-Friday days strictly between two dates. */
    static int workingDaysBetween(LocalDate after, LocalDate before) {
        int days = 0;
        for (LocalDate day = after.plusDays(1); day.isBefore(before); day = day.plusDays(1)) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days++;
            }
        }
        return days;
    }

    /** A dose in Gy as whole centigray; a finer dose is refused. */
    private static int cGy(String field, BigDecimal gy) {
        try {
            return gy.movePointRight(2).intValueExact();
        } catch (ArithmeticException notWholeCentigray) {
            throw new RuleViolation(field, "doses are given to 0.01 Gy");
        }
    }

    private static String gy(int centigray) {
        return BigDecimal.valueOf(centigray, 2).stripTrailingZeros().toPlainString() + " Gy";
    }

    private static String gy(BigDecimal dose) {
        return dose.stripTrailingZeros().toPlainString() + " Gy";
    }

    // ---- state ----

    @EventSourcingHandler
    void on(RadiotherapyPlanned event) {
        courseId = event.patientId().toString();
        patientId = new PatientId(event.patientId());
        siteId = event.siteId();
        screeningNumber = event.screeningNumber();
        surgeryDate = event.surgeryDate();
        margin = event.margin();
    }

    @EventSourcingHandler
    void on(RadiotherapyFindingRaised event) {
        if (event.finding() == RadiotherapyFinding.PRESCRIPTION_OUTSIDE_MARGIN_BOUNDS) {
            prescriptionInQuestion = true;
        }
    }

    @EventSourcingHandler
    void on(RadiotherapyPrescribed event) {
        prescription = new Prescription(event.baseDoseCGy(), event.baseFractions(), event.boostDoseCGy(),
                event.boostFractions());
        prescriptionInQuestion = false;
    }

    @EventSourcingHandler
    void on(PrescriptionConfirmed event) {
        prescriptionInQuestion = false;
    }

    @EventSourcingHandler
    void on(FractionDelivered event) {
        if (event.phase() == RadiotherapyPhase.BASE) {
            baseDelivered++;
        } else {
            boostDelivered++;
        }
        deliveredCGy += event.doseCGy();
        firstFractionOn = firstFractionOn == null ? event.deliveredOn() : firstFractionOn;
        fractionsOnLastDay = event.deliveredOn().equals(lastFractionOn) ? fractionsOnLastDay + 1 : 1;
        lastFractionOn = event.deliveredOn();
    }

    @EventSourcingHandler
    void on(RadiotherapyCompleted event) {
        endedOn = event.completedOn();
        endedAs = "completed";
    }

    @EventSourcingHandler
    void on(RadiotherapyStoppedEarly event) {
        endedOn = event.on();
        endedAs = "stopped early: " + event.reason();
    }

    /** A prescription in whole centigray. */
    private record Prescription(int baseCGy, int baseFractions, int boostCGy, int boostFractions) {

        @Override
        public String toString() {
            return gy(baseCGy) + " in " + baseFractions + " fractions"
                    + (boostFractions == 0 ? ", no boost" : " and a boost of " + gy(boostCGy) + " in "
                    + boostFractions);
        }
    }
}
