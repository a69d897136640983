package org.trialstream.dosing.course.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.trialstream.dosing.course.api.DosingCommands.CorrectDispensing;
import org.trialstream.dosing.course.api.DosingCommands.CorrectReturn;
import org.trialstream.dosing.course.api.DosingCommands.Discontinue;
import org.trialstream.dosing.course.api.DosingCommands.Dispense;
import org.trialstream.dosing.course.api.DosingCommands.EndCourse;
import org.trialstream.dosing.course.api.DosingCommands.InterruptDosing;
import org.trialstream.dosing.course.api.DosingCommands.PlanCourse;
import org.trialstream.dosing.course.api.DosingCommands.RecordDiary;
import org.trialstream.dosing.course.api.DosingCommands.ReduceDose;
import org.trialstream.dosing.course.api.DosingCommands.RequireDoseDecision;
import org.trialstream.dosing.course.api.DosingCommands.ResolveDoseDecision;
import org.trialstream.dosing.course.api.DosingCommands.ResumeDosing;
import org.trialstream.dosing.course.api.DosingCommands.ReturnTablets;
import org.trialstream.dosing.course.api.DosingCommands.TakeFirstDose;
import org.trialstream.dosing.course.domain.CourseEvents.ReductionJustified;
import org.trialstream.kernel.contract.dosing.AnlotinibCourseCompleted;
import org.trialstream.kernel.contract.dosing.AnlotinibDiscontinued;
import org.trialstream.kernel.contract.dosing.AnlotinibDispensed;
import org.trialstream.kernel.contract.dosing.AnlotinibReturned;
import org.trialstream.kernel.contract.dosing.CoursePlanned;
import org.trialstream.kernel.contract.dosing.DiaryDay;
import org.trialstream.kernel.contract.dosing.DiaryRecorded;
import org.trialstream.kernel.contract.dosing.DiscontinuationReason;
import org.trialstream.kernel.contract.dosing.DispensingCorrected;
import org.trialstream.kernel.contract.dosing.DoseDecision;
import org.trialstream.kernel.contract.dosing.DoseDecisionRequired;
import org.trialstream.kernel.contract.dosing.DoseDecisionResolved;
import org.trialstream.kernel.contract.dosing.DoseReduced;
import org.trialstream.kernel.contract.dosing.DosingFinding;
import org.trialstream.kernel.contract.dosing.DosingFindingRaised;
import org.trialstream.kernel.contract.dosing.DosingInterrupted;
import org.trialstream.kernel.contract.dosing.DosingResumed;
import org.trialstream.kernel.contract.dosing.FirstDoseTaken;
import org.trialstream.kernel.contract.dosing.ProtocolDeviationRecorded;
import org.trialstream.kernel.contract.dosing.ReturnCorrected;
import org.trialstream.kernel.patient.PatientId;
import org.trialstream.platform.domain.ClinicalCalendar;
import org.trialstream.platform.domain.NotFound;
import org.trialstream.platform.domain.PatientAccess;
import org.trialstream.platform.domain.RecordVersion;
import org.trialstream.platform.domain.RuleViolation;
import org.trialstream.platform.domain.StateConflict;
import org.trialstream.protocol.definition.AnlotinibRegimen;
import org.trialstream.protocol.definition.CycleDay;
import org.trialstream.protocol.definition.DoseStep;
import org.trialstream.protocol.definition.Protocol;

/**
 * One enrolled patient's anlotinib course: planned from the surgery date, started by the first dose in its window,
 * run in cycles counted from the first dose, stepped down the dose ladder only for an adverse event that justifies
 * it, held and resumed, and ended by completion or discontinuation. The pharmacy's capsules are accounted per cycle.
 * Every number comes from the protocol file's {@code anlotinib} section.
 */
@Aggregate
public class AnlotinibCourse {

