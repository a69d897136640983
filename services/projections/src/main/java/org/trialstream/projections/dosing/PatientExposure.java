package org.trialstream.projections.dosing;

import static org.trialstream.projections.followup.PatientFactsProjection.PAYLOAD;
import static org.trialstream.projections.followup.PatientFactsProjection.TYPE;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bson.Document;
import org.trialstream.kernel.contract.BoundedContext;
import org.trialstream.projections.followup.PatientFactsProjection;
import org.trialstream.protocol.definition.AnlotinibRegimen;

/**
 * One patient's anlotinib exposure, read from the dosing facts in log order (only those recorded by
 * {@code asRecordedAt}, when given). Cycles are counted from the first dose; a cycle is started once the diary has a
 * day of it and completed once the diary reaches its last dosing day. Milligrams delivered are the diary's days
 * taken at their dose; relative dose intensity is delivered over planned at the start dose on every planned on-day.
 *
 * @param status PLANNED, ONGOING, HELD, COMPLETED or DISCONTINUED
 */
public record PatientExposure(String patientId, String siteId, String screeningNumber, String status,
                              LocalDate firstDoseOn, Integer currentDoseMg, int cyclesStarted, int cyclesCompleted,
                              int cumulativeMg, BigDecimal relativeDoseIntensity, List<Cycle> cycles,
                              List<Reduction> reductions, List<Hold> holds, Discontinuation discontinuation,
                              List<Decision> decisions, List<Deviation> deviations, List<Finding> findings,
                              List<Dispensing> dispensings, List<Return> returns) {

    /**
     * @param expectedTakenDays dispensed minus returned, once a return is recorded; null before
     * @param reconciled        whether the capsules add up to the diary; null before a return is recorded
     */
    record Cycle(int cycle, LocalDate startsOn, int plannedMg, int takenDays, int missedDays, int deliveredMg,
                 BigDecimal relativeDoseIntensity, int dispensedTablets, List<String> lots, Integer returnedTablets,
                 Integer expectedTakenDays, Boolean reconciled) {
    }

    /** A dispensing as it stands, by the id of the fact that recorded (or last corrected) it. */
    record Dispensing(String eventId, LocalDate dispensedOn, int cycle, int tablets, int strengthMg, String lot) {
    }

    /** A return as it stands, by the id of the fact that recorded (or last corrected) it. */
    record Return(String eventId, LocalDate returnedOn, int cycle, int tablets) {
    }

    record Reduction(LocalDate effectiveOn, int fromMg, int toMg, String adverseEventId, String reason) {
    }

    /** @param to the day dosing resumed; null while held */
    record Hold(LocalDate from, LocalDate to, String reason, String adverseEventId) {
    }

    record Discontinuation(LocalDate on, String reason, String detail, String adverseEventId) {
    }

    /** @param decision null while open */
    record Decision(String decisionId, String adverseEventId, String term, int grade, boolean intolerable,
                    LocalDate raisedOn, String decision, String reason, LocalDate decidedOn) {

        boolean open() {
            return decision == null;
        }
    }

    record Deviation(LocalDate on, String rule, String detail, String reason) {
    }

    record Finding(String finding, Integer cycle, String detail) {
    }

    public boolean planned() {
        return siteId != null;
    }

    public static PatientExposure of(Document patient, AnlotinibRegimen regimen, Instant asRecordedAt) {
        String siteId = null;
        String screeningNumber = null;
        LocalDate firstDoseOn = null;
        TreeMap<LocalDate, Integer> doses = new TreeMap<>();
        List<Reduction> reductions = new ArrayList<>();
        List<Hold> holds = new ArrayList<>();
        Discontinuation discontinuation = null;
        boolean completed = false;
        Map<String, Dispensing> dispensings = new LinkedHashMap<>();
        Map<String, Return> returns = new LinkedHashMap<>();
        TreeMap<LocalDate, Document> diary = new TreeMap<>();
        Map<String, Decision> decisions = new LinkedHashMap<>();
        List<Deviation> deviations = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (Document fact : PatientFactsProjection.facts(patient, BoundedContext.DOSING, asRecordedAt)) {
            Document payload = fact.get(PAYLOAD, Document.class);
            switch (fact.getString(TYPE)) {
                case "dosing.CoursePlanned" -> {
                    siteId = payload.getString("siteId");
                    screeningNumber = payload.getString("screeningNumber");
                }
                case "dosing.FirstDoseTaken" -> {
                    firstDoseOn = date(payload, "takenOn");
                    doses.put(firstDoseOn, payload.getInteger("doseMg"));
                }
                case "dosing.DoseReduced" -> {
                    Reduction reduction = new Reduction(date(payload, "effectiveOn"), payload.getInteger("fromMg"),
                            payload.getInteger("toMg"), payload.getString("adverseEventId"),
                            payload.getString("reason"));
                    reductions.add(reduction);
                    doses.put(reduction.effectiveOn(), reduction.toMg());
                }
                case "dosing.DosingInterrupted" -> holds.add(new Hold(date(payload, "from"), null,
                        payload.getString("reason"), payload.getString("adverseEventId")));
                case "dosing.DosingResumed" -> {
                    Hold open = holds.remove(holds.size() - 1);
                    holds.add(new Hold(open.from(), date(payload, "on"), open.reason(), open.adverseEventId()));
                }
                case "dosing.AnlotinibDiscontinued" -> discontinuation = new Discontinuation(date(payload, "on"),
                        payload.getString("reason"), payload.getString("detail"),
                        payload.getString("adverseEventId"));
                case "dosing.AnlotinibCourseCompleted" -> completed = true;
                case "dosing.AnlotinibDispensed", "dosing.DispensingCorrected" -> {
                    dispensings.remove(payload.getString("correctedEventId"));
                    String eventId = fact.getString(PatientFactsProjection.EVENT_ID);
                    dispensings.put(eventId, new Dispensing(eventId, date(payload, "dispensedOn"),
                            payload.getInteger("cycle"), payload.getInteger("tablets"),
                            payload.getInteger("strengthMg"), payload.getString("lot")));
                }
                case "dosing.AnlotinibReturned", "dosing.ReturnCorrected" -> {
                    returns.remove(payload.getString("correctedEventId"));
                    String eventId = fact.getString(PatientFactsProjection.EVENT_ID);
                    returns.put(eventId, new Return(eventId, date(payload, "returnedOn"),
                            payload.getInteger("cycle"), payload.getInteger("tablets")));
                }
                case "dosing.DiaryRecorded" -> payload.getList("days", Document.class)
                        .forEach(day -> diary.put(date(day, "date"), day));
                case "dosing.DoseDecisionRequired" -> decisions.put(payload.getString("decisionId"),
                        new Decision(payload.getString("decisionId"), payload.getString("adverseEventId"),
                                payload.getString("term"), payload.getInteger("grade"),
                                payload.getBoolean("intolerable"), date(payload, "raisedOn"), null, null, null));
                case "dosing.DoseDecisionResolved" -> decisions.computeIfPresent(payload.getString("decisionId"),
                        (id, open) -> new Decision(id, open.adverseEventId(), open.term(), open.grade(),
                                open.intolerable(), open.raisedOn(), payload.getString("decision"),
                                payload.getString("reason"), date(payload, "on")));
                case "dosing.ProtocolDeviationRecorded" -> deviations.add(new Deviation(date(payload, "on"),
                        payload.getString("rule"), payload.getString("detail"), payload.getString("reason")));
                case "dosing.DosingFindingRaised" -> findings.add(new Finding(payload.getString("finding"),
                        payload.getInteger("cycle"), payload.getString("detail")));
                default -> { }
            }
        }

        List<Cycle> cycles = new ArrayList<>();
        int cumulativeMg = 0;
        int started = 0;
        int finished = 0;
        int plannedMg = regimen.plannedDoseMg(1);
        for (int cycle = 1; firstDoseOn != null && cycle <= regimen.cycles(); cycle++) {
            LocalDate startsOn = firstDoseOn.plusDays((long) (cycle - 1) * regimen.cycleLengthDays());
            LocalDate endsOn = startsOn.plusDays(regimen.cycleLengthDays() - 1);
            LocalDate lastDosingDay = regimen.lastDosingDay(firstDoseOn)
                    .minusDays((long) (regimen.cycles() - cycle) * regimen.cycleLengthDays());
            int taken = 0;
            int missed = 0;
            int deliveredMg = 0;
            for (Document day : diary.subMap(startsOn, true, endsOn, true).values()) {
                if (day.getBoolean("taken")) {
                    taken++;
                    deliveredMg += day.getInteger("doseMg");
                } else {
                    missed++;
                }
            }
            boolean hasDiary = !diary.subMap(startsOn, true, endsOn, true).isEmpty();
            started += hasDiary ? 1 : 0;
            finished += completed || !diary.subMap(lastDosingDay, true, endsOn, true).isEmpty() ? 1 : 0;
            cumulativeMg += deliveredMg;
            int number = cycle;
            List<Dispensing> given = dispensings.values().stream().filter(d -> d.cycle() == number).toList();
            List<Return> back = returns.values().stream().filter(r -> r.cycle() == number).toList();
            int dispensed = given.stream().mapToInt(Dispensing::tablets).sum();
            Integer returned = back.isEmpty() ? null : back.stream().mapToInt(Return::tablets).sum();
            Integer expected = returned == null ? null : dispensed - returned;
            if (hasDiary || !given.isEmpty()) {
                cycles.add(new Cycle(cycle, startsOn, plannedMg, taken, missed, deliveredMg,
                        regimen.doseIntensity(deliveredMg, 1), dispensed,
                        given.stream().map(Dispensing::lot).toList(), returned, expected,
                        expected == null ? null : expected == taken));
            }
        }

        String status;
        if (discontinuation != null) {
            status = "DISCONTINUED";
        } else if (completed) {
            status = "COMPLETED";
        } else if (firstDoseOn == null) {
            status = "PLANNED";
        } else if (!holds.isEmpty() && holds.get(holds.size() - 1).to() == null) {
            status = "HELD";
        } else {
            status = "ONGOING";
        }
        return new PatientExposure(patient.getString("_id"), siteId, screeningNumber, status, firstDoseOn,
                doses.isEmpty() ? null : doses.lastEntry().getValue(), started, finished, cumulativeMg,
                regimen.doseIntensity(cumulativeMg), List.copyOf(cycles), List.copyOf(reductions), List.copyOf(holds),
                discontinuation, List.copyOf(decisions.values()), List.copyOf(deviations), List.copyOf(findings),
                List.copyOf(dispensings.values()), List.copyOf(returns.values()));
    }

    private static LocalDate date(Document document, String field) {
        String value = document.getString(field);
        return value == null ? null : LocalDate.parse(value);
    }
}
