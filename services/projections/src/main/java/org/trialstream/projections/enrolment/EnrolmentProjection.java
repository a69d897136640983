package org.trialstream.projections.enrolment;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.trialstream.kernel.audit.AuditMetadata;
import org.trialstream.kernel.contract.BoundedContext;
import org.trialstream.kernel.contract.enrolment.ConsentWithdrawn;
import org.trialstream.kernel.contract.enrolment.EligibilityAssessed;
import org.trialstream.kernel.contract.enrolment.EnrolmentCorrected;
import org.trialstream.kernel.contract.enrolment.PatientEnrolled;
import org.trialstream.kernel.contract.enrolment.PatientScreened;
import org.trialstream.projections.stream.ContractEvent;
import org.trialstream.projections.stream.Projection;

/**
 * The patient registry (one document per patient) and the enrolment progress (n of the cap, by site and margin).
 * Documents hold only what the events say, never the time of processing, so a rebuild gives identical documents.
 * Each patient document lists the ids of the events applied to it: a redelivered event is recognised and ignored.
 */
public class EnrolmentProjection implements Projection {

    static final String PROGRESS_ID = "enrolment";

    private final MongoCollection<Document> patients;
    private final MongoCollection<Document> progress;
    private final int enrolmentCap;

    public EnrolmentProjection(MongoCollection<Document> patients, MongoCollection<Document> progress,
                               int enrolmentCap) {
        this.patients = patients;
        this.progress = progress;
        this.enrolmentCap = enrolmentCap;
    }

    @Override
    public Set<String> topics() {
        return Set.of(BoundedContext.ENROLMENT.topic());
    }

    @Override
    public void apply(ContractEvent event) {
        String patientId = event.payload().patientId().toString();
        Document patient = patients.find(new Document("_id", patientId)).first();
        if (patient == null) {
            patient = new Document("_id", patientId).append("appliedEventIds", new ArrayList<String>());
        }
        List<String> applied = patient.getList("appliedEventIds", String.class);
        if (applied.contains(event.eventId())) {
            // A redelivery after a crash between the document and the progress write: finish the progress.
            recomputeProgress();
            return;
        }
        applyTo(patient, event);
        applied.add(event.eventId());
        patient.put("lastEventAt", event.recordedAt().toString());
        if (event.recordVersion() != null) {
            patient.put("version", event.recordVersion());
        }
        List<Document> trail = new ArrayList<>(patient.getList("auditTrail", Document.class, List.of()));
        trail.add(auditEntry(event));
        patient.put("auditTrail", trail);
        patients.replaceOne(new Document("_id", patientId), patient, new ReplaceOptions().upsert(true));
        recomputeProgress();
    }

    private static void applyTo(Document patient, ContractEvent event) {
        if (event.payload() instanceof PatientScreened e) {
            patient.append("screeningNumber", e.screeningNumber())
                    .append("siteId", e.siteId())
                    .append("screenedOn", e.screenedOn().toString())
                    .append("status", "SCREENED");
        } else if (event.payload() instanceof EligibilityAssessed e) {
            patient.append("eligible", e.eligible())
                    .append("assessedOn", e.assessedOn().toString())
                    .append("status", e.eligible() ? "ELIGIBLE" : "INELIGIBLE");
        } else if (event.payload() instanceof PatientEnrolled e) {
            patient.append("enrolmentNumber", e.enrolmentNumber())
                    .append("siteId", e.siteId())
                    .append("enrolledOn", e.enrolledOn().toString())
                    .append("surgeryDate", e.surgeryDate().toString())
                    .append("margin", e.margin().name())
                    .append("histology", e.histology())
                    .append("status", "ENROLLED");
        } else if (event.payload() instanceof ConsentWithdrawn e) {
            patient.append("withdrawnOn", e.withdrawnOn().toString())
                    .append("withdrawalReason", e.reason())
                    .append("status", "WITHDRAWN");
        } else if (event.payload() instanceof EnrolmentCorrected e) {
            patient.append("surgeryDate", e.surgeryDate().toString())
                    .append("margin", e.margin().name())
                    .append("histology", e.histology());
            List<Document> corrections = new ArrayList<>(patient.getList("corrections", Document.class, List.of()));
            corrections.add(new Document("eventId", event.eventId())
                    .append("correctedEventId", e.correctedEventId())
                    .append("reason", e.reason())
                    .append("recordedAt", event.recordedAt().toString()));
            patient.append("corrections", corrections);
        }
    }