    @AggregateIdentifier
    private String courseId;
    private PatientId patientId;
    private String siteId;
    private String screeningNumber;
    private LocalDate surgeryDate;
    private LocalDate firstDoseOn;
    /** The dose from each date it took effect: the first dose, then each reduction. */
    private final TreeMap<LocalDate, Integer> doses = new TreeMap<>();
    private LocalDate heldFrom;
    private final List<Hold> holds = new ArrayList<>();
    private LocalDate endedOn;
    private String endedAs;
    /** Per adverse event, how many steps down the ladder it still justifies. */
    private final Map<UUID, Integer> justified = new HashMap<>();
    private final Map<UUID, Decision> decisions = new LinkedHashMap<>();
    /** The dispensings and returns as they stand, by the id of the fact that recorded (or last corrected) each. */
    private final Map<String, Count> dispensings = new LinkedHashMap<>();
    private final Map<String, Count> returns = new LinkedHashMap<>();
    private final Map<LocalDate, Entry> diary = new HashMap<>();
    private final Set<String> findings = new HashSet<>();

    protected AnlotinibCourse() {
    }

    // ---- reactions ----

    /** Planned on enrolment; a corrected surgery date re-plans a course not yet started and is a finding after. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(PlanCourse command, Protocol protocol) {
        String site = command.siteId() != null ? command.siteId() : siteId;
        if (command.surgeryDate().equals(surgeryDate) || site == null) {
            return;
        }
        if (firstDoseOn != null) {
            String detail = "surgery date corrected from " + surgeryDate + " to " + command.surgeryDate()
                    + ": the first dose on " + firstDoseOn + " is now study day "
                    + protocol.studyDay(command.surgeryDate(), firstDoseOn) + " (window days "
                    + protocol.anlotinib().firstDose().fromStudyDay() + "-"
                    + protocol.anlotinib().firstDose().toStudyDay() + ")";
            apply(new DosingFindingRaised(command.patientId().value(), site,
                    DosingFinding.SURGERY_DATE_MOVED_AFTER_START, null, detail));
            return;
        }
        AnlotinibRegimen regimen = protocol.anlotinib();
        apply(new CoursePlanned(command.patientId().value(), site,
                command.screeningNumber() != null ? command.screeningNumber() : screeningNumber,
                command.surgeryDate(), regimen.firstDoseFrom(command.surgeryDate()),
                regimen.firstDoseTo(command.surgeryDate()), regimen.startDoseMg(), regimen.cycles()));
    }

    /**
     * Each warranted fact justifies one step down; a decision is raised unless one on the same event is open or the
     * course is over. Safety's fact may arrive before enrolment's: the course then starts with it.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RequireDoseDecision command) {
        apply(new ReductionJustified(command.patientId().value(), command.adverseEventId(), command.siteId()));
        boolean open = decisions.values().stream()
                .anyMatch(decision -> decision.open() && decision.adverseEventId().equals(command.adverseEventId()));
        if (endedOn != null || open) {
            return;
        }
        UUID decisionId = UUID.nameUUIDFromBytes(("dose-decision:" + command.adverseEventId() + ":"
                + decisions.size()).getBytes(StandardCharsets.UTF_8));
        apply(new DoseDecisionRequired(command.patientId().value(), decisionId, command.siteId(),
                command.adverseEventId(), command.term(), command.grade(), command.intolerable(), command.on()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(EndCourse command) {
        if (endedOn == null) {
            apply(new AnlotinibDiscontinued(command.patientId().value(), command.on(), command.reason(),
                    command.detail(), null));
        }
    }

    // ---- the site's commands ----

    @CommandHandler
    void handle(TakeFirstDose command, MetaData metaData, ClinicalCalendar calendar, Protocol protocol) {
        requireOpenFor(metaData, command.expectedVersion());
        requireNotEnded("takenOn");
        if (firstDoseOn != null) {
            throw new StateConflict("takenOn", "the first dose was taken on " + firstDoseOn);
        }
        calendar.requireSinceSurgery("takenOn", command.takenOn(), surgeryDate);
        AnlotinibRegimen regimen = protocol.anlotinib();
        if (command.doseMg() != regimen.startDoseMg()) {
            throw new RuleViolation("doseMg", "the course starts at " + regimen.startDoseMg()
                    + " mg (protocol anlotinib.startDoseMg)");
        }
        int studyDay = protocol.studyDay(surgeryDate, command.takenOn());
        String window = "days " + regimen.firstDose().fromStudyDay() + "-" + regimen.firstDose().toStudyDay()
                + " after surgery on " + surgeryDate + " (protocol anlotinib.firstDose)";
        boolean inWindow = protocol.isInFirstDoseWindow(surgeryDate, command.takenOn());
        if (inWindow && command.deviationReason() != null) {
            throw new RuleViolation("deviation", "the first dose on study day " + studyDay
                    + " is inside the window, " + window + ": there is no deviation to record");
        }
        if (!inWindow) {
            if (command.deviationReason() == null) {
                throw new RuleViolation("takenOn", "study day " + studyDay + " is outside the first-dose window, "
                        + window + "; a first dose outside it is a protocol deviation and needs its reason");
            }
            apply(new ProtocolDeviationRecorded(patientId.value(), siteId, command.takenOn(),
                    ProtocolDeviationRecorded.FIRST_DOSE_WINDOW,
                    "first dose on study day " + studyDay + "; the window is " + window, command.deviationReason()));
        }
        apply(new FirstDoseTaken(patientId.value(), command.takenOn(), command.doseMg()));
    }

    @CommandHandler
    void handle(Dispense command, MetaData metaData, ClinicalCalendar calendar, Protocol protocol) {
        requireOpenFor(metaData, command.expectedVersion());
        requireNotEnded("dispensedOn");
        decisions.values().stream().filter(Decision::open).findFirst().ifPresent(open -> {
            throw new StateConflict("decisionId", "dose decision " + open.decisionId() + " on adverse event "
                    + open.adverseEventId() + " (" + open.term() + ", grade " + open.grade() + ") is open since "
                    + open.raisedOn() + ": resolve it before dispensing");
        });
        if (heldFrom != null) {
            throw new StateConflict("dispensedOn", "dosing is held since " + heldFrom
                    + ": record the resumption before dispensing");
        }
        calendar.requireSinceSurgery("dispensedOn", command.dispensedOn(), surgeryDate);
        requireCycle(command.cycle(), protocol);
        if (firstDoseOn == null && command.cycle() != 1) {
            throw new RuleViolation("cycle", "the course has not started: only cycle 1 can be dispensed");
        }
        int current = currentDose(protocol);
        if (command.strengthMg() != current) {
            throw new RuleViolation("strengthMg", "the current dose is " + current + " mg: dispense " + current
                    + " mg capsules (one a dosing day, protocol anlotinib.doseLevelsMg)");
        }
        apply(new AnlotinibDispensed(patientId.value(), command.dispensedOn(), command.cycle(), command.tablets(),
                command.strengthMg(), command.lot()));
    }

    @CommandHandler
    void handle(ReturnTablets command, MetaData metaData, ClinicalCalendar calendar) {
        requireOpenFor(metaData, command.expectedVersion());
        calendar.requireSinceSurgery("returnedOn", command.returnedOn(), surgeryDate);
        requireReturnable(command.cycle(), command.tablets(), null);
        apply(new AnlotinibReturned(patientId.value(), command.returnedOn(), command.cycle(), command.tablets()));
        reconcile(command.cycle());
    }

    /** The whole dispensing as it should have been; it replaces the one named. */
    @CommandHandler
    void handle(CorrectDispensing command, MetaData metaData, ClinicalCalendar calendar, Protocol protocol) {
        requireOpenFor(metaData, command.expectedVersion());
        Count corrected = dispensings.get(command.correctedEventId());
        if (corrected == null) {
            throw new NotFound("correctedEventId", "no dispensing of this patient was recorded by fact "
                    + command.correctedEventId() + " (or it was corrected since: correct the latest correction)");
        }
        calendar.requireSinceSurgery("dispensedOn", command.dispensedOn(), surgeryDate);
        requireCycle(command.cycle(), protocol);
        if (!protocol.anlotinib().doseLevelsMg().contains(command.strengthMg())) {
            throw new RuleViolation("strengthMg", "capsules come in the protocol's dose levels "
                    + protocol.anlotinib().doseLevelsMg() + " mg (protocol anlotinib.doseLevelsMg)");
        }
        Count correction = new Count(command.dispensedOn(), command.cycle(), command.tablets(), command.strengthMg(),
                command.lot());
        if (correction.equals(corrected)) {
            throw new RuleViolation("correctedEventId", "the correction changes nothing that was recorded");
        }
        int dispensedAfter = dispensedFor(corrected.cycle()) - corrected.tablets()
                + (command.cycle() == corrected.cycle() ? command.tablets() : 0);
        if (returnedFor(corrected.cycle()) > dispensedAfter) {
            throw new RuleViolation("tablets", returnedFor(corrected.cycle()) + " capsules of cycle "
                    + corrected.cycle() + " were returned: more than would have been dispensed; correct the return "
                    + "first");
        }
        apply(new DispensingCorrected(patientId.value(), command.correctedEventId(), command.dispensedOn(),
                command.cycle(), command.tablets(), command.strengthMg(), command.lot(), command.reason()));
        reconcile(corrected.cycle());
        if (command.cycle() != corrected.cycle()) {
            reconcile(command.cycle());
        }
    }

