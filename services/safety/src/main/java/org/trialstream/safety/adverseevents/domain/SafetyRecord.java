package org.trialstream.safety.adverseevents.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.trialstream.kernel.contract.safety.AdverseEventCorrected;
import org.trialstream.kernel.contract.safety.AdverseEventDescription;
import org.trialstream.kernel.contract.safety.AdverseEventGradeChanged;
import org.trialstream.kernel.contract.safety.AdverseEventOutcome;
import org.trialstream.kernel.contract.safety.AdverseEventReported;
import org.trialstream.kernel.contract.safety.Attribution;
import org.trialstream.kernel.contract.safety.AdverseEventResolved;
import org.trialstream.kernel.contract.safety.DoseDecisionWarranted;
import org.trialstream.kernel.contract.safety.ExpeditedReportKind;
import org.trialstream.kernel.contract.safety.ExpeditedReportOverdue;
import org.trialstream.kernel.contract.safety.ExpeditedReportSubmitted;
import org.trialstream.kernel.contract.safety.ReportDeadline;
import org.trialstream.kernel.contract.safety.SeriousAdverseEventReported;
import org.trialstream.kernel.contract.safety.SeriousnessCriterion;
import org.trialstream.kernel.contract.safety.TreatmentEmergenceRejudged;
import org.trialstream.kernel.patient.PatientId;
import org.trialstream.platform.domain.ClinicalCalendar;
import org.trialstream.platform.domain.NotFound;
import org.trialstream.platform.domain.PatientAccess;
import org.trialstream.platform.domain.RecordVersion;
import org.trialstream.platform.domain.RuleViolation;
import org.trialstream.platform.domain.StateConflict;
import org.trialstream.protocol.ctcae.CtcaeDictionary;
import org.trialstream.protocol.definition.Protocol;
import org.trialstream.protocol.definition.SafetyRules;
import org.trialstream.safety.adverseevents.api.SafetyCommands.ChangeGrade;
import org.trialstream.safety.adverseevents.api.SafetyCommands.CorrectAdverseEvent;
import org.trialstream.safety.adverseevents.api.SafetyCommands.CorrectSurgeryDate;
import org.trialstream.safety.adverseevents.api.SafetyCommands.Description;
import org.trialstream.safety.adverseevents.api.SafetyCommands.OpenSafetyRecord;
import org.trialstream.safety.adverseevents.api.SafetyCommands.RecordTreatmentGiven;
import org.trialstream.safety.adverseevents.api.SafetyCommands.ReportAdverseEvent;
import org.trialstream.safety.adverseevents.api.SafetyCommands.ReportSeriousness;
import org.trialstream.safety.adverseevents.api.SafetyCommands.ResolveAdverseEvent;
import org.trialstream.safety.adverseevents.api.SafetyCommands.SubmitReport;
import org.trialstream.safety.adverseevents.api.SafetyCommands.Treatment;
import org.trialstream.safety.adverseevents.domain.SafetyRecordEvents.ReportDue;
import org.trialstream.safety.adverseevents.domain.SafetyRecordEvents.SafetyRecordOpened;
import org.trialstream.safety.adverseevents.domain.SafetyRecordEvents.StudyTreatmentGiven;
import org.trialstream.safety.adverseevents.domain.SafetyRecordEvents.SurgeryDateCorrected;

/**
 * One enrolled patient's adverse events. The patient, not the event, is the boundary because treatment emergence is
 * judged against the patient's first study treatment and re-judged for every event when it becomes known. Every
 * rule's number comes from the protocol file; every grade is checked against CTCAE v5.0.
 * <p>
 * Serious events start report clocks. Each due report is a persistent deadline (Axon's deadline manager on the
 * service's database), so it survives restarts; it fires once the due day has passed in the site's time zone and
 * raises {@link ExpeditedReportOverdue} unless a report of its kind was submitted. A submitted report does not cancel
 * its deadline (cancelling by name scans every scheduled deadline); the deadline finds the report and does nothing.
 */
@Aggregate
public class SafetyRecord {

