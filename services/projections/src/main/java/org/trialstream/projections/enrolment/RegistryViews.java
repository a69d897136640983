package org.trialstream.projections.enrolment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.bson.Document;
import org.trialstream.kernel.audit.AuditMetadata;
import org.trialstream.kernel.patient.ResectionMargin;

/** The registry as the API shows it: typed records, so that no stored field becomes public API by accident. */
final class RegistryViews {

    private RegistryViews() {
    }

    /**
     * One patient in the registry. {@code versions} holds the patient record's version per context, for
     * {@code If-Match} on that context's commands.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PatientView(String patientId, String screeningNumber, String siteId, String status, LocalDate screenedOn,
                       Boolean eligible, LocalDate assessedOn, Integer enrolmentNumber, LocalDate enrolledOn,
                       LocalDate surgeryDate, ResectionMargin margin, String histology, LocalDate withdrawnOn,
                       String withdrawalReason, Map<String, Long> versions, List<CorrectionView> corrections,
                       List<AuditEntryView> auditTrail, Instant lastEventAt) {

        static PatientView of(Document patient) {
            Map<String, Long> versions = new TreeMap<>();
            patient.get("versions", new Document()).forEach((context, version) ->
                    versions.put(context, ((Number) version).longValue()));
            return new PatientView(patient.getString("_id"), patient.getString("screeningNumber"),
                    patient.getString("siteId"), patient.getString("status"), date(patient, "screenedOn"),
                    patient.getBoolean("eligible"), date(patient, "assessedOn"), patient.getInteger("enrolmentNumber"),
                    date(patient, "enrolledOn"), date(patient, "surgeryDate"),
                    patient.getString("margin") == null ? null : ResectionMargin.valueOf(patient.getString("margin")),
                    patient.getString("histology"), date(patient, "withdrawnOn"),
                    patient.getString("withdrawalReason"), versions,
                    patient.getList("corrections", Document.class, List.of()).stream().map(CorrectionView::of).toList(),
                    patient.getList("auditTrail", Document.class, List.of()).stream().map(AuditEntryView::of).toList(),
                    patient.getString("lastEventAt") == null ? null : Instant.parse(patient.getString("lastEventAt")));
        }
    }

    /** A correction of the enrolment record: which fact it corrects, and why. */
    record CorrectionView(String eventId, String correctedEventId, String reason, Instant recordedAt) {

        static CorrectionView of(Document correction) {
            return new CorrectionView(correction.getString("eventId"), correction.getString("correctedEventId"),
                    correction.getString("reason"), Instant.parse(correction.getString("recordedAt")));
        }
    }

    /** Who recorded a fact, when, as whom, and the ids that link it to its request and cause. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AuditEntryView(String eventId, String type, String recordedAt, String actorSubject, String actorName,
                          String actorRole, String actorSite, String clinicalDate, String correlationId,
                          String causationId, String requestId) {

        static AuditEntryView of(Document entry) {
            return new AuditEntryView(entry.getString("eventId"), entry.getString("type"),
                    entry.getString("recordedAt"), entry.getString(AuditMetadata.ACTOR_SUBJECT),
                    entry.getString(AuditMetadata.ACTOR_NAME), entry.getString(AuditMetadata.ACTOR_ROLE),
                    entry.getString(AuditMetadata.ACTOR_SITE), entry.getString(AuditMetadata.CLINICAL_DATE),
                    entry.getString(AuditMetadata.CORRELATION_ID), entry.getString(AuditMetadata.CAUSATION_ID),
                    entry.getString(AuditMetadata.REQUEST_ID));
        }
    }

    /**
     * Progress towards the enrolment cap. The cap is the one the log recorded when enrolment opened (null until that
     * fact is read), never the protocol file this service happens to start with.
     */
    record ProgressView(Integer enrolmentCap, long screened, long enrolled, long withdrawn, Long placesLeft,
                        Map<String, Long> bySite, Map<ResectionMargin, Long> byMargin) {

        static ProgressView of(Integer enrolmentCap, Map<String, Long> counters) {
            Map<String, Long> bySite = new TreeMap<>();
            Map<ResectionMargin, Long> byMargin = new TreeMap<>();
            for (ResectionMargin margin : ResectionMargin.values()) {
                byMargin.put(margin, counters.getOrDefault(RegistryProjection.MARGIN + margin.name(), 0L));
            }
            counters.forEach((counter, value) -> {
                if (counter.startsWith(RegistryProjection.SITE)) {
                    bySite.put(counter.substring(RegistryProjection.SITE.length()), value);
                }
            });
            long enrolled = counters.getOrDefault(RegistryProjection.ENROLLED, 0L);
            return new ProgressView(enrolmentCap, counters.getOrDefault(RegistryProjection.SCREENED, 0L), enrolled,
                    counters.getOrDefault(RegistryProjection.WITHDRAWN, 0L),
                    enrolmentCap == null ? null : Math.max(0, enrolmentCap - enrolled), bySite, byMargin);
        }
    }

    private static LocalDate date(Document document, String field) {
        String value = document.getString(field);
        return value == null ? null : LocalDate.parse(value);
    }
}