    /** The whole return as it should have been; it replaces the one named. */
    @CommandHandler
    void handle(CorrectReturn command, MetaData metaData, ClinicalCalendar calendar) {
        requireOpenFor(metaData, command.expectedVersion());
        Count corrected = returns.get(command.correctedEventId());
        if (corrected == null) {
            throw new NotFound("correctedEventId", "no return of this patient was recorded by fact "
                    + command.correctedEventId() + " (or it was corrected since: correct the latest correction)");
        }
        calendar.requireSinceSurgery("returnedOn", command.returnedOn(), surgeryDate);
        if (new Count(command.returnedOn(), command.cycle(), command.tablets(), 0, null).equals(corrected)) {
            throw new RuleViolation("correctedEventId", "the correction changes nothing that was recorded");
        }
        requireReturnable(command.cycle(), command.tablets(), corrected);
        apply(new ReturnCorrected(patientId.value(), command.correctedEventId(), command.returnedOn(),
                command.cycle(), command.tablets(), command.reason()));
        reconcile(corrected.cycle());
        if (command.cycle() != corrected.cycle()) {
            reconcile(command.cycle());
        }
    }

    @CommandHandler
    void handle(RecordDiary command, MetaData metaData, ClinicalCalendar calendar, Protocol protocol) {
        requireOpenFor(metaData, command.expectedVersion());
        if (firstDoseOn == null) {
            throw new StateConflict("cycle", "the first dose is not recorded yet");
        }
        requireCycle(command.cycle(), protocol);
        Set<LocalDate> seen = new HashSet<>();
        Set<String> corrects = new LinkedHashSet<>();
        List<DiaryDay> changed = new ArrayList<>();
        for (int i = 0; i < command.days().size(); i++) {
            DiaryDay day = command.days().get(i);
            String field = "days[" + i + "]";
            requireDiaryDay(field, day, command.cycle(), calendar, protocol);
            if (!seen.add(day.date())) {
                throw new RuleViolation(field + ".date", day.date() + " is listed twice");
            }
            Entry recorded = diary.get(day.date());
            if (recorded == null || !recorded.day().equals(day)) {
                changed.add(day);
            }
            if (recorded != null && !recorded.day().equals(day)) {
                corrects.add(recorded.eventId());
            }
        }
        if (changed.isEmpty()) {
            throw new RuleViolation("days", "every day is recorded already as given: the diary changes nothing");
        }
        if (!corrects.isEmpty() && command.reason() == null) {
            throw new RuleViolation("reason", "some days were recorded already; changing them is a correction and "
                    + "needs a reason");
        }
        apply(new DiaryRecorded(patientId.value(), command.cycle(), changed, List.copyOf(corrects),
                corrects.isEmpty() ? null : command.reason()));
        reconcile(command.cycle());
        LocalDate lastDosingDay = protocol.anlotinib().lastDosingDay(firstDoseOn);
        if (endedOn == null && diary.containsKey(lastDosingDay)) {
            apply(new AnlotinibCourseCompleted(patientId.value(), lastDosingDay, protocol.anlotinib().cycles(),
                    currentDose(protocol)));
        }
    }

