package org.trialstream.projections.followup;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.bson.Document;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.trialstream.projections.stream.Projections;
import org.trialstream.projections.web.ReadParameters;
import org.trialstream.support.audit.AccessLog;
import org.trialstream.support.security.Actor;

/**
 * The research nurses' worklist: each visit whose window is open and has no assessment yet (due), or has closed
 * without one (overdue), for patients still in follow-up (not dead, lost or withdrawn). Site staff see their own
 * site's patients; the monitor sees every site.
 */
@RestController
class WorklistController {

    enum State { DUE, OVERDUE }

    record WorklistEntry(String patientId, String siteId, int visit, int month, LocalDate dueOn, LocalDate windowFrom,
                         LocalDate windowTo, State state) {
    }

    private final Projections projections;
    private final AccessLog accessLog;
    private final Clock clock;

    WorklistController(Projections projections, AccessLog accessLog, Clock clock) {
        this.projections = projections;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    @GetMapping("/follow-up/worklist")
    List<WorklistEntry> worklist(@RequestParam(required = false) String on) {
        Actor actor = Actor.current().orElseThrow();
        LocalDate day = day(on);
        List<WorklistEntry> entries = new ArrayList<>();
        for (Document patient : projections.live(PatientFactsProjection.NAME, PatientFactsProjection.PATIENTS).find()) {
            PatientHistory.of(patient, day, null)
                    .filter(history -> actor.canSee(history.siteId()))
                    .filter(history -> history.diedOn() == null && history.lostOn() == null
                            && history.stoppedOn() == null)
                    .ifPresent(history -> entries.addAll(open(history, day)));
        }
        entries.sort(Comparator.comparing(WorklistEntry::windowTo).thenComparing(WorklistEntry::patientId));
        List<String> patients = entries.stream().map(WorklistEntry::patientId).distinct().toList();
        if (!patients.isEmpty()) {
            accessLog.recordRead(actor, patients, "GET /follow-up/worklist");
        }
        return entries;
    }

    private static List<WorklistEntry> open(PatientHistory history, LocalDate day) {
        Set<Integer> assessed = history.assessments().stream().map(PatientHistory.Assessment::visit)
                .filter(visit -> visit != null).collect(Collectors.toSet());
        List<WorklistEntry> open = new ArrayList<>();
        for (PatientHistory.Visit visit : history.visits()) {
            if (assessed.contains(visit.visit()) || day.isBefore(visit.windowFrom())) {
                continue;
            }
            open.add(new WorklistEntry(history.patientId(), history.siteId(), visit.visit(), visit.month(),
                    visit.dueOn(), visit.windowFrom(), visit.windowTo(),
                    day.isAfter(visit.windowTo()) ? State.OVERDUE : State.DUE));
        }
        return open;
    }

    private LocalDate day(String on) {
        LocalDate day = ReadParameters.date("on", on);
        return day == null ? LocalDate.now(clock) : day;
    }
}