    static final String REPORT_DEADLINE = "expedited-report";

    /**
     * The patient id as text: a persistent deadline stores its aggregate's identifier, and a plain string survives
     * that round trip where a value object does not.
     */
    @AggregateIdentifier
    private String recordId;
    private PatientId patientId;
    private String siteId;
    private String screeningNumber;
    private LocalDate surgeryDate;
    private final Map<Treatment, LocalDate> treatmentStarts = new EnumMap<>(Treatment.class);
    private final Map<UUID, AdverseEvent> events = new LinkedHashMap<>();

    protected SafetyRecord() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(OpenSafetyRecord command) {
        if (siteId == null) {
            apply(new SafetyRecordOpened(command.patientId().value(), command.siteId(), command.screeningNumber(),
                    command.surgeryDate()));
        }
    }

    @CommandHandler
    void handle(CorrectSurgeryDate command) {
        if (!command.surgeryDate().equals(surgeryDate)) {
            apply(new SurgeryDateCorrected(patientId.value(), command.surgeryDate()));
        }
    }

    /** Dosing's and radiotherapy's facts may arrive before enrolment's: the record then starts with them. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordTreatmentGiven command) {
        LocalDate firstBefore = firstTreatmentOn();
        LocalDate known = treatmentStarts.get(command.treatment());
        if (known != null && !command.on().isBefore(known)) {
            return;
        }
        apply(new StudyTreatmentGiven(command.patientId().value(), command.treatment(), command.on()));
        LocalDate first = firstTreatmentOn();
        if (first.equals(firstBefore)) {
            return;
        }
        events.values().forEach(event -> {
            boolean emergent = isTreatmentEmergent(event.description.onsetOn());
            if (emergent != event.treatmentEmergent) {
                apply(new TreatmentEmergenceRejudged(patientId.value(), event.id, emergent, first));
            }
        });
    }

    @CommandHandler
    void handle(ReportAdverseEvent command, MetaData metaData, ClinicalCalendar calendar, CtcaeDictionary ctcae,
                Protocol protocol, DeadlineManager deadlines) {
        requireOpenFor(metaData, command.expectedVersion());
        if (events.containsKey(command.adverseEventId())) {
            throw new StateConflict("adverseEventId", "an adverse event with this id is already reported");
        }
        AdverseEventDescription description = describe(command.description(), calendar, ctcae, protocol);
        apply(new AdverseEventReported(patientId.value(), command.adverseEventId(), siteId, screeningNumber,
                description, isTreatmentEmergent(description.onsetOn())));
        AdverseEvent event = events.get(command.adverseEventId());
        warnIfDoseDecisionRequired(event, false, 0, description.onsetOn(), protocol.safety());
        reportIfSerious(event, Set.of(), event.criteria, 0, description.awareOn(), protocol.safety(), calendar,
                deadlines);
    }

    @CommandHandler
    void handle(ChangeGrade command, MetaData metaData, ClinicalCalendar calendar, CtcaeDictionary ctcae,
                Protocol protocol, DeadlineManager deadlines) {
        requireOpenFor(metaData, command.expectedVersion());
        AdverseEvent event = ongoing(command.adverseEventId());
        if (command.grade() == event.grade) {
            throw new RuleViolation("grade", "the event is already grade " + command.grade());
        }
        AdverseEventGrading.requireGrade(ctcae.findByTerm(event.description.term()).orElseThrow(), command.grade());
        requireEventDate("on", command.on(), event, calendar);
        boolean decisionBefore = requiresDoseDecision(event, protocol.safety());
        int worstBefore = event.worstGrade;
        Set<SeriousnessCriterion> criteriaBefore = Set.copyOf(event.criteria);
        apply(new AdverseEventGradeChanged(patientId.value(), event.id, command.grade(),
                Math.max(worstBefore, command.grade()), command.on(), command.reason()));
        Set<SeriousnessCriterion> criteria = EnumSet.noneOf(SeriousnessCriterion.class);
        criteria.addAll(criteriaBefore);
        if (command.grade() == AdverseEventGrading.DEATH_GRADE) {
            criteria.add(SeriousnessCriterion.DEATH);
        }
        warnIfDoseDecisionRequired(event, decisionBefore, worstBefore, command.on(), protocol.safety());
        reportIfSerious(event, criteriaBefore, criteria, worstBefore, command.on(), protocol.safety(), calendar,
                deadlines);
    }

    @CommandHandler
    void handle(ReportSeriousness command, MetaData metaData, ClinicalCalendar calendar, Protocol protocol,
                DeadlineManager deadlines) {
        requireOpenFor(metaData, command.expectedVersion());
        AdverseEvent event = reported(command.adverseEventId());
        if (command.criteria() == null || command.criteria().isEmpty()) {
            throw new RuleViolation("criteria", "name at least one ICH E2A seriousness criterion");
        }
        AdverseEventGrading.requireDeathOnlyAtGradeFive(command.criteria(), event.grade);
        requireEventDate("awareOn", command.awareOn(), event, calendar);
        if (event.criteria.containsAll(command.criteria())) {
            throw new RuleViolation("criteria", "the event is already serious by " + event.criteria);
        }
        Set<SeriousnessCriterion> criteria = EnumSet.noneOf(SeriousnessCriterion.class);
        criteria.addAll(event.criteria);
        criteria.addAll(command.criteria());
        reportIfSerious(event, Set.copyOf(event.criteria), criteria, event.worstGrade, command.awareOn(),
                protocol.safety(), calendar, deadlines);
    }

    @CommandHandler
    void handle(ResolveAdverseEvent command, MetaData metaData, ClinicalCalendar calendar) {
        requireOpenFor(metaData, command.expectedVersion());
        AdverseEvent event = ongoing(command.adverseEventId());
        requireEventDate("resolvedOn", command.resolvedOn(), event, calendar);
        AdverseEventOutcome outcome = command.outcome();
        if (outcome != AdverseEventOutcome.RECOVERED && outcome != AdverseEventOutcome.RECOVERED_WITH_SEQUELAE
                && outcome != AdverseEventOutcome.FATAL) {
            throw new RuleViolation("outcome", "an event ends recovered, recovered with sequelae or fatal");
        }
        AdverseEventGrading.requireFatalOnlyAtGradeFive(outcome, event.grade);
        apply(new AdverseEventResolved(patientId.value(), event.id, command.resolvedOn(), outcome));
    }

    @CommandHandler
    void handle(CorrectAdverseEvent command, MetaData metaData, ClinicalCalendar calendar, CtcaeDictionary ctcae,
                Protocol protocol, DeadlineManager deadlines) {
        requireOpenFor(metaData, command.expectedVersion());
        AdverseEvent event = reported(command.adverseEventId());
        AdverseEventDescription corrected = describe(command.description(), calendar, ctcae, protocol);
        if (!event.changes.isEmpty() && corrected.grade() != event.description.grade()) {
            throw new RuleViolation("grade", "the grade has changed since the report: correct the reported grade "
                    + "only while it stands, and record later grades as changes");
        }
        if (corrected.equals(event.description)) {
            throw new RuleViolation("description", "the correction changes nothing that was recorded");
        }
        if (!corrected.seriousness().containsAll(event.criteria)) {
            throw new RuleViolation("seriousness", "a reported seriousness (" + event.criteria
                    + ") is not withdrawn by correction: send the sponsor a follow-up report saying why");
        }
        event.changes.stream().map(GradeChange::on).filter(on -> on.isBefore(corrected.onsetOn())).findFirst()
                .ifPresent(on -> {
                    throw new RuleViolation("onsetOn", "the grade changed on " + on + ", before this onset");
                });
        boolean decisionBefore = requiresDoseDecision(event, protocol.safety());
        int worstBefore = event.worstGrade;
        Set<SeriousnessCriterion> criteriaBefore = Set.copyOf(event.criteria);
        apply(new AdverseEventCorrected(patientId.value(), event.id, corrected,
                isTreatmentEmergent(corrected.onsetOn()), command.reason()));
        warnIfDoseDecisionRequired(event, decisionBefore, worstBefore, corrected.onsetOn(), protocol.safety());
        reportIfSerious(event, criteriaBefore, event.criteria, worstBefore, corrected.awareOn(), protocol.safety(),
                calendar, deadlines);
    }

    @CommandHandler
    void handle(SubmitReport command, MetaData metaData, ClinicalCalendar calendar) {
        requireOpenFor(metaData, command.expectedVersion());
        AdverseEvent event = reported(command.adverseEventId());
        if (event.criteria.isEmpty()) {
            throw new RuleViolation("kind", "reports to the sponsor are for serious adverse events; this one is not");
        }
        calendar.requireClinicalDate("submittedOn", command.submittedOn());
        if (command.submittedOn().isBefore(event.description.awareOn())) {
            throw new RuleViolation("submittedOn", "the site became aware of the event on "
                    + event.description.awareOn() + ", after this date");
        }
        ExpeditedReportKind kind = command.kind();
        LocalDate submitted = event.submitted.get(kind);
        if (submitted != null && kind != ExpeditedReportKind.FOLLOW_UP) {
            throw new StateConflict("kind", "the " + kind.name().toLowerCase() + " report was submitted on "
                    + submitted + "; send further information as a follow-up report");
        }
        LocalDate dueOn = event.due.get(kind);
        apply(new ExpeditedReportSubmitted(patientId.value(), event.id, kind, command.submittedOn(),
                command.recipient(), dueOn, dueOn == null || !command.submittedOn().isAfter(dueOn)));
    }

    @DeadlineHandler(deadlineName = REPORT_DEADLINE)
    void on(ReportDue due) {
        AdverseEvent event = events.get(due.adverseEventId());
        if (event == null || event.submitted.containsKey(due.kind()) || event.overdue.contains(due.kind())) {
            return;
        }
        apply(new ExpeditedReportOverdue(patientId.value(), event.id, siteId, screeningNumber,
                event.description.term(), due.kind(), due.dueOn()));
    }

    // ---- rules ----

    private void requireOpenFor(MetaData metaData, Long expectedVersion) {
        if (siteId == null) {
            throw NotFound.patient();
        }
        PatientAccess.requireVisible(metaData, siteId);
        RecordVersion.require(expectedVersion);
    }

    private AdverseEvent reported(UUID adverseEventId) {
        AdverseEvent event = events.get(adverseEventId);
        if (event == null) {
            throw new NotFound("adverseEventId", "no adverse event " + adverseEventId + " of this patient");
        }
        return event;
    }

    private AdverseEvent ongoing(UUID adverseEventId) {
        AdverseEvent event = reported(adverseEventId);
        if (event.resolvedOn != null) {
            throw new StateConflict("adverseEventId", "the event was resolved on " + event.resolvedOn
                    + "; a recurrence is a new adverse event");
        }
        return event;
    }

    private AdverseEventDescription describe(Description draft, ClinicalCalendar calendar, CtcaeDictionary ctcae,
                                             Protocol protocol) {
        return AdverseEventGrading.describe(draft, calendar, ctcae, protocol.safety(), surgeryDate);
    }

    /** A date in the event's course: a clinical date, not before its onset. */
    private static void requireEventDate(String field, LocalDate date, AdverseEvent event,
                                         ClinicalCalendar calendar) {
        calendar.requireClinicalDate(field, date);
        if (date.isBefore(event.description.onsetOn())) {
            throw new RuleViolation(field, "the event began on " + event.description.onsetOn() + ", after this date");
        }
    }

