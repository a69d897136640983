package org.trialstream.projections.audit;

import static org.trialstream.projections.followup.PatientFactsProjection.CLINICAL_DATE;
import static org.trialstream.projections.followup.PatientFactsProjection.EVENT_ID;
import static org.trialstream.projections.followup.PatientFactsProjection.METADATA;
import static org.trialstream.projections.followup.PatientFactsProjection.OFFSET;
import static org.trialstream.projections.followup.PatientFactsProjection.PARTITION;
import static org.trialstream.projections.followup.PatientFactsProjection.PAYLOAD;
import static org.trialstream.projections.followup.PatientFactsProjection.RECORDED_AT;
import static org.trialstream.projections.followup.PatientFactsProjection.RECORD_VERSION;
import static org.trialstream.projections.followup.PatientFactsProjection.TOPIC;
import static org.trialstream.projections.followup.PatientFactsProjection.TYPE;
import static org.trialstream.projections.followup.PatientFactsProjection.VERSION;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.bson.Document;
import org.trialstream.kernel.audit.AuditMetadata;
import org.trialstream.kernel.audit.FactChain;
import org.trialstream.kernel.contract.BoundedContext;
import org.trialstream.projections.dosing.PatientExposure;
import org.trialstream.projections.followup.PatientFactsProjection;
import org.trialstream.projections.radiotherapy.PatientRadiotherapy;
import org.trialstream.protocol.definition.AnlotinibRegimen;

/**
 * One patient's full history across every context, as an auditor reads it: every fact in recorded order, each with
 * who recorded it, when, its clinical date, the reason for a change, its request, correlation and causation ids, its
 * place in the log and its chain hash; a correction with the fields it changed in the fact it corrects; and the
 * patient's state across the contexts. With {@code asOf}, only what had been recorded by then: what an auditor would
 * have seen at that instant, before later corrections.
 */
public record PatientHistory(String patientId, String siteId, Instant asOf, State state, List<Entry> facts) {

    /** Fields of a payload that identify rather than describe, left out of a correction's changes. */
    private static final Set<String> IDENTIFYING = Set.of("patientId", "correctedEventId", "reason", "adverseEventId",
            "corrects");

    public record Actor(String subject, String name, String role, String site) {
    }

    public record Change(Object from, Object to) {
    }

    /**
     * What a correction changed.
     *
     * @param correctedEventIds the facts it corrects
     * @param changes           per field (nested fields dotted), the value before and after
     */
    public record Correction(List<String> correctedEventIds, Map<String, Change> changes) {
    }

    public record Entry(String eventId, String type, Integer version, String context, Instant recordedAt,
                        String clinicalDate, Long recordVersion, Actor actor, String reason, String requestId,
                        String correlationId, String causationId, String chainHash, String topic, Integer partition,
                        Long offset, Map<String, Object> payload, Correction correction) {
    }

    /** The patient across the contexts, as the facts in the history leave it. */
    public record State(String enrolment, String screeningNumber, LocalDate surgeryDate, String margin,
                        String anlotinib, Integer anlotinibDoseMg, String radiotherapy,
                        BigDecimal radiotherapyDeliveredGy, int adverseEvents, int seriousAdverseEvents,
                        LocalDate lastAssessmentOn, LocalDate diedOn) {
    }

    static PatientHistory of(Document patient, Instant asOf, AnlotinibRegimen regimen) {
        List<Recorded> recorded = new ArrayList<>();
        for (BoundedContext context : BoundedContext.values()) {
            for (Document fact : PatientFactsProjection.facts(patient, context, asOf)) {
                recorded.add(new Recorded(Instant.parse(fact.getString(RECORDED_AT)),
                        Objects.toString(fact.getString(TOPIC), ""),
                        fact.get(OFFSET) == null ? -1L : ((Number) fact.get(OFFSET)).longValue(), fact));
            }
        }
        recorded.sort(Comparator.comparing(Recorded::at).thenComparing(Recorded::topic)
                .thenComparingLong(Recorded::offset));
        List<Document> facts = new ArrayList<>(recorded.size());
        Map<String, Document> byId = new HashMap<>();
        Map<String, Document> latestByAdverseEvent = new HashMap<>();
        List<Entry> entries = new ArrayList<>(recorded.size());
        for (Recorded each : recorded) {
            Document fact = each.fact();
            facts.add(fact);
            entries.add(entry(fact, each.at(), byId, latestByAdverseEvent));
            byId.put(fact.getString(EVENT_ID), fact);
            String adverseEventId = fact.get(PAYLOAD, Document.class).getString("adverseEventId");
            if (adverseEventId != null && fact.get(PAYLOAD, Document.class).containsKey("description")) {
                latestByAdverseEvent.put(adverseEventId, fact);
            }
        }
        State state = state(patient, facts, asOf, regimen);
        return new PatientHistory(patient.getString("_id"), siteOf(patient), asOf, state, List.copyOf(entries));
    }

    /** A fact with its sort keys read once: the instant it was recorded, then where the log holds it. */
    private record Recorded(Instant at, String topic, long offset, Document fact) {
    }

