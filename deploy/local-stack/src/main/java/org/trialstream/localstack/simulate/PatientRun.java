package org.trialstream.localstack.simulate;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.trialstream.localstack.simulate.PatientPlan.PlannedEvent;
import org.trialstream.protocol.definition.AnlotinibRegimen;
import org.trialstream.protocol.definition.Protocol;

/**
 * Drives one planned patient through the trial over the public APIs, in the order the site would record it, and keeps
 * the truth of what it sent: the dates the endpoint and toxicity views must be computed from.
 */
final class PatientRun {

    private static final String INVESTIGATOR = "INVESTIGATOR";
    private static final String NURSE = "RESEARCH_NURSE";
    private static final String PHARMACIST = "PHARMACIST";
    private static final String ONCOLOGIST = "RADIATION_ONCOLOGIST";
    private static final String SAFETY_OFFICER = "SAFETY_OFFICER";

    private final Api api;
    private final Protocol protocol;
    private final PatientPlan plan;
    private final LocalDate until;
    private final Truth truth = new Truth();
    private int doseMg;
    private boolean courseEnded;

    PatientRun(Api api, Protocol protocol, PatientPlan plan, LocalDate until) {
        this.api = api;
        this.protocol = protocol;
        this.plan = plan;
        this.until = until;
        truth.plan = plan;
    }

    Truth run() {
        enrol();
        radiotherapy();
        anlotinib();
        followUp();
        return truth;
    }

    private void enrol() {
        LocalDate screenedOn = plan.surgery().plusDays(plan.screeningDay());
        truth.patientId = api.post("enrolment", "/patients", INVESTIGATOR, plan.site(), Map.of(
                "screeningNumber", plan.screeningNumber(), "siteId", plan.site(), "screenedOn", screenedOn))
                .path("patientId").asText();
        api.post("enrolment", patient("/eligibility"), INVESTIGATOR, plan.site(),
                Map.of("assessedOn", screenedOn, "answers", Eligibility.everyCriterionMet()));
        api.post("enrolment", patient("/enrolment"), INVESTIGATOR, plan.site(), Map.of("enrolledOn", screenedOn,
                "surgeryDate", plan.surgery(), "margin", plan.margin().name(), "histology", plan.histology()));
        truth.enrolledOn = screenedOn;
    }

