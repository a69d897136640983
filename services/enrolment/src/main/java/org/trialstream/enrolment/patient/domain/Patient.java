package org.trialstream.enrolment.patient.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.trialstream.enrolment.patient.api.AssessEligibilityCommand;
import org.trialstream.enrolment.patient.api.CorrectEnrolmentCommand;
import org.trialstream.enrolment.patient.api.EnrolPatientCommand;
import org.trialstream.enrolment.patient.api.ScreenPatientCommand;
import org.trialstream.enrolment.patient.api.WithdrawConsentCommand;
import org.trialstream.kernel.contract.enrolment.ConsentWithdrawn;
import org.trialstream.kernel.contract.enrolment.EligibilityAnswer;
import org.trialstream.kernel.contract.enrolment.EligibilityAssessed;
import org.trialstream.kernel.contract.enrolment.EnrolmentCorrected;
import org.trialstream.kernel.contract.enrolment.PatientEnrolled;
import org.trialstream.kernel.contract.enrolment.PatientScreened;
import org.trialstream.kernel.patient.PatientId;
import org.trialstream.kernel.patient.ResectionMargin;
import org.trialstream.platform.domain.ClinicalCalendar;
import org.trialstream.platform.domain.PatientAccess;
import org.trialstream.platform.domain.RecordVersion;
import org.trialstream.platform.domain.RuleViolation;
import org.trialstream.platform.domain.StateConflict;
import org.trialstream.protocol.definition.FirstDoseWindow;
import org.trialstream.protocol.definition.Protocol;

/**
 * One patient's path through screening, eligibility and enrolment, and what may change afterwards: consent
 * withdrawal and corrections with a reason. Dates are clinical dates given by site staff; "today" comes from the
 * injected clinical calendar so that rules about the future are testable.
 */
@Aggregate
public class Patient {

    enum Status { SCREENED, ELIGIBLE, INELIGIBLE, ENROLLED, WITHDRAWN }

    @AggregateIdentifier
    private PatientId patientId;
    private String screeningNumber;
    private String siteId;
    private LocalDate screenedOn;
    private LocalDate assessedOn;
    private Status status;
    private LocalDate enrolledOn;
    private LocalDate surgeryDate;
    private ResectionMargin margin;
    private String histology;
    private String detailsEventId;

    protected Patient() {
    }

    @CommandHandler
    public Patient(ScreenPatientCommand command, EnrolmentRegister register, ClinicalCalendar calendar) {
        calendar.requireClinicalDate("screenedOn", command.screenedOn());
        register.registerScreening(command.patientId(), command.screeningNumber());
        apply(new PatientScreened(command.patientId().value(), command.screeningNumber(),
                command.siteId().value(), command.screenedOn()));
    }

    @CommandHandler
    void handle(AssessEligibilityCommand command, MetaData metaData, ClinicalCalendar calendar) {
        PatientAccess.requireVisible(metaData, siteId);
        RecordVersion.require(command.expectedVersion());
        if (status == Status.ENROLLED || status == Status.WITHDRAWN) {
            throw new StateConflict("patientId", "eligibility cannot be reassessed after enrolment");
        }
        calendar.requireClinicalDate("assessedOn", command.assessedOn());
        if (command.assessedOn().isBefore(screenedOn)) {
            throw new RuleViolation("assessedOn", "the assessment cannot precede screening on " + screenedOn);
        }
        List<EligibilityAnswer> answers = checklistAnswers(command.answers());
        boolean eligible = answers.stream()
                .allMatch(answer -> EligibilityCriterion.valueOf(answer.criterion()).allows(answer.met()));
        apply(new EligibilityAssessed(patientId.value(), answers, eligible, command.assessedOn()));
    }

    @CommandHandler
    void handle(EnrolPatientCommand command, MetaData metaData, EnrolmentRegister register, Protocol protocol,
                ClinicalCalendar calendar) {
        PatientAccess.requireVisible(metaData, siteId);
        RecordVersion.require(command.expectedVersion());
        switch (status) {
            case SCREENED -> throw new RuleViolation("eligibility", "eligibility has not been assessed");
            case INELIGIBLE -> throw new RuleViolation("eligibility",
                    "the patient did not meet the eligibility criteria");
            case ENROLLED, WITHDRAWN -> throw new StateConflict("patientId", "the patient is already enrolled");
            case ELIGIBLE -> { }
        }
        // Recorded late from a paper backup, enrolment keeps the date it really happened; by default it is today.
        LocalDate enrolledOn = calendar.requireClinicalDate("enrolledOn",
                Objects.requireNonNullElse(command.enrolledOn(), calendar.today()));
        if (enrolledOn.isBefore(assessedOn)) {
            throw new RuleViolation("enrolledOn", "enrolment cannot precede the eligibility assessment on "
                    + assessedOn);
        }
        calendar.requireClinicalDate("surgeryDate", command.surgeryDate());
        requireSurgeryDateFitsEnrolment(command.surgeryDate(), enrolledOn, protocol.anlotinib().firstDose());
        int place = register.takePlace(patientId);
        apply(new PatientEnrolled(patientId.value(), place, screeningNumber, siteId, enrolledOn,
                command.surgeryDate(), command.margin(), command.histology()));
    }