    /** Who recorded the fact, when, and why it happened, as the event's metadata says; nothing from this process. */
    private static Document auditEntry(ContractEvent event) {
        Document entry = new Document("eventId", event.eventId())
                .append("type", event.type())
                .append("recordedAt", event.metadata().getOrDefault(AuditMetadata.RECORDED_AT,
                        event.recordedAt().toString()));
        for (String key : List.of(AuditMetadata.ACTOR_SUBJECT, AuditMetadata.ACTOR_NAME, AuditMetadata.ACTOR_ROLE,
                AuditMetadata.ACTOR_SITE, AuditMetadata.CLINICAL_DATE, AuditMetadata.CORRELATION_ID,
                AuditMetadata.CAUSATION_ID, AuditMetadata.REQUEST_ID)) {
            String value = event.metadata().get(key);
            if (value != null) {
                entry.append(key, value);
            }
        }
        return entry;
    }

    /** At most a few hundred documents: recounting keeps the progress exactly what the registry says. */
    private void recomputeProgress() {
        int screened = 0;
        int enrolled = 0;
        int withdrawn = 0;
        Document bySite = new Document();
        Document byMargin = emptyMarginCounts();
        for (Document patient : patients.find()) {
            screened++;
            if (patient.containsKey("enrolmentNumber")) {
                enrolled++;
                bySite.merge(patient.getString("siteId"), 1, (a, b) -> (Integer) a + (Integer) b);
                byMargin.merge(patient.getString("margin"), 1, (a, b) -> (Integer) a + (Integer) b);
            }
            if ("WITHDRAWN".equals(patient.getString("status"))) {
                withdrawn++;
            }
        }
        progress.replaceOne(new Document("_id", PROGRESS_ID), new Document("_id", PROGRESS_ID)
                        .append("enrolmentCap", enrolmentCap)
                        .append("screened", screened)
                        .append("enrolled", enrolled)
                        .append("withdrawn", withdrawn)
                        .append("placesLeft", Math.max(0, enrolmentCap - enrolled))
                        .append("bySite", sortedByKey(bySite))
                        .append("byMargin", byMargin),
                new ReplaceOptions().upsert(true));
    }

    public List<Document> patients() {
        List<Document> all = new ArrayList<>();
        patients.find().sort(Sorts.ascending("screeningNumber")).into(all);
        return all;
    }

    public Document patient(String patientId) {
        return patients.find(new Document("_id", patientId)).first();
    }

    public Document progress() {
        Document current = progress.find(new Document("_id", PROGRESS_ID)).first();
        if (current != null) {
            return current;
        }
        return new Document("_id", PROGRESS_ID).append("enrolmentCap", enrolmentCap).append("screened", 0)
                .append("enrolled", 0).append("withdrawn", 0).append("placesLeft", enrolmentCap)
                .append("bySite", new Document()).append("byMargin", emptyMarginCounts());
    }

    private static Document emptyMarginCounts() {
        return new Document("R0", 0).append("R1", 0).append("R2", 0);
    }

    /** Sites in a fixed order, so that a rebuilt document is identical field by field. */
    private static Document sortedByKey(Document counts) {
        Document sorted = new Document();
        new TreeMap<>(counts).forEach(sorted::append);
        return sorted;
    }

    @Override
    public void drop() {
        patients.deleteMany(new Document());
        progress.deleteMany(new Document());
    }
}