    private LocalDate firstTreatmentOn() {
        return treatmentStarts.values().stream().min(LocalDate::compareTo).orElse(null);
    }

    /** Onset on or after the first study treatment: the first anlotinib dose or the first radiotherapy fraction. */
    private boolean isTreatmentEmergent(LocalDate onsetOn) {
        LocalDate first = firstTreatmentOn();
        return first != null && !onsetOn.isBefore(first);
    }

    private static boolean requiresDoseDecision(AdverseEvent event, SafetyRules rules) {
        return rules.requiresDoseDecision(event.grade, event.description.attribution().anlotinib(),
                event.description.intolerable());
    }

    /** Dosing decides when an event first meets the dose-modification rule, and again whenever it worsens. */
    private void warnIfDoseDecisionRequired(AdverseEvent event, boolean before, int worstBefore, LocalDate on,
                                            SafetyRules rules) {
        if (requiresDoseDecision(event, rules) && (!before || event.worstGrade > worstBefore)) {
            apply(new DoseDecisionWarranted(patientId.value(), event.id, siteId, event.description.term(),
                    event.grade, event.description.intolerable(), on));
        }
    }

    /**
     * An event that became serious, or a serious one that got worse (a worse grade, another criterion) or now needs
     * another report (a correction made it a SUSAR), is an SAE fact. The reports it now requires are counted from
     * {@code awareOn}; a report already due keeps its date.
     */
    private void reportIfSerious(AdverseEvent event, Set<SeriousnessCriterion> criteriaBefore,
                                 Set<SeriousnessCriterion> criteria, int worstBefore, LocalDate awareOn,
                                 SafetyRules rules, ClinicalCalendar calendar, DeadlineManager deadlines) {
        if (criteria.isEmpty()) {
            return;
        }
        Attribution attribution = event.description.attribution();
        boolean susar = !event.description.expected()
                && (rules.isRelated(attribution.anlotinib()) || rules.isRelated(attribution.radiotherapy()));
        boolean fatalOrLifeThreatening = criteria.contains(SeriousnessCriterion.DEATH)
                || criteria.contains(SeriousnessCriterion.LIFE_THREATENING);
        List<ReportDeadline> fresh = rules.reportsDue(awareOn, susar, fatalOrLifeThreatening).stream()
                .filter(deadline -> !event.due.containsKey(deadline.kind()))
                .toList();
        boolean upgrade = !criteriaBefore.isEmpty();
        if (upgrade && event.worstGrade <= worstBefore && criteriaBefore.containsAll(criteria) && fresh.isEmpty()) {
            return;
        }
        List<ReportDeadline> open = new ArrayList<>();
        event.due.forEach((kind, dueOn) -> {
            if (!event.submitted.containsKey(kind)) {
                open.add(new ReportDeadline(kind, dueOn));
            }
        });
        open.addAll(fresh);
        apply(new SeriousAdverseEventReported(patientId.value(), event.id, siteId, screeningNumber,
                event.description.term(), event.description.meddraCode(), event.grade, List.copyOf(criteria),
                awareOn, event.description.expected(), attribution, susar, open, upgrade));
        for (ReportDeadline deadline : fresh) {
            deadlines.schedule(overdueFrom(deadline.dueOn(), calendar), REPORT_DEADLINE,
                    new ReportDue(event.id, deadline.kind(), deadline.dueOn()));
        }
    }

