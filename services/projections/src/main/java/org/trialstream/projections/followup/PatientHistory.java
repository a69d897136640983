package org.trialstream.projections.followup;

import static org.trialstream.projections.followup.PatientFactsProjection.CLINICAL_DATE;
import static org.trialstream.projections.followup.PatientFactsProjection.EVENT_ID;
import static org.trialstream.projections.followup.PatientFactsProjection.PAYLOAD;
import static org.trialstream.projections.followup.PatientFactsProjection.TYPE;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.trialstream.kernel.contract.BoundedContext;

/**
 * One patient's history as it stood: only facts recorded by {@code asRecordedAt} (corrections recorded later are not
 * applied), and of those only the clinical facts dated on or before the data cut. Corrections replace what they
 * correct. Empty for a patient not enrolled by the cut.
 *
 * @param lastKnownAlive the latest clinical date of any enrolment or follow-up fact, death excepted (the survival
 *                       analyses read these two contexts only)
 * @param queries        inconsistencies a data manager must resolve, in words
 */
record PatientHistory(String patientId, String siteId, LocalDate surgery, List<Assessment> assessments,
                      LocalDate diedOn, LocalDate lastKnownAlive, LocalDate lostOn, LocalDate stoppedOn,
                      List<Visit> visits, List<String> queries) {

    /** A standing imaging assessment. */
    record Assessment(String eventId, LocalDate on, boolean localRecurrence, boolean distantMetastasis,
                      Integer visit) {
    }

    /** A scheduled visit of the latest schedule. */
    record Visit(int visit, int month, LocalDate dueOn, LocalDate windowFrom, LocalDate windowTo) {
    }

    static Optional<PatientHistory> of(Document patient, LocalDate dataCut, Instant asRecordedAt) {
        List<Document> enrolment = PatientFactsProjection.facts(patient, BoundedContext.ENROLMENT, asRecordedAt);
        List<Document> followUp = PatientFactsProjection.facts(patient, BoundedContext.FOLLOW_UP, asRecordedAt);
        LocalDate surgery = null;
        LocalDate enrolledOn = null;
        String siteId = null;
        for (Document fact : enrolment) {
            Document payload = fact.get(PAYLOAD, Document.class);
            switch (fact.getString(TYPE)) {
                case "enrolment.PatientEnrolled" -> {
                    surgery = date(payload, "surgeryDate");
                    enrolledOn = date(payload, "enrolledOn");
                    siteId = payload.getString("siteId");
                }
                case "enrolment.EnrolmentCorrected" -> surgery = date(payload, "surgeryDate");
                default -> { }
            }
        }
        if (enrolledOn == null || enrolledOn.isAfter(dataCut)) {
            return Optional.empty();
        }

        Map<String, Assessment> standing = new LinkedHashMap<>();
        LocalDate diedOn = null;
        LocalDate lostOn = null;
        LocalDate stoppedOn = null;
        List<Visit> visits = List.of();
        for (Document fact : followUp) {
            Document payload = fact.get(PAYLOAD, Document.class);
            switch (fact.getString(TYPE)) {
                case "follow-up.ImagingAssessed" -> standing.put(fact.getString(EVENT_ID),
                        assessment(fact.getString(EVENT_ID), payload));
                case "follow-up.AssessmentCorrected" -> {
                    standing.remove(payload.getString("correctedEventId"));
                    standing.put(fact.getString(EVENT_ID), assessment(fact.getString(EVENT_ID), payload));
                }
                case "follow-up.DeathRecorded" -> diedOn = date(payload, "diedOn");
                case "follow-up.LostToFollowUp" -> lostOn = date(payload, "lastKnownAliveOn");
                case "follow-up.FollowUpStopped" -> stoppedOn = date(payload, "on");
                case "follow-up.VisitsScheduled" -> visits = payload.getList("visits", Document.class).stream()
                        .map(visit -> new Visit(visit.getInteger("visit"), visit.getInteger("month"),
                                date(visit, "dueOn"), date(visit, "windowFrom"), date(visit, "windowTo")))
                        .toList();
                default -> { }
            }
        }
        List<Assessment> assessments = standing.values().stream()
                .filter(assessment -> !assessment.on().isAfter(dataCut))
                .sorted(Comparator.comparing(Assessment::on))
                .toList();
        if (diedOn != null && diedOn.isAfter(dataCut)) {
            diedOn = null;
        }

        List<String> queries = new ArrayList<>();
        LocalDate lastKnownAlive = surgery;
        List<Document> all = new ArrayList<>(enrolment);
        all.addAll(followUp);
        for (Document fact : all) {
            LocalDate on = clinicalDate(fact, standing);
            if (on == null || on.isAfter(dataCut) || "follow-up.DeathRecorded".equals(fact.getString(TYPE))) {
                continue;
            }
            if (diedOn != null && on.isAfter(diedOn)) {
                queries.add(fact.getString(TYPE) + " is dated " + on + ", after the death on " + diedOn);
            }
            if (on.isAfter(lastKnownAlive)) {
                lastKnownAlive = on;
            }
        }
        return Optional.of(new PatientHistory(patient.getString("_id"), siteId, surgery, assessments, diedOn,
                lastKnownAlive, lostOn, stoppedOn, visits, queries));
    }

    /** The clinical date a fact speaks for, from its payload where the contract has one, else from its metadata. */
    private static LocalDate clinicalDate(Document fact, Map<String, Assessment> standing) {
        Document payload = fact.get(PAYLOAD, Document.class);
        return switch (fact.getString(TYPE)) {
            case "enrolment.PatientScreened" -> date(payload, "screenedOn");
            case "enrolment.EligibilityAssessed" -> date(payload, "assessedOn");
            case "enrolment.PatientEnrolled" -> date(payload, "enrolledOn");
            case "enrolment.ConsentWithdrawn" -> date(payload, "withdrawnOn");
            // Only an assessment that still stands speaks for its date; a corrected one is replaced.
            case "follow-up.ImagingAssessed", "follow-up.AssessmentCorrected" ->
                    standing.containsKey(fact.getString(EVENT_ID)) ? date(payload, "assessedOn") : null;
            case "follow-up.AliveContactRecorded" -> date(payload, "on");
            case "follow-up.LostToFollowUp" -> date(payload, "lastKnownAliveOn");
            case "enrolment.EnrolmentCorrected", "enrolment.EnrolmentOpened", "follow-up.VisitsScheduled",
                 "follow-up.FollowUpStopped", "follow-up.AssessmentOutsideWindow" -> null;
            default -> fact.getString(CLINICAL_DATE) == null ? null : LocalDate.parse(fact.getString(CLINICAL_DATE));
        };
    }

    private static Assessment assessment(String eventId, Document payload) {
        return new Assessment(eventId, date(payload, "assessedOn"), payload.getBoolean("localRecurrence"),
                payload.getBoolean("distantMetastasis"), payload.getInteger("visit"));
    }

    private static LocalDate date(Document document, String field) {
        String value = document.getString(field);
        return value == null ? null : LocalDate.parse(value);
    }
}
