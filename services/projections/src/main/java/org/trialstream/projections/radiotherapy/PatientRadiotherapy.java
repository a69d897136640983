package org.trialstream.projections.radiotherapy;

import static org.trialstream.projections.followup.PatientFactsProjection.PAYLOAD;
import static org.trialstream.projections.followup.PatientFactsProjection.TYPE;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import org.bson.Document;
import org.trialstream.kernel.contract.BoundedContext;
import org.trialstream.projections.followup.PatientFactsProjection;

/**
 * One patient's radiotherapy compliance, read from the radiotherapy facts in log order (only those recorded by
 * {@code asRecordedAt}, when given): the prescription as it stands against what was delivered, per phase, the overall
 * treatment time (first fraction to last, both counted), interruptions, deviations and findings; and the days on
 * which a fraction and an anlotinib dose (the dosing diary's days taken) fell together.
 *
 * @param status PLANNED, PRESCRIBED, ONGOING, COMPLETED or STOPPED_EARLY
 */
public record PatientRadiotherapy(String patientId, String siteId, String screeningNumber, String margin,
                                  String status, Phase base, Phase boost, BigDecimal prescribedGy,
                                  BigDecimal deliveredGy, LocalDate firstFractionOn, LocalDate lastFractionOn,
                                  Integer overallTreatmentDays, int interruptionWorkingDays,
                                  List<Interruption> interruptions, List<Deviation> deviations, List<Finding> findings,
                                  String earlyStopReason, List<LocalDate> overlapWithAnlotinib) {

    record Phase(BigDecimal prescribedGy, int prescribedFractions, BigDecimal deliveredGy, int deliveredFractions) {
    }

    record Interruption(LocalDate from, LocalDate to, String reason, int workingDays) {
    }

    record Deviation(LocalDate on, String severity, String description) {
    }

    record Finding(String finding, String detail) {
    }

    public boolean planned() {
        return siteId != null;
    }

    boolean prescribed() {
        return base.prescribedFractions() > 0;
    }

    public static PatientRadiotherapy of(Document patient, Instant asRecordedAt) {
        String siteId = null;
        String screeningNumber = null;
        String margin = null;
        int[] prescribed = new int[4];
        int[] delivered = new int[4];
        LocalDate first = null;
        LocalDate last = null;
        List<LocalDate> fractionDays = new ArrayList<>();
        List<Interruption> interruptions = new ArrayList<>();
        List<Deviation> deviations = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        boolean completed = false;
        String stopReason = null;
        for (Document fact : PatientFactsProjection.facts(patient, BoundedContext.RADIOTHERAPY, asRecordedAt)) {
            Document payload = fact.get(PAYLOAD, Document.class);
            switch (fact.getString(TYPE)) {
                case "radiotherapy.RadiotherapyPlanned" -> {
                    siteId = payload.getString("siteId");
                    screeningNumber = payload.getString("screeningNumber");
                    margin = payload.getString("margin");
                }
                case "radiotherapy.RadiotherapyPrescribed" -> prescribed = new int[] {
                        payload.getInteger("baseDoseCGy"), payload.getInteger("baseFractions"),
                        payload.getInteger("boostDoseCGy"), payload.getInteger("boostFractions")};
                case "radiotherapy.FractionDelivered" -> {
                    int phase = "BOOST".equals(payload.getString("phase")) ? 2 : 0;
                    delivered[phase] += payload.getInteger("doseCGy");
                    delivered[phase + 1]++;
                    LocalDate on = date(payload, "deliveredOn");
                    first = first == null ? on : first;
                    last = on;
                    fractionDays.add(on);
                }
                case "radiotherapy.RadiotherapyInterrupted" -> interruptions.add(new Interruption(
                        date(payload, "from"), date(payload, "to"), payload.getString("reason"),
                        payload.getInteger("workingDays")));
                case "radiotherapy.RadiotherapyDeviationRecorded" -> deviations.add(new Deviation(date(payload, "on"),
                        payload.getString("severity"), payload.getString("description")));
                case "radiotherapy.RadiotherapyFindingRaised" -> findings.add(new Finding(
                        payload.getString("finding"), payload.getString("detail")));
                case "radiotherapy.RadiotherapyCompleted" -> completed = true;
                case "radiotherapy.RadiotherapyStoppedEarly" -> stopReason = payload.getString("reason");
                default -> { }
            }
        }

        String status;
        if (completed) {
            status = "COMPLETED";
        } else if (stopReason != null) {
            status = "STOPPED_EARLY";
        } else if (first != null) {
            status = "ONGOING";
        } else if (prescribed[1] > 0) {
            status = "PRESCRIBED";
        } else {
            status = "PLANNED";
        }
        return new PatientRadiotherapy(patient.getString("_id"), siteId, screeningNumber, margin, status,
                new Phase(gy(prescribed[0]), prescribed[1], gy(delivered[0]), delivered[1]),
                new Phase(gy(prescribed[2]), prescribed[3], gy(delivered[2]), delivered[3]),
                gy(prescribed[0] + prescribed[2]), gy(delivered[0] + delivered[2]), first, last,
                first == null ? null : (int) ChronoUnit.DAYS.between(first, last) + 1,
                interruptions.stream().mapToInt(Interruption::workingDays).sum(), List.copyOf(interruptions),
                List.copyOf(deviations), List.copyOf(findings), stopReason,
                overlap(fractionDays, anlotinibTaken(patient, asRecordedAt)));
    }

    /** The days the dosing diary says anlotinib was taken; a day recorded again counts as last recorded. */
    private static TreeMap<LocalDate, Boolean> anlotinibTaken(Document patient, Instant asRecordedAt) {
        TreeMap<LocalDate, Boolean> taken = new TreeMap<>();
        for (Document fact : PatientFactsProjection.facts(patient, BoundedContext.DOSING, asRecordedAt)) {
            if ("dosing.DiaryRecorded".equals(fact.getString(TYPE))) {
                fact.get(PAYLOAD, Document.class).getList("days", Document.class)
                        .forEach(day -> taken.put(date(day, "date"), day.getBoolean("taken")));
            }
        }
        return taken;
    }

    private static List<LocalDate> overlap(List<LocalDate> fractionDays, TreeMap<LocalDate, Boolean> taken) {
        return fractionDays.stream().distinct().filter(day -> Boolean.TRUE.equals(taken.get(day))).toList();
    }

    private static BigDecimal gy(int centigray) {
        return BigDecimal.valueOf(centigray, 2);
    }

    private static LocalDate date(Document document, String field) {
        String value = document.getString(field);
        return value == null ? null : LocalDate.parse(value);
    }
}
