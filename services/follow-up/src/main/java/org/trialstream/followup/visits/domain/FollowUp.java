package org.trialstream.followup.visits.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.trialstream.followup.visits.api.FollowUpCommands.CorrectAssessment;
import org.trialstream.followup.visits.api.FollowUpCommands.Findings;
import org.trialstream.followup.visits.api.FollowUpCommands.RecordAssessment;
import org.trialstream.followup.visits.api.FollowUpCommands.RecordContact;
import org.trialstream.followup.visits.api.FollowUpCommands.RecordDeath;
import org.trialstream.followup.visits.api.FollowUpCommands.RecordLoss;
import org.trialstream.followup.visits.api.FollowUpCommands.Reschedule;
import org.trialstream.followup.visits.api.FollowUpCommands.ScheduleFollowUp;
import org.trialstream.followup.visits.api.FollowUpCommands.StopFollowUp;
import org.trialstream.kernel.contract.followup.AliveContactRecorded;
import org.trialstream.kernel.contract.followup.AssessmentCorrected;
import org.trialstream.kernel.contract.followup.AssessmentOutsideWindow;
import org.trialstream.kernel.contract.followup.DeathRecorded;
import org.trialstream.kernel.contract.followup.FollowUpStopped;
import org.trialstream.kernel.contract.followup.ImagingAssessed;
import org.trialstream.kernel.contract.followup.LostToFollowUp;
import org.trialstream.kernel.contract.followup.PlannedVisit;
import org.trialstream.kernel.contract.followup.VisitsScheduled;
import org.trialstream.kernel.patient.PatientId;
import org.trialstream.platform.domain.ClinicalCalendar;
import org.trialstream.platform.domain.PatientAccess;
import org.trialstream.platform.domain.RecordVersion;
import org.trialstream.platform.domain.RuleViolation;
import org.trialstream.platform.domain.StateConflict;
import org.trialstream.protocol.definition.Protocol;

/**
 * One enrolled patient's follow-up: the visit schedule counted from surgery, the disease assessments, contacts,
 * death and loss to follow-up. Every date is a clinical date: not in the future, not before surgery, nothing clinical
 * after death. A recurrence or metastasis once recorded stays recorded unless the assessment is corrected.
 */
@Aggregate
public class FollowUp {

    @AggregateIdentifier
    private PatientId patientId;
    private String siteId;
    private LocalDate surgeryDate;
    private List<PlannedVisit> visits = List.of();
    /** The standing version of each assessment, by the id of the event that recorded or last corrected it. */
    private final Map<String, Findings> assessments = new LinkedHashMap<>();
    private final List<LocalDate> contacts = new ArrayList<>();
    private LocalDate stoppedOn;
    private LocalDate diedOn;
    private LocalDate lostOn;
    private String lastAssessmentEventId;

    protected FollowUp() {
    }

    @CommandHandler
    public FollowUp(ScheduleFollowUp command, Protocol protocol) {
        apply(new VisitsScheduled(command.patientId().value(), command.siteId(), command.surgeryDate(),
                schedule(protocol, command.surgeryDate())));
    }

    @CommandHandler
    void handle(Reschedule command, Protocol protocol) {
        if (command.surgeryDate().equals(surgeryDate) || stoppedOn != null || diedOn != null) {
            return;
        }
        apply(new VisitsScheduled(patientId.value(), siteId, command.surgeryDate(),
                schedule(protocol, command.surgeryDate())));
    }

    @CommandHandler
    void handle(StopFollowUp command) {
        if (stoppedOn == null) {
            apply(new FollowUpStopped(patientId.value(), command.on(), command.reason()));
        }
    }

    @CommandHandler
    void handle(RecordAssessment command, MetaData metaData, ClinicalCalendar calendar) {
        PatientAccess.requireVisible(metaData, siteId);
        RecordVersion.require(command.expectedVersion());
        Findings findings = command.findings();
        requireRecordable(findings, calendar);
        requireNotUndone(findings, "localRecurrence", "a local recurrence", Findings::localRecurrence);
        requireNotUndone(findings, "distantMetastasis", "distant metastasis", Findings::distantMetastasis);
        apply(new ImagingAssessed(patientId.value(), findings.assessedOn(), findings.modality(),
                findings.localRecurrence(), findings.distantMetastasis(), findings.metastasisSites(),
                findings.visit()));
        flagOutsideWindow(lastAssessmentEventId, findings);
    }