    @CommandHandler
    void handle(ReduceDose command, MetaData metaData, ClinicalCalendar calendar, Protocol protocol) {
        requireOpenFor(metaData, command.expectedVersion());
        requireNotEnded("effectiveOn");
        requireStarted("effectiveOn");
        int current = currentDose(protocol);
        if (command.toMg() == current) {
            throw new StateConflict("toMg", "the dose is already " + current + " mg");
        }
        DoseStep step = protocol.nextLowerDose(current);
        String ladder = " (protocol anlotinib.doseLevelsMg " + protocol.anlotinib().doseLevelsMg() + ")";
        if (step instanceof DoseStep.Stop) {
            throw new RuleViolation("toMg", current + " mg is the lowest dose level: if it is not tolerated, "
                    + "anlotinib stops for good; record a discontinuation" + ladder);
        }
        int next = ((DoseStep.ReduceTo) step).doseMg();
        if (command.toMg() != next) {
            throw new RuleViolation("toMg", "one step at a time and never back up: from " + current
                    + " mg the only reduction is to " + next + " mg" + ladder);
        }
        requireReductionDate("effectiveOn", command.effectiveOn(), calendar);
        requireJustified(command.adverseEventId());
        Decision open = openDecisionOn(command.adverseEventId());
        if (open != null) {
            apply(new DoseDecisionResolved(patientId.value(), open.decisionId(), open.adverseEventId(),
                    DoseDecision.REDUCE, command.reason(), command.effectiveOn()));
        }
        apply(new DoseReduced(patientId.value(), command.effectiveOn(), current, next, command.adverseEventId(),
                command.reason()));
    }