    private static Entry entry(Document fact, Instant recordedAt, Map<String, Document> byId,
                               Map<String, Document> latestByAdverseEvent) {
        Document payload = fact.get(PAYLOAD, Document.class);
        Document metadata = fact.get(METADATA, Document.class) == null ? new Document() : fact.get(METADATA,
                Document.class);
        String type = fact.getString(TYPE);
        return new Entry(fact.getString(EVENT_ID), type, fact.getInteger(VERSION),
                type.substring(0, type.indexOf('.')), recordedAt,
                fact.getString(CLINICAL_DATE), number(fact.get(RECORD_VERSION)),
                new Actor(metadata.getString(AuditMetadata.ACTOR_SUBJECT), metadata.getString(AuditMetadata.ACTOR_NAME),
                        metadata.getString(AuditMetadata.ACTOR_ROLE), metadata.getString(AuditMetadata.ACTOR_SITE)),
                payload.get("reason") instanceof String reason ? reason : null,
                metadata.getString(AuditMetadata.REQUEST_ID), metadata.getString(AuditMetadata.CORRELATION_ID),
                metadata.getString(AuditMetadata.CAUSATION_ID), metadata.getString(FactChain.HASH),
                fact.getString(TOPIC), fact.getInteger(PARTITION), number(fact.get(OFFSET)),
                new LinkedHashMap<>(payload), correction(type, payload, byId, latestByAdverseEvent));
    }

    /**
     * The facts a correction corrects and what it changed: one named by {@code correctedEventId}, the adverse event's
     * description as it stood for a safety correction, or the diary days it names.
     */
    private static Correction correction(String type, Document payload, Map<String, Document> byId,
                                         Map<String, Document> latestByAdverseEvent) {
        String correctedEventId = payload.getString("correctedEventId");
        if (correctedEventId != null) {
            Document corrected = byId.get(correctedEventId);
            return new Correction(List.of(correctedEventId), corrected == null ? Map.of()
                    : changes(corrected.get(PAYLOAD, Document.class), payload));
        }
        if (type.equals("safety.AdverseEventCorrected")) {
            Document corrected = latestByAdverseEvent.get(payload.getString("adverseEventId"));
            return corrected == null ? null : new Correction(List.of(corrected.getString(EVENT_ID)),
                    changes(corrected.get(PAYLOAD, Document.class), payload));
        }
        List<String> corrects = payload.getList("corrects", String.class);
        return corrects == null || corrects.isEmpty() ? null : new Correction(List.copyOf(corrects), Map.of());
    }

    /** The fields the correction gives that differ from the corrected fact, nested objects field by field. */
    private static Map<String, Change> changes(Document before, Document after) {
        Map<String, Change> changes = new LinkedHashMap<>();
        after.forEach((field, value) -> {
            if (!IDENTIFYING.contains(field) && before.containsKey(field)) {
                collect(field, before.get(field), value, changes);
            }
        });
        return changes;
    }

    private static void collect(String path, Object before, Object after, Map<String, Change> changes) {
        if (before instanceof Document from && after instanceof Document to) {
            to.forEach((field, value) -> collect(path + "." + field, from.get(field), value, changes));
        } else if (!Objects.equals(before, after)) {
            changes.put(path, new Change(before, after));
        }
    }

    private static State state(Document patient, List<Document> facts, Instant asOf, AnlotinibRegimen regimen) {
        String enrolment = null;
        String screeningNumber = null;
        LocalDate surgery = null;
        String margin = null;
        int adverseEvents = 0;
        Set<String> serious = new HashSet<>();
        LocalDate lastAssessment = null;
        LocalDate died = null;
        for (Document fact : facts) {
            Document payload = fact.get(PAYLOAD, Document.class);
            switch (fact.getString(TYPE)) {
                case "enrolment.PatientScreened" -> {
                    enrolment = "SCREENED";
                    screeningNumber = payload.getString("screeningNumber");
                }
                case "enrolment.EligibilityAssessed" ->
                        enrolment = payload.getBoolean("eligible") ? "ELIGIBLE" : "INELIGIBLE";
                case "enrolment.PatientEnrolled", "enrolment.EnrolmentCorrected" -> {
                    enrolment = "enrolment.PatientEnrolled".equals(fact.getString(TYPE)) ? "ENROLLED" : enrolment;
                    surgery = LocalDate.parse(payload.getString("surgeryDate"));
                    margin = payload.getString("margin");
                }
                case "enrolment.ConsentWithdrawn" -> enrolment = "WITHDRAWN";
                case "safety.AdverseEventReported" -> adverseEvents++;
                case "safety.SeriousAdverseEventReported" -> serious.add(payload.getString("adverseEventId"));
                case "follow-up.ImagingAssessed" -> lastAssessment = LocalDate.parse(payload.getString("assessedOn"));
                case "follow-up.DeathRecorded" -> died = LocalDate.parse(payload.getString("diedOn"));
                default -> { }
            }
        }
        PatientExposure exposure = PatientExposure.of(patient, regimen, asOf);
        PatientRadiotherapy radiotherapy = PatientRadiotherapy.of(patient, asOf);
        return new State(enrolment, screeningNumber, surgery, margin,
                exposure.planned() ? exposure.status() : null, exposure.currentDoseMg(),
                radiotherapy.planned() ? radiotherapy.status() : null,
                radiotherapy.planned() ? radiotherapy.deliveredGy() : null, adverseEvents, serious.size(),
                lastAssessment, died);
    }

    /** The patient's site, as the first fact recorded that names one says, whatever the instant asked for. */
    static String siteOf(Document patient) {
        for (BoundedContext context : BoundedContext.values()) {
            for (Document fact : PatientFactsProjection.facts(patient, context, null)) {
                String site = fact.get(PAYLOAD, Document.class).getString("siteId");
                if (site != null) {
                    return site;
                }
            }
        }
        return null;
    }

    private static Long number(Object value) {
        return value instanceof Number number ? number.longValue() : null;
    }
}
