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
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;
import org.trialstream.enrolment.domain.ClinicalCalendar;
import org.trialstream.enrolment.domain.RuleViolation;
import org.trialstream.enrolment.domain.StateConflict;
import org.trialstream.enrolment.patient.api.AssessEligibilityCommand;
import org.trialstream.enrolment.patient.api.CorrectEnrolmentCommand;
import org.trialstream.enrolment.patient.api.EnrolPatientCommand;
import org.trialstream.enrolment.patient.api.ScreenPatientCommand;
import org.trialstream.enrolment.patient.api.WithdrawConsentCommand;
import org.trialstream.kernel.audit.AuditMetadata;
import org.trialstream.kernel.contract.enrolment.ConsentWithdrawn;
import org.trialstream.kernel.contract.enrolment.EligibilityAnswer;
import org.trialstream.kernel.contract.enrolment.EligibilityAssessed;
import org.trialstream.kernel.contract.enrolment.EnrolmentCorrected;
import org.trialstream.kernel.contract.enrolment.PatientEnrolled;
import org.trialstream.kernel.contract.enrolment.PatientScreened;
import org.trialstream.kernel.patient.PatientId;
import org.trialstream.kernel.patient.ResectionMargin;
import org.trialstream.kernel.security.Role;
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
        requireNotAfterToday("screenedOn", command.screenedOn(), calendar);
        register.registerScreening(command.patientId(), command.screeningNumber());
        apply(new PatientScreened(command.patientId().value(), command.screeningNumber(),
                command.siteId().value(), command.screenedOn()));
    }

    @CommandHandler
    void handle(AssessEligibilityCommand command, MetaData metaData, ClinicalCalendar calendar) {
        requireVisibleTo(metaData);
        requireVersion(command.expectedVersion());
        if (status == Status.ENROLLED || status == Status.WITHDRAWN) {
            throw new StateConflict("patientId", "eligibility cannot be reassessed after enrolment");
        }
        requireNotAfterToday("assessedOn", command.assessedOn(), calendar);
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
        requireVisibleTo(metaData);
        requireVersion(command.expectedVersion());
        switch (status) {
            case SCREENED -> throw new RuleViolation("eligibility", "eligibility has not been assessed");
            case INELIGIBLE -> throw new RuleViolation("eligibility",
                    "the patient did not meet the eligibility criteria");
            case ENROLLED, WITHDRAWN -> throw new StateConflict("patientId", "the patient is already enrolled");
            case ELIGIBLE -> { }
        }
        LocalDate today = calendar.today();
        requireSurgeryDateFitsEnrolment(command.surgeryDate(), today, protocol.anlotinib().firstDose());
        int place = register.takePlace(patientId);
        apply(new PatientEnrolled(patientId.value(), place, screeningNumber, siteId, today,
                command.surgeryDate(), command.margin(), command.histology()));
    }

    @CommandHandler
    void handle(WithdrawConsentCommand command, MetaData metaData, ClinicalCalendar calendar) {
        requireVisibleTo(metaData);
        requireVersion(command.expectedVersion());
        if (status == Status.WITHDRAWN) {
            throw new StateConflict("patientId", "consent was already withdrawn");
        }
        if (status != Status.ENROLLED) {
            throw new StateConflict("patientId", "only an enrolled patient can withdraw consent");
        }
        requireNotAfterToday("withdrawnOn", command.withdrawnOn(), calendar);
        if (command.withdrawnOn().isBefore(enrolledOn)) {
            throw new RuleViolation("withdrawnOn", "withdrawal cannot precede enrolment on " + enrolledOn);
        }
        apply(new ConsentWithdrawn(patientId.value(), command.withdrawnOn(), command.reason()));
    }

    @CommandHandler
    void handle(CorrectEnrolmentCommand command, MetaData metaData) {
        requireVisibleTo(metaData);
        requireVersion(command.expectedVersion());
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
        if (newSurgeryDate.isAfter(enrolledOn)) {
            throw new RuleViolation("surgeryDate", "surgery must precede enrolment on " + enrolledOn);
        }
        apply(new EnrolmentCorrected(patientId.value(), detailsEventId, newSurgeryDate, newMargin, newHistology,
                command.reason()));
    }

    /** Site staff see only their own site's patients; another site's patient is, for them, no patient at all. */
    private void requireVisibleTo(MetaData metaData) {
        Object role = metaData.get(AuditMetadata.ACTOR_ROLE);
        Object actorSite = metaData.get(AuditMetadata.ACTOR_SITE);
        boolean visible = Role.named(role == null ? null : role.toString())
                .map(acting -> acting.maySee(actorSite == null ? null : actorSite.toString(), siteId))
                .orElse(true);
        if (!visible) {
            throw new PatientNotFound();
        }
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

    /**
     * Optimistic concurrency for {@code If-Match}: checked only after the site check, so that staff of another site
     * cannot learn from a version conflict that the patient exists.
     */
    private static void requireVersion(Long expected) {
        Long actual = AggregateLifecycle.getVersion();
        if (expected != null && !expected.equals(actual)) {
            throw new StateConflict("If-Match", "the record is at version " + actual + ", not " + expected
                    + "; reload it and try again");
        }
    }

    private static void requireNotAfterToday(String field, LocalDate date, ClinicalCalendar calendar) {
        if (date.isAfter(calendar.today())) {
            throw new RuleViolation(field, "the date cannot be in the future");
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