    @CommandHandler
    void handle(InterruptDosing command, MetaData metaData, ClinicalCalendar calendar) {
        requireOpenFor(metaData, command.expectedVersion());
        requireNotEnded("from");
        requireStarted("from");
        if (heldFrom != null) {
            throw new StateConflict("from", "dosing is held since " + heldFrom);
        }
        requireReductionDate("from", command.from(), calendar);
        apply(new DosingInterrupted(patientId.value(), command.from(), command.reason(), null));
    }

    @CommandHandler
    void handle(ResumeDosing command, MetaData metaData, ClinicalCalendar calendar, Protocol protocol) {
        requireOpenFor(metaData, command.expectedVersion());
        requireNotEnded("on");
        if (heldFrom == null) {
            throw new StateConflict("on", "dosing is not held");
        }
        calendar.requireClinicalDate("on", command.on());
        if (command.on().isBefore(heldFrom)) {
            throw new RuleViolation("on", "dosing was held from " + heldFrom + ", after this date");
        }
        apply(new DosingResumed(patientId.value(), command.on(), currentDose(protocol)));
    }

    @CommandHandler
    void handle(Discontinue command, MetaData metaData, ClinicalCalendar calendar) {
        requireOpenFor(metaData, command.expectedVersion());
        requireNotEnded("on");
        calendar.requireSinceSurgery("on", command.on(), surgeryDate);
        if (firstDoseOn != null && command.on().isBefore(firstDoseOn)) {
            throw new RuleViolation("on", "the first dose was taken on " + firstDoseOn + ", after this date");
        }
        if (command.reason() == DiscontinuationReason.OTHER && command.detail() == null) {
            throw new RuleViolation("detail", "a discontinuation for another reason says what it is");
        }
        apply(new AnlotinibDiscontinued(patientId.value(), command.on(), command.reason(), command.detail(),
                command.adverseEventId()));
    }

