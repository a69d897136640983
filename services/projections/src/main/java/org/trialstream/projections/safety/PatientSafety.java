package org.trialstream.projections.safety;

import static org.trialstream.projections.followup.PatientFactsProjection.PAYLOAD;
import static org.trialstream.projections.followup.PatientFactsProjection.TYPE;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.trialstream.kernel.contract.BoundedContext;
import org.trialstream.projections.followup.PatientFactsProjection;

/**
 * One patient's safety facts as they stood: only facts recorded by {@code asRecordedAt}, and of those only the
 * clinical facts dated on or before the data cut (an adverse event by its onset, a grade change by its date).
 * A correction replaces the description of the event it names; the latest report, correction or re-judgement says
 * whether an event is treatment-emergent.
 *
 * @param firstTreatmentOn the first anlotinib dose or radiotherapy fraction by the cut; null when not treated by then
 * @param diedOn           the death follow-up recorded, by the cut; null when none
 */
record PatientSafety(String patientId, String siteId, String screeningNumber, LocalDate firstTreatmentOn,
                     List<AdverseEvent> adverseEvents, List<Seriousness> serious, LocalDate diedOn, String causeOfDeath,
                     List<DoseReduction> reductions, List<Discontinuation> discontinuations) {

    /**
     * @param worstGrade the worst of the reported (or corrected) grade and every change of grade dated by the cut
     * @param grade5On   the day it reached grade 5: its onset when reported at grade 5, otherwise the date of the
     *                   change to grade 5; null when it did not by the cut
     */
    record AdverseEvent(String adverseEventId, String term, String systemOrganClass, LocalDate onsetOn,
                        int worstGrade, LocalDate grade5On, boolean treatmentEmergent) {
    }

    /** One {@code SeriousAdverseEventReported} fact and the reports its clock asked for. */
    record Seriousness(String adverseEventId, String term, int grade, List<String> criteria, LocalDate awareOn,
                       boolean susar, boolean upgrade, List<Report> reports) {
    }

    /** @param submittedOn the day the report went out, by the cut; null when it did not */
    record Report(String kind, LocalDate dueOn, LocalDate submittedOn) {
    }

    record DoseReduction(String adverseEventId, LocalDate effectiveOn, int fromMg, int toMg, String reason) {
    }

    record Discontinuation(String adverseEventId, LocalDate on, String reason, String detail) {
    }

    boolean treated() {
        return firstTreatmentOn != null;
    }

    static PatientSafety of(Document patient, LocalDate dataCut, Instant asRecordedAt) {
        String siteId = null;
        String screeningNumber = null;
        for (Document fact : PatientFactsProjection.facts(patient, BoundedContext.ENROLMENT, asRecordedAt)) {
            Document payload = fact.get(PAYLOAD, Document.class);
            if ("enrolment.PatientScreened".equals(fact.getString(TYPE))
                    || "enrolment.PatientEnrolled".equals(fact.getString(TYPE))) {
                siteId = payload.getString("siteId");
                screeningNumber = payload.getString("screeningNumber");
            }
        }

        Map<String, Tracked> events = new LinkedHashMap<>();
        List<Document> seriousFacts = new ArrayList<>();
        Map<String, LocalDate> submitted = new LinkedHashMap<>();
        for (Document fact : PatientFactsProjection.facts(patient, BoundedContext.SAFETY, asRecordedAt)) {
            Document payload = fact.get(PAYLOAD, Document.class);
            String adverseEventId = payload.getString("adverseEventId");
            Tracked event = events.computeIfAbsent(adverseEventId, id -> new Tracked());
            switch (fact.getString(TYPE)) {
                case "safety.AdverseEventReported" -> {
                    event.describe(payload);
                    siteId = siteId == null ? payload.getString("siteId") : siteId;
                    screeningNumber = screeningNumber == null ? payload.getString("screeningNumber") : screeningNumber;
                }
                case "safety.AdverseEventCorrected" -> event.describe(payload);
                case "safety.TreatmentEmergenceRejudged" ->
                        event.treatmentEmergent = payload.getBoolean("treatmentEmergent");
                case "safety.AdverseEventGradeChanged" -> {
                    LocalDate on = date(payload, "on");
                    if (!on.isAfter(dataCut)) {
                        event.changes.add(new Change(payload.getInteger("grade"), on));
                    }
                }
                case "safety.SeriousAdverseEventReported" -> seriousFacts.add(payload);
                case "safety.ExpeditedReportSubmitted" -> {
                    LocalDate on = date(payload, "submittedOn");
                    if (!on.isAfter(dataCut)) {
                        submitted.merge(reportKey(adverseEventId, payload.getString("kind"),
                                payload.getString("dueOn")), on, (a, b) -> a.isBefore(b) ? a : b);
                    }
                }
                default -> { }
            }
        }

        List<AdverseEvent> adverseEvents = new ArrayList<>();
        events.forEach((id, event) -> {
            if (event.description != null && !date(event.description, "onsetOn").isAfter(dataCut)) {
                adverseEvents.add(event.asOfCut(id));
            }
        });
        List<Seriousness> serious = new ArrayList<>();
        for (Document payload : seriousFacts) {
            if (date(payload, "awareOn").isAfter(dataCut)) {
                continue;
            }
            String adverseEventId = payload.getString("adverseEventId");
            List<Report> reports = payload.getList("deadlines", Document.class).stream()
                    .map(deadline -> new Report(deadline.getString("kind"), date(deadline, "dueOn"),
                            submitted.get(reportKey(adverseEventId, deadline.getString("kind"),
                                    deadline.getString("dueOn")))))
                    .toList();
            serious.add(new Seriousness(adverseEventId, payload.getString("term"), payload.getInteger("grade"),
                    payload.getList("criteria", String.class), date(payload, "awareOn"),
                    payload.getBoolean("susar"), payload.getBoolean("upgrade"), reports));
        }

        LocalDate firstTreatmentOn = null;
        List<DoseReduction> reductions = new ArrayList<>();
        List<Discontinuation> discontinuations = new ArrayList<>();
        for (Document fact : PatientFactsProjection.facts(patient, BoundedContext.DOSING, asRecordedAt)) {
            Document payload = fact.get(PAYLOAD, Document.class);
            switch (fact.getString(TYPE)) {
                case "dosing.FirstDoseTaken" -> firstTreatmentOn = earliest(firstTreatmentOn, date(payload, "takenOn"),
                        dataCut);
                case "dosing.DoseReduced" -> {
                    if (!date(payload, "effectiveOn").isAfter(dataCut)) {
                        reductions.add(new DoseReduction(payload.getString("adverseEventId"),
                                date(payload, "effectiveOn"), payload.getInteger("fromMg"),
                                payload.getInteger("toMg"), payload.getString("reason")));
                    }
                }
                case "dosing.AnlotinibDiscontinued" -> {
                    if (payload.getString("adverseEventId") != null && !date(payload, "on").isAfter(dataCut)) {
                        discontinuations.add(new Discontinuation(payload.getString("adverseEventId"),
                                date(payload, "on"), payload.getString("reason"), payload.getString("detail")));
                    }
                }
                default -> { }
            }
        }
        for (Document fact : PatientFactsProjection.facts(patient, BoundedContext.RADIOTHERAPY, asRecordedAt)) {
            if ("radiotherapy.FractionDelivered".equals(fact.getString(TYPE))) {
                firstTreatmentOn = earliest(firstTreatmentOn,
                        date(fact.get(PAYLOAD, Document.class), "deliveredOn"), dataCut);
            }
        }

        LocalDate diedOn = null;
        String cause = null;
        for (Document fact : PatientFactsProjection.facts(patient, BoundedContext.FOLLOW_UP, asRecordedAt)) {
            if ("follow-up.DeathRecorded".equals(fact.getString(TYPE))) {
                Document payload = fact.get(PAYLOAD, Document.class);
                diedOn = date(payload, "diedOn");
                cause = payload.getString("cause");
            }
        }
        if (diedOn != null && diedOn.isAfter(dataCut)) {
            diedOn = null;
            cause = null;
        }
        return new PatientSafety(patient.getString("_id"), siteId, screeningNumber, firstTreatmentOn,
                List.copyOf(adverseEvents), List.copyOf(serious), diedOn, cause, List.copyOf(reductions),
                List.copyOf(discontinuations));
    }

    private record Change(int grade, LocalDate on) {
    }

    /** An adverse event while its facts are read in log order. */
    private static final class Tracked {
        private Document description;
        private boolean treatmentEmergent;
        private final List<Change> changes = new ArrayList<>();

        void describe(Document reportOrCorrection) {
            description = reportOrCorrection.get("description", Document.class);
            treatmentEmergent = reportOrCorrection.getBoolean("treatmentEmergent");
        }

        AdverseEvent asOfCut(String adverseEventId) {
            int grade = description.getInteger("grade");
            LocalDate onsetOn = date(description, "onsetOn");
            int worst = grade;
            LocalDate grade5On = grade == 5 ? onsetOn : null;
            for (Change change : changes) {
                worst = Math.max(worst, change.grade());
                if (change.grade() == 5 && (grade5On == null || change.on().isBefore(grade5On))) {
                    grade5On = change.on();
                }
            }
            return new AdverseEvent(adverseEventId, description.getString("term"),
                    description.getString("systemOrganClass"), onsetOn, worst, grade5On, treatmentEmergent);
        }
    }

    private static String reportKey(String adverseEventId, String kind, String dueOn) {
        return adverseEventId + "/" + kind + "/" + dueOn;
    }

    private static LocalDate earliest(LocalDate soFar, LocalDate candidate, LocalDate dataCut) {
        if (candidate.isAfter(dataCut)) {
            return soFar;
        }
        return soFar == null || candidate.isBefore(soFar) ? candidate : soFar;
    }

    private static LocalDate date(Document document, String field) {
        String value = document.getString(field);
        return value == null ? null : LocalDate.parse(value);
    }
}