    @CommandHandler
    void handle(CorrectAssessment command, MetaData metaData, ClinicalCalendar calendar) {
        PatientAccess.requireVisible(metaData, siteId);
        RecordVersion.require(command.expectedVersion());
        Findings corrected = assessments.get(command.correctedEventId());
        if (corrected == null) {
            throw new RuleViolation("correctedEventId",
                    "names no standing assessment of this patient (a corrected one is replaced by its correction)");
        }
        Findings findings = command.findings();
        if (findings.equals(corrected)) {
            throw new RuleViolation("correction", "the correction changes nothing that was recorded");
        }
        requireRecordable(findings, calendar);
        apply(new AssessmentCorrected(patientId.value(), command.correctedEventId(), findings.assessedOn(),
                findings.modality(), findings.localRecurrence(), findings.distantMetastasis(),
                findings.metastasisSites(), findings.visit(), command.reason()));
        flagOutsideWindow(lastAssessmentEventId, findings);
    }

    @CommandHandler
    void handle(RecordContact command, MetaData metaData, ClinicalCalendar calendar) {
        PatientAccess.requireVisible(metaData, siteId);
        RecordVersion.require(command.expectedVersion());
        requireClinicalDate("on", command.on(), calendar);
        apply(new AliveContactRecorded(patientId.value(), command.on()));
    }

    @CommandHandler
    void handle(RecordDeath command, MetaData metaData, ClinicalCalendar calendar) {
        PatientAccess.requireVisible(metaData, siteId);
        RecordVersion.require(command.expectedVersion());
        if (diedOn != null) {
            throw new StateConflict("patientId", "a death was already recorded, on " + diedOn);
        }
        requireClinicalDate("diedOn", command.diedOn(), calendar);
        latestAliveDate().filter(alive -> alive.isAfter(command.diedOn())).ifPresent(alive -> {
            throw new RuleViolation("diedOn", "the patient is recorded alive on " + alive + ", after this date");
        });
        apply(new DeathRecorded(patientId.value(), command.diedOn(), command.cause()));
    }

    @CommandHandler
    void handle(RecordLoss command, MetaData metaData, ClinicalCalendar calendar) {
        PatientAccess.requireVisible(metaData, siteId);
        RecordVersion.require(command.expectedVersion());
        if (diedOn != null) {
            throw new StateConflict("patientId", "the patient died on " + diedOn + " and cannot be lost to follow-up");
        }
        if (lostOn != null) {
            throw new StateConflict("patientId", "the patient was already recorded lost to follow-up");
        }
        requireClinicalDate("lastKnownAliveOn", command.lastKnownAliveOn(), calendar);
        latestAliveDate().filter(alive -> alive.isAfter(command.lastKnownAliveOn())).ifPresent(alive -> {
            throw new RuleViolation("lastKnownAliveOn", "the patient is recorded alive on " + alive
                    + ", after this date");
        });
        apply(new LostToFollowUp(patientId.value(), command.lastKnownAliveOn(), command.reason()));
    }

    /** An assessment's date, sites and visit must hold, whether it is new or a correction. */
    private void requireRecordable(Findings findings, ClinicalCalendar calendar) {
        requireClinicalDate("assessedOn", findings.assessedOn(), calendar);
        if (stoppedOn != null && findings.assessedOn().isAfter(stoppedOn)) {
            throw new RuleViolation("assessedOn", "follow-up stopped on " + stoppedOn
                    + " (consent withdrawn): no assessment after it");
        }
        if (findings.distantMetastasis() && findings.metastasisSites().isEmpty()) {
            throw new RuleViolation("metastasisSites", "name where the distant metastasis is");
        }
        if (!findings.distantMetastasis() && !findings.metastasisSites().isEmpty()) {
            throw new RuleViolation("metastasisSites", "sites are given only with distant metastasis");
        }
        if (findings.visit() != null && visit(findings.visit()).isEmpty()) {
            throw new RuleViolation("visit", "the schedule has visits 1-" + visits.size() + ", not "
                    + findings.visit());
        }
    }