    /** A report is on time through its due day in the site's time zone: it is overdue from the next midnight. */
    static Instant overdueFrom(LocalDate dueOn, ClinicalCalendar calendar) {
        return dueOn.plusDays(1).atStartOfDay(calendar.zone()).toInstant();
    }

    // ---- state ----

    @EventSourcingHandler
    void on(SafetyRecordOpened event) {
        recordId = event.patientId().toString();
        patientId = new PatientId(event.patientId());
        siteId = event.siteId();
        screeningNumber = event.screeningNumber();
        surgeryDate = event.surgeryDate();
    }

    @EventSourcingHandler
    void on(SurgeryDateCorrected event) {
        surgeryDate = event.surgeryDate();
    }

    @EventSourcingHandler
    void on(StudyTreatmentGiven event) {
        recordId = event.patientId().toString();
        patientId = new PatientId(event.patientId());
        treatmentStarts.put(event.treatment(), event.on());
    }

    @EventSourcingHandler
    void on(AdverseEventReported event) {
        events.put(event.adverseEventId(), new AdverseEvent(event.adverseEventId(), event.description(),
                event.treatmentEmergent()));
    }

    @EventSourcingHandler
    void on(AdverseEventGradeChanged event) {
        events.get(event.adverseEventId()).changeGrade(event.grade(), event.on());
    }