    @CommandHandler
    void handle(ResolveDoseDecision command, MetaData metaData, ClinicalCalendar calendar, Protocol protocol) {
        requireOpenFor(metaData, command.expectedVersion());
        Decision decision = decisions.get(command.decisionId());
        if (decision == null) {
            throw new NotFound("decisionId", "no dose decision " + command.decisionId() + " for this patient");
        }
        if (!decision.open()) {
            throw new StateConflict("decisionId", "the decision was made on " + decision.resolvedOn() + ": "
                    + decision.resolvedAs());
        }
        calendar.requireClinicalDate("on", command.on());
        if (command.on().isBefore(decision.raisedOn())) {
            throw new RuleViolation("on", "the decision was required from " + decision.raisedOn()
                    + ", after this date");
        }
        UUID event = decision.adverseEventId();
        DoseDecision choice = command.decision();
        boolean changesDosing = choice == DoseDecision.REDUCE || choice == DoseDecision.HOLD
                || choice == DoseDecision.STOP;
        if (endedOn != null && changesDosing) {
            throw new StateConflict("decision", "the course ended on " + endedOn + " (" + endedAs
                    + "): nothing is left to reduce, hold or stop; record the decision as CONTINUE with the reason");
        }
        if ((choice == DoseDecision.REDUCE || choice == DoseDecision.HOLD) && firstDoseOn == null) {
            throw new StateConflict("decision", "anlotinib has not started: there is no dose to reduce or hold");
        }
        if (choice == DoseDecision.REDUCE || choice == DoseDecision.HOLD) {
            requireReductionDate("on", command.on(), calendar);
        }
        apply(new DoseDecisionResolved(patientId.value(), decision.decisionId(), event, choice, command.reason(),
                command.on()));
        switch (choice) {
            case REDUCE -> {
                int current = currentDose(protocol);
                requireJustified(event);
                if (protocol.nextLowerDose(current) instanceof DoseStep.ReduceTo next) {
                    apply(new DoseReduced(patientId.value(), command.on(), current, next.doseMg(), event,
                            command.reason()));
                } else {
                    apply(new AnlotinibDiscontinued(patientId.value(), command.on(),
                            DiscontinuationReason.UNACCEPTABLE_TOXICITY, "not tolerated at " + current
                                    + " mg, the lowest dose level", event));
                }
            }
            case HOLD -> {
                if (heldFrom == null) {
                    apply(new DosingInterrupted(patientId.value(), command.on(), command.reason(), event));
                }
            }
            case STOP -> apply(new AnlotinibDiscontinued(patientId.value(), command.on(),
                    DiscontinuationReason.UNACCEPTABLE_TOXICITY, null, event));
            case CONTINUE -> {
            }
        }
    }

    // ---- rules ----