    /** Not in the future, not before the protocol's floor or surgery, and never after death. */
    private void requireClinicalDate(String field, LocalDate date, ClinicalCalendar calendar) {
        calendar.requireClinicalDate(field, date);
        if (date.isBefore(surgeryDate)) {
            throw new RuleViolation(field, "follow-up starts at surgery on " + surgeryDate);
        }
        if (diedOn != null && date.isAfter(diedOn)) {
            throw new RuleViolation(field, "the patient died on " + diedOn + "; nothing clinical is dated after it");
        }
    }

    /** Once found, a recurrence (or metastasis) cannot be silently absent from a later assessment. */
    private void requireNotUndone(Findings findings, String field, String what, Predicate<Findings> present) {
        if (present.test(findings)) {
            return;
        }
        assessments.values().stream()
                .filter(present)
                .map(Findings::assessedOn)
                .filter(found -> !found.isAfter(findings.assessedOn()))
                .min(LocalDate::compareTo)
                .ifPresent(found -> {
                    throw new RuleViolation(field, what + " was recorded on " + found
                            + "; a later assessment cannot undo it: correct that assessment, with a reason");
                });
    }

    private void flagOutsideWindow(String assessmentEventId, Findings findings) {
        if (findings.visit() == null) {
            return;
        }
        PlannedVisit visit = visit(findings.visit()).orElseThrow();
        if (findings.assessedOn().isBefore(visit.windowFrom()) || findings.assessedOn().isAfter(visit.windowTo())) {
            apply(new AssessmentOutsideWindow(patientId.value(), assessmentEventId, visit.visit(),
                    findings.assessedOn(), visit.windowFrom(), visit.windowTo()));
        }
    }

    private Optional<PlannedVisit> visit(int number) {
        return visits.stream().filter(visit -> visit.visit() == number).findFirst();
    }

    private Optional<LocalDate> latestAliveDate() {
        List<LocalDate> dates = new ArrayList<>(contacts);
        assessments.values().forEach(findings -> dates.add(findings.assessedOn()));
        return dates.stream().max(LocalDate::compareTo);
    }

    private static List<PlannedVisit> schedule(Protocol protocol, LocalDate surgeryDate) {
        return protocol.followUpVisitsDue(surgeryDate).stream()
                .map(visit -> new PlannedVisit(visit.number(), visit.month(), visit.due(), visit.earliest(),
                        visit.latest()))
                .toList();
    }

    @EventSourcingHandler
    void on(VisitsScheduled event) {
        patientId = new PatientId(event.patientId());
        siteId = event.siteId();
        surgeryDate = event.surgeryDate();
        visits = event.visits();
    }

    @EventSourcingHandler
    void on(FollowUpStopped event) {
        stoppedOn = event.on();
    }

    @EventSourcingHandler
    void on(ImagingAssessed event, EventMessage<?> message) {
        lastAssessmentEventId = message.getIdentifier();
        assessments.put(lastAssessmentEventId, new Findings(event.assessedOn(), event.modality(),
                event.localRecurrence(), event.distantMetastasis(), event.metastasisSites(), event.visit()));
    }

    @EventSourcingHandler
    void on(AssessmentCorrected event, EventMessage<?> message) {
        lastAssessmentEventId = message.getIdentifier();
        assessments.remove(event.correctedEventId());
        assessments.put(lastAssessmentEventId, new Findings(event.assessedOn(), event.modality(),
                event.localRecurrence(), event.distantMetastasis(), event.metastasisSites(), event.visit()));
    }

    @EventSourcingHandler
    void on(AliveContactRecorded event) {
        contacts.add(event.on());
    }

    @EventSourcingHandler
    void on(DeathRecorded event) {
        diedOn = event.diedOn();
    }

    @EventSourcingHandler
    void on(LostToFollowUp event) {
        lostOn = event.lastKnownAliveOn();
    }
}