    @EventSourcingHandler
    void on(AdverseEventCorrected event) {
        events.get(event.adverseEventId()).correct(event.description(), event.treatmentEmergent());
    }

    @EventSourcingHandler
    void on(TreatmentEmergenceRejudged event) {
        events.get(event.adverseEventId()).treatmentEmergent = event.treatmentEmergent();
    }

    @EventSourcingHandler
    void on(AdverseEventResolved event) {
        events.get(event.adverseEventId()).resolvedOn = event.resolvedOn();
    }

    @EventSourcingHandler
    void on(SeriousAdverseEventReported event) {
        AdverseEvent adverseEvent = events.get(event.adverseEventId());
        adverseEvent.criteria.addAll(event.criteria());
        event.deadlines().forEach(deadline -> adverseEvent.due.putIfAbsent(deadline.kind(), deadline.dueOn()));
    }

    @EventSourcingHandler
    void on(ExpeditedReportSubmitted event) {
        events.get(event.adverseEventId()).submitted.putIfAbsent(event.kind(), event.submittedOn());
    }

    @EventSourcingHandler
    void on(ExpeditedReportOverdue event) {
        events.get(event.adverseEventId()).overdue.add(event.kind());
    }

    private record GradeChange(int grade, LocalDate on) {
    }

    /** One adverse event as it stands: its description, grades, seriousness and reports. */
    private static final class AdverseEvent {