    private void requireOpenFor(MetaData metaData, Long expectedVersion) {
        if (siteId == null || surgeryDate == null) {
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

    private void requireStarted(String field) {
        if (firstDoseOn == null) {
            throw new StateConflict(field, "the course has not started: the first dose is not recorded");
        }
    }

    /** A change of dosing: a clinical date, not before the first dose nor the last change of dose. */
    private void requireReductionDate(String field, LocalDate date, ClinicalCalendar calendar) {
        calendar.requireClinicalDate(field, date);
        LocalDate lastChange = doses.lastKey();
        if (date.isBefore(lastChange)) {
            throw new RuleViolation(field, "the dose last changed on " + lastChange + ", after this date");
        }
    }

    private static void requireCycle(int cycle, Protocol protocol) {
        int cycles = protocol.anlotinib().cycles();
        if (cycle < 1 || cycle > cycles) {
            throw new RuleViolation("cycle", "the course has cycles 1 to " + cycles + " (protocol anlotinib.cycles)");
        }
    }

    /** A reduction needs an adverse event that met the protocol's rule and has not yet justified a reduction. */
    private void requireJustified(UUID adverseEventId) {
        if (justified.getOrDefault(adverseEventId, 0) > 0) {
            return;
        }
        String rule = "a reduction needs an adverse event that requires a dose decision: grade 3-4 related to "
                + "anlotinib, or grade 2 intolerable despite maximal supportive care (protocol safety.doseDecision)";
        if (justified.containsKey(adverseEventId)) {
            throw new RuleViolation("adverseEventId", "adverse event " + adverseEventId + " already justified a "
                    + "reduction and has not worsened since; " + rule);
        }
        throw new RuleViolation("adverseEventId", "adverse event " + adverseEventId + " is not one; " + rule);
    }

    /** No more capsules come back for a cycle than were dispensed for it, {@code replaced} not counted. */
    private void requireReturnable(int cycle, int tablets, Count replaced) {
        int given = dispensedFor(cycle);
        if (given == 0) {
            throw new RuleViolation("cycle", "nothing was dispensed for cycle " + cycle);
        }
        int back = returnedFor(cycle) - (replaced != null && replaced.cycle() == cycle ? replaced.tablets() : 0);
        if (back + tablets > given) {
            throw new RuleViolation("tablets", given + " capsules were dispensed for cycle " + cycle + " and " + back
                    + " returned already: no more than " + (given - back) + " can come back");
        }
    }

    private int dispensedFor(int cycle) {
        return dispensings.values().stream().filter(count -> count.cycle() == cycle).mapToInt(Count::tablets).sum();
    }

    private int returnedFor(int cycle) {
        return returns.values().stream().filter(count -> count.cycle() == cycle).mapToInt(Count::tablets).sum();
    }

    private void requireDiaryDay(String field, DiaryDay day, int cycle, ClinicalCalendar calendar,
                                 Protocol protocol) {
        calendar.requireClinicalDate(field + ".date", day.date());
        CycleDay cycleDay;
        try {
            cycleDay = protocol.cycleDayOf(firstDoseOn, day.date());
        } catch (IllegalArgumentException outsideTheCourse) {
            throw new RuleViolation(field + ".date", outsideTheCourse.getMessage()
                    + " (protocol anlotinib.cycles and cycleLengthDays)");
        }
        if (cycleDay.cycle() != cycle) {
            throw new RuleViolation(field + ".date", day.date() + " is day " + cycleDay.day() + " of cycle "
                    + cycleDay.cycle() + ", not of cycle " + cycle);
        }
        if (!day.taken()) {
            return;
        }
        if (!cycleDay.onDay()) {
            throw new RuleViolation(field + ".taken", "day " + cycleDay.day() + " of the cycle is a rest day "
                    + "(protocol anlotinib.schedule)");
        }
        if (endedOn != null && day.date().isAfter(endedOn)) {
            throw new RuleViolation(field + ".taken", "the course ended on " + endedOn + " (" + endedAs + ")");
        }
        if (holds.stream().anyMatch(hold -> hold.covers(day.date()))) {
            throw new RuleViolation(field + ".taken", "dosing was held on " + day.date());
        }
        int dose = doses.floorEntry(day.date()).getValue();
        if (day.doseMg() != dose) {
            throw new RuleViolation(field + ".doseMg", "the dose on " + day.date() + " was " + dose + " mg");
        }
    }

    private int currentDose(Protocol protocol) {
        return doses.isEmpty() ? protocol.anlotinib().startDoseMg() : doses.lastEntry().getValue();
    }

    private Decision openDecisionOn(UUID adverseEventId) {
        return decisions.values().stream()
                .filter(decision -> decision.open() && decision.adverseEventId().equals(adverseEventId))
                .findFirst().orElse(null);
    }

    /**
     * Once a cycle's return is recorded, its capsules must add up: dispensed minus returned is what the diary says
     * was taken. A difference is a finding for the site, raised once for each different count.
     */
    private void reconcile(int cycle) {
        if (returns.values().stream().noneMatch(count -> count.cycle() == cycle)) {
            return;
        }
        int given = dispensedFor(cycle);
        int back = returnedFor(cycle);
        long taken = diary.values().stream().filter(entry -> entry.cycle() == cycle && entry.day().taken()).count();
        if (given - back == taken) {
            return;
        }
        String detail = "cycle " + cycle + ": " + given + " dispensed - " + back + " returned = " + (given - back)
                + ", but the diary has " + taken + " taken";
        if (!findings.contains(detail)) {
            apply(new DosingFindingRaised(patientId.value(), siteId, DosingFinding.ACCOUNTABILITY_MISMATCH, cycle,
                    detail));
        }
    }

    // ---- state ----

    @EventSourcingHandler
    void on(CoursePlanned event) {
        courseId = event.patientId().toString();
        patientId = new PatientId(event.patientId());
        siteId = event.siteId();
        screeningNumber = event.screeningNumber();
        surgeryDate = event.surgeryDate();
    }

    @EventSourcingHandler
    void on(ReductionJustified event) {
        courseId = event.patientId().toString();
        patientId = new PatientId(event.patientId());
        siteId = siteId == null ? event.siteId() : siteId;
        justified.merge(event.adverseEventId(), 1, Integer::sum);
    }

    @EventSourcingHandler
    void on(DoseDecisionRequired event) {
        decisions.put(event.decisionId(), new Decision(event.decisionId(), event.adverseEventId(), event.term(),
                event.grade(), event.raisedOn(), null, null));
    }

    @EventSourcingHandler
    void on(DoseDecisionResolved event) {
        decisions.computeIfPresent(event.decisionId(), (id, decision) -> decision.resolved(event.on(),
                event.decision()));
    }

    @EventSourcingHandler
    void on(FirstDoseTaken event) {
        firstDoseOn = event.takenOn();
        doses.put(event.takenOn(), event.doseMg());
    }

    @EventSourcingHandler
    void on(DoseReduced event) {
        doses.put(event.effectiveOn(), event.toMg());
        justified.computeIfPresent(event.adverseEventId(), (id, left) -> left - 1);
    }

    @EventSourcingHandler
    void on(DosingInterrupted event) {
        heldFrom = event.from();
    }

    @EventSourcingHandler
    void on(DosingResumed event) {
        holds.add(new Hold(heldFrom, event.on()));
        heldFrom = null;
    }

    @EventSourcingHandler
    void on(AnlotinibDiscontinued event) {
        courseId = event.patientId().toString();
        patientId = new PatientId(event.patientId());
        endedOn = event.on();
        endedAs = "discontinued: " + event.reason().name().toLowerCase().replace('_', ' ');
        if (heldFrom != null) {
            holds.add(new Hold(heldFrom, null));
            heldFrom = null;
        }
    }

    @EventSourcingHandler
    void on(AnlotinibCourseCompleted event) {
        endedOn = event.on();
        endedAs = "completed";
    }

    @EventSourcingHandler
    void on(AnlotinibDispensed event, EventMessage<?> message) {
        dispensings.put(message.getIdentifier(), new Count(event.dispensedOn(), event.cycle(), event.tablets(),
                event.strengthMg(), event.lot()));
    }

    @EventSourcingHandler
    void on(DispensingCorrected event, EventMessage<?> message) {
        dispensings.remove(event.correctedEventId());
        dispensings.put(message.getIdentifier(), new Count(event.dispensedOn(), event.cycle(), event.tablets(),
                event.strengthMg(), event.lot()));
    }

    @EventSourcingHandler
    void on(AnlotinibReturned event, EventMessage<?> message) {
        returns.put(message.getIdentifier(), new Count(event.returnedOn(), event.cycle(), event.tablets(), 0, null));
    }

    @EventSourcingHandler
    void on(ReturnCorrected event, EventMessage<?> message) {
        returns.remove(event.correctedEventId());
        returns.put(message.getIdentifier(), new Count(event.returnedOn(), event.cycle(), event.tablets(), 0, null));
    }

    @EventSourcingHandler
    void on(DiaryRecorded event, EventMessage<?> message) {
        event.days().forEach(day -> diary.put(day.date(), new Entry(event.cycle(), day, message.getIdentifier())));
    }

    @EventSourcingHandler
    void on(DosingFindingRaised event) {
        findings.add(event.detail());
    }

    /** Days held: from {@code from} up to, not including, {@code to}; open-ended when the course ended held. */
    private record Hold(LocalDate from, LocalDate to) {

        boolean covers(LocalDate date) {
            return !date.isBefore(from) && (to == null || date.isBefore(to));
        }
    }

    /** A dispensing (with its strength and lot) or a return (strength 0, no lot) as it stands. */
    private record Count(LocalDate on, int cycle, int tablets, int strengthMg, String lot) {
    }

    /** A diary day and the fact that recorded it last. */
    private record Entry(int cycle, DiaryDay day, String eventId) {
    }

    private record Decision(UUID decisionId, UUID adverseEventId, String term, int grade, LocalDate raisedOn,
                            LocalDate resolvedOn, DoseDecision resolvedAs) {

        boolean open() {
            return resolvedOn == null;
        }

        Decision resolved(LocalDate on, DoseDecision decision) {
            return new Decision(decisionId, adverseEventId, term, grade, raisedOn, on, decision);
        }
    }
}