    /** The prescription the margin allows, then one fraction each working day from the first dose's day on. */
    private void radiotherapy() {
        var rules = protocol.radiotherapy();
        BigDecimal perFraction = rules.dosePerFractionGy();
        int boostFractions = BigDecimal.valueOf(plan.boostGy()).divide(perFraction).intValueExact();
        api.post("radiotherapy", patient("/radiotherapy/prescription"), ONCOLOGIST, plan.site(), Map.of(
                "prescribedOn", truth.enrolledOn, "baseDoseGy", rules.baseDoseGy(),
                "baseFractions", rules.fractions(), "boostDoseGy", plan.boostGy(), "boostFractions", boostFractions));
        LocalDate day = plan.surgery().plusDays(plan.firstDoseDay());
        for (int i = 0; i < rules.fractions() + boostFractions; i++) {
            while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                day = day.plusDays(1);
            }
            api.post("radiotherapy", patient("/radiotherapy/fractions"), ONCOLOGIST, plan.site(), Map.of(
                    "deliveredOn", day, "doseGy", perFraction, "phase", i < rules.fractions() ? "BASE" : "BOOST"));
            truth.deliveredGy = truth.deliveredGy.add(perFraction);
            day = day.plusDays(1);
        }
    }

    /**
     * The first dose, then per cycle: dispensing at the dose in effect, the diary, the cycle's adverse events (with
     * onset in its rest days), the dose decisions they require, and the return of what was not taken.
     */
    private void anlotinib() {
        AnlotinibRegimen regimen = protocol.anlotinib();
        doseMg = regimen.startDoseMg();
        LocalDate firstDose = plan.surgery().plusDays(plan.firstDoseDay());
        Map<String, Object> dose = new LinkedHashMap<>(Map.of("takenOn", firstDose, "doseMg", doseMg));
        if (plan.firstDoseDeviation()) {
            dose.put("deviation", Map.of("reason", "Wound healing delayed the start (simulated)"));
        }
        api.post("dosing", patient("/anlotinib/first-dose"), PHARMACIST, plan.site(), dose);
        List<Integer> onDays = new ArrayList<>();
        List<Integer> restDays = new ArrayList<>();
        for (int day = 1; day <= regimen.cycleLengthDays(); day++) {
            (regimen.schedule().isOnDay(day) ? onDays : restDays).add(day);
        }
        for (int cycle = 1; cycle <= regimen.cycles() && !courseEnded; cycle++) {
            LocalDate start = firstDose.plusDays((long) (cycle - 1) * regimen.cycleLengthDays());
            api.post("dosing", patient("/anlotinib/dispensings"), PHARMACIST, plan.site(), Map.of(
                    "dispensedOn", start, "cycle", cycle, "tablets", onDays.size(), "strengthMg", doseMg,
                    "lot", "SIM-" + doseMg + "-" + cycle));
            List<Map<String, Object>> days = new ArrayList<>();
            int taken = 0;
            for (int day : onDays) {
                boolean missed = cycle == 1 && day != 1 && plan.missedDays().contains(day);
                days.add(Map.of("date", start.plusDays(day - 1), "taken", !missed, "doseMg", doseMg));
                taken += missed ? 0 : 1;
            }
            api.post("dosing", patient("/anlotinib/diary"), NURSE, plan.site(), Map.of("cycle", cycle, "days", days));
            truth.cumulativeMg += taken * doseMg;
            if (cycle == regimen.cycles()) {
                courseEnded = true;
                truth.exposureStatus = "COMPLETED";
            }
            List<PlannedEvent> events = plan.adverseEventsByCycle().get(cycle - 1);
            for (int i = 0; i < events.size(); i++) {
                int onsetDay = restDays.isEmpty() ? regimen.cycleLengthDays() : restDays.get(i % restDays.size());
                adverseEvent(events.get(i), start.plusDays(onsetDay - 1), regimen);
            }
            api.post("dosing", patient("/anlotinib/returns"), PHARMACIST, plan.site(), Map.of(
                    "returnedOn", start.plusDays(regimen.cycleLengthDays() - 1), "cycle", cycle,
                    "tablets", onDays.size() - taken));
        }
    }

    private void adverseEvent(PlannedEvent event, LocalDate onset, AnlotinibRegimen regimen) {
        boolean warrantsDecision = event.anlotinibRelated() && event.grade() >= 3 && event.grade() <= 4;
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("term", event.term());
        report.put("grade", event.grade());
        report.put("onsetOn", onset);
        report.put("awareOn", onset);
        report.put("attribution", Map.of("anlotinib", event.anlotinibRelated() ? "PROBABLE" : "UNLIKELY",
                "radiotherapy", event.radiotherapyRelated() ? "PROBABLE" : "UNLIKELY"));
        report.put("expected", true);
        report.put("actionTaken", warrantsDecision && !courseEnded ? "DOSE_REDUCED" : "DOSE_NOT_CHANGED");
        if (event.serious()) {
            report.put("serious", Map.of("criteria", List.of("HOSPITALISATION")));
        }
        String adverseEventId = api.post("safety", patient("/adverse-events"), NURSE, plan.site(), report)
                .path("adverseEventId").asText();
        truth.adverseEvents++;
        truth.worstGrades.merge(event.term(), event.grade(), Math::max);
        if (event.serious()) {
            truth.seriousAdverseEvents.add(adverseEventId);
            api.post("safety", patient("/adverse-events/" + adverseEventId + "/reports"), SAFETY_OFFICER, null,
                    Map.of("kind", "INITIAL", "submittedOn", onset, "recipient", "Sponsor pharmacovigilance"));
        }
        if (warrantsDecision && !courseEnded) {
            reduceForEvent(adverseEventId, onset, regimen);
        }
    }

    /** The dose decision dosing raises for the event, resolved as the investigator would: one step down. */
    private void reduceForEvent(String adverseEventId, LocalDate on, AnlotinibRegimen regimen) {
        JsonNode worklist = api.await("projections", "/dosing/worklist", PHARMACIST, plan.site(),
                view -> decisionFor(view, adverseEventId) != null);
        String decisionId = decisionFor(worklist, adverseEventId);
        api.post("dosing", patient("/anlotinib/dose-decisions/" + decisionId), PHARMACIST, plan.site(), Map.of(
                "decision", "REDUCE", "reason", "Related toxicity of grade 3 or more (simulated)", "on", on));
        int step = regimen.doseLevelsMg().indexOf(doseMg);
        if (step == regimen.doseLevelsMg().size() - 1) {
            courseEnded = true;
            truth.exposureStatus = "DISCONTINUED";
        } else {
            doseMg = regimen.doseLevelsMg().get(step + 1);
            truth.reductions++;
        }
    }

    private static String decisionFor(JsonNode worklist, String adverseEventId) {
        for (JsonNode open : worklist.path("openDecisions")) {
            if (adverseEventId.equals(open.path("decision").path("adverseEventId").asText())) {
                return open.path("decision").path("decisionId").asText();
            }
        }
        return null;
    }

    /**
     * Imaging at every visit's due date while the patient is followed: a recurrence or metastasis is found at the
     * first visit after it occurred (and stays found); death, loss to follow-up or withdrawal ends it.
     */
    private void followUp() {
        var schedule = protocol.followUp();
        int visits = schedule.untilMonth() / schedule.everyMonths();
        for (int visit = 1; visit <= visits; visit++) {
            LocalDate due = plan.surgery().plusMonths((long) visit * schedule.everyMonths());
            if (due.isAfter(until)) {
                return;
            }
            long day = ChronoUnit.DAYS.between(plan.surgery(), due);
            if (plan.deathDay() < day) {
                LocalDate diedOn = plan.surgery().plusDays(plan.deathDay());
                api.post("follow-up", patient("/follow-up/death"), INVESTIGATOR, plan.site(),
                        Map.of("diedOn", diedOn, "cause", plan.metastasisDay() < plan.deathDay()
                                ? "Progressive metastatic sarcoma" : "Cardiovascular event"));
                truth.diedOn = diedOn;
                return;
            }
            LocalDate lastSeen = truth.assessments.isEmpty() ? truth.enrolledOn
                    : truth.assessments.get(truth.assessments.size() - 1);
            if (plan.lostAtVisit() == visit) {
                api.post("follow-up", patient("/follow-up/lost"), NURSE, plan.site(), Map.of(
                        "lastKnownAliveOn", lastSeen, "reason", "No answer to calls or letters (simulated)"));
                truth.lostLastAliveOn = lastSeen;
                return;
            }
            if (plan.withdraws() && visit == 4) {
                LocalDate withdrawnOn = lastSeen.plusDays(30);
                api.post("enrolment", patient("/withdrawal"), INVESTIGATOR, plan.site(), Map.of(
                        "withdrawnOn", withdrawnOn, "reason", "The patient no longer wishes to attend (simulated)"));
                truth.withdrawnOn = withdrawnOn;
                return;
            }
            boolean recurrence = plan.recurrenceDay() <= day;
            boolean metastasis = plan.metastasisDay() <= day;
            api.post("follow-up", patient("/follow-up/assessments"), NURSE, plan.site(), Map.of(
                    "assessedOn", due, "modality", "MRI", "localRecurrence", recurrence,
                    "distantMetastasis", metastasis, "metastasisSites", metastasis ? List.of("Lung") : List.of(),
                    "visit", visit));
            truth.assessments.add(due);
            if (recurrence && truth.localRecurrenceOn == null) {
                truth.localRecurrenceOn = due;
            }
            if (metastasis && truth.metastasisOn == null) {
                truth.metastasisOn = due;
            }
        }
    }

    private String patient(String path) {
        return "/patients/" + truth.patientId + path;
    }
}