    @CommandHandler
    void handle(WithdrawConsentCommand command, MetaData metaData, ClinicalCalendar calendar) {
        PatientAccess.requireVisible(metaData, siteId);
        RecordVersion.require(command.expectedVersion());
        if (status == Status.WITHDRAWN) {
            throw new StateConflict("patientId", "consent was already withdrawn");
        }
        if (status != Status.ENROLLED) {
            throw new StateConflict("patientId", "only an enrolled patient can withdraw consent");
        }
        calendar.requireClinicalDate("withdrawnOn", command.withdrawnOn());
        if (command.withdrawnOn().isBefore(enrolledOn)) {
            throw new RuleViolation("withdrawnOn", "withdrawal cannot precede enrolment on " + enrolledOn);
        }
        apply(new ConsentWithdrawn(patientId.value(), command.withdrawnOn(), command.reason()));
    }

    @CommandHandler
    void handle(CorrectEnrolmentCommand command, MetaData metaData, ClinicalCalendar calendar) {
        PatientAccess.requireVisible(metaData, siteId);
        RecordVersion.require(command.expectedVersion());
        if (enrolledOn == null) {
            throw new StateConflict("patientId", "only recorded enrolment details can be corrected");
        }
        if (command.reason() == null || command.reason().isBlank()) {
            throw new RuleViolation("reason", "a correction needs a reason");
        }
        LocalDate newSurgeryDate = Objects.requireNonNullElse(command.surgeryDate(), surgeryDate);
        ResectionMargin newMargin = Objects.requireNonNullElse(command.margin(), margin);
        String newHistology = Objects.requireNonNullElse(command.histology(), histology);
        if (newSurgeryDate.equals(surgeryDate) && newMargin == margin && newHistology.equals(histology)) {
            throw new RuleViolation("correction", "the correction changes nothing that was recorded");
        }
        // A correction records what really happened, even a protocol deviation; it only has to be possible.
        calendar.requireClinicalDate("surgeryDate", newSurgeryDate);
        if (newSurgeryDate.isAfter(enrolledOn)) {
            throw new RuleViolation("surgeryDate", "surgery must precede enrolment on " + enrolledOn);
        }
        apply(new EnrolmentCorrected(patientId.value(), detailsEventId, newSurgeryDate, newMargin, newHistology,
                command.reason()));
    }

    /** Protocol: the first anlotinib dose falls in a window after surgery, so enrolment must come by its last day. */
    private static void requireSurgeryDateFitsEnrolment(LocalDate surgeryDate, LocalDate enrolmentDate,
                                                        FirstDoseWindow firstDose) {
        if (surgeryDate.isAfter(enrolmentDate)) {
            throw new RuleViolation("surgeryDate", "surgery must precede enrolment on " + enrolmentDate);
        }
        if (surgeryDate.plusDays(firstDose.toStudyDay()).isBefore(enrolmentDate)) {
            throw new RuleViolation("surgeryDate", "enrolment must be within " + firstDose.toStudyDay()
                    + " days of surgery, so that the first anlotinib dose can fall on day "
                    + firstDose.fromStudyDay() + "-" + firstDose.toStudyDay());
        }
    }

    private static List<EligibilityAnswer> checklistAnswers(Map<String, Boolean> given) {
        Map<String, Boolean> remaining = new LinkedHashMap<>(given);
        List<EligibilityAnswer> answers = new ArrayList<>();
        for (EligibilityCriterion criterion : EligibilityCriterion.values()) {
            Boolean met = remaining.remove(criterion.name());
            if (met == null) {
                throw new RuleViolation("answers." + criterion.name(), "every checklist item must be answered");
            }
            answers.add(new EligibilityAnswer(criterion.name(), met));
        }
        if (!remaining.isEmpty()) {
            throw new RuleViolation("answers." + remaining.keySet().iterator().next(),
                    "not an item of the eligibility checklist");
        }
        return answers;
    }

    @EventSourcingHandler
    void on(PatientScreened event) {
        patientId = new PatientId(event.patientId());
        screeningNumber = event.screeningNumber();
        siteId = event.siteId();
        screenedOn = event.screenedOn();
        status = Status.SCREENED;
    }

    @EventSourcingHandler
    void on(EligibilityAssessed event) {
        status = event.eligible() ? Status.ELIGIBLE : Status.INELIGIBLE;
        assessedOn = event.assessedOn();
    }

    @EventSourcingHandler
    void on(PatientEnrolled event, EventMessage<?> message) {
        status = Status.ENROLLED;
        enrolledOn = event.enrolledOn();
        surgeryDate = event.surgeryDate();
        margin = event.margin();
        histology = event.histology();
        detailsEventId = message.getIdentifier();
    }

    @EventSourcingHandler
    void on(ConsentWithdrawn event) {
        status = Status.WITHDRAWN;
    }

    @EventSourcingHandler
    void on(EnrolmentCorrected event, EventMessage<?> message) {
        surgeryDate = event.surgeryDate();
        margin = event.margin();
        histology = event.histology();
        detailsEventId = message.getIdentifier();
    }
}