        private final UUID id;
        private AdverseEventDescription description;
        private final List<GradeChange> changes = new ArrayList<>();
        private int grade;
        private int worstGrade;
        private boolean treatmentEmergent;
        private LocalDate resolvedOn;
        private final Set<SeriousnessCriterion> criteria = EnumSet.noneOf(SeriousnessCriterion.class);
        private final Map<ExpeditedReportKind, LocalDate> due = new EnumMap<>(ExpeditedReportKind.class);
        private final Map<ExpeditedReportKind, LocalDate> submitted = new EnumMap<>(ExpeditedReportKind.class);
        private final Set<ExpeditedReportKind> overdue = EnumSet.noneOf(ExpeditedReportKind.class);

        AdverseEvent(UUID id, AdverseEventDescription description, boolean treatmentEmergent) {
            this.id = id;
            this.treatmentEmergent = treatmentEmergent;
            correct(description, treatmentEmergent);
        }

        void changeGrade(int newGrade, LocalDate on) {
            changes.add(new GradeChange(newGrade, on));
            grade = newGrade;
            worstGrade = Math.max(worstGrade, newGrade);
        }

        /** The description replaced: the grade is the reported one unless it changed since. */
        void correct(AdverseEventDescription corrected, boolean emergent) {
            description = corrected;
            treatmentEmergent = emergent;
            criteria.addAll(corrected.seriousness());
            grade = changes.isEmpty() ? corrected.grade() : changes.get(changes.size() - 1).grade();
            worstGrade = Math.max(corrected.grade(), changes.stream().mapToInt(GradeChange::grade).max().orElse(0));
        }

        /** By value, so that Axon's fixture can check that sourcing the events gives the state handling made. */
        @Override
        public boolean equals(Object other) {
            return other instanceof AdverseEvent that && id.equals(that.id) && description.equals(that.description)
                    && changes.equals(that.changes) && grade == that.grade && worstGrade == that.worstGrade
                    && treatmentEmergent == that.treatmentEmergent && Objects.equals(resolvedOn, that.resolvedOn)
                    && criteria.equals(that.criteria) && due.equals(that.due) && submitted.equals(that.submitted)
                    && overdue.equals(that.overdue);
        }

        @Override
        public int hashCode() {
            return id.hashCode();
        }
    }
}
