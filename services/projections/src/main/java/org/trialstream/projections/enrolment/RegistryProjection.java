package org.trialstream.projections.enrolment;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.trialstream.kernel.audit.AuditMetadata;
import org.trialstream.kernel.contract.BoundedContext;
import org.trialstream.kernel.contract.enrolment.ConsentWithdrawn;
import org.trialstream.kernel.contract.enrolment.EligibilityAssessed;
import org.trialstream.kernel.contract.enrolment.EnrolmentCorrected;
import org.trialstream.kernel.contract.enrolment.EnrolmentOpened;
import org.trialstream.kernel.contract.enrolment.PatientEnrolled;
import org.trialstream.kernel.contract.enrolment.PatientScreened;
import org.trialstream.projections.stream.Batch;
import org.trialstream.projections.stream.ContractEvent;
import org.trialstream.projections.stream.Documents;
import org.trialstream.projections.stream.Projection;

/**
 * The patient registry (one document per patient), the study's enrolment cap as the log recorded it, and the
 * enrolment progress as counters: screened, enrolled, withdrawn, by site and by margin. Each counter changes only
 * with the fact that changed a patient, so the progress is never recounted over the registry.
 */
public class RegistryProjection implements Projection {

    public static final String NAME = "registry";
    static final String PATIENTS = "patients";
    static final String STUDY = "study";
    static final String SCREENED = "screened";
    static final String ENROLLED = "enrolled";
    static final String WITHDRAWN = "withdrawn";
    static final String SITE = "site:";
    static final String MARGIN = "margin:";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> topics() {
        return Set.of(BoundedContext.ENROLMENT.topic());
    }

    @Override
    public Set<String> collections() {
        return Set.of(PATIENTS, STUDY);
    }

    @Override
    public void apply(Batch batch) {
        Documents patients = batch.documents(PATIENTS,
                fact -> fact.payload().patientId() == null ? null : fact.payload().patientId().toString());
        Documents study = batch.documents(STUDY,
                fact -> fact.payload() instanceof EnrolmentOpened opened ? opened.studyId() : null);
        for (ContractEvent fact : batch.facts()) {
            if (fact.payload() instanceof EnrolmentOpened opened) {
                study.update(opened.studyId(), fact, document -> document.put("enrolmentCap", opened.enrolmentCap()));
            } else if (fact.payload().patientId() != null) {
                patients.update(fact.payload().patientId().toString(), fact, patient -> {
                    applyTo(patient, fact, batch);
                    patient.put("lastEventAt", fact.recordedAt().toString());
                    if (fact.recordVersion() != null) {
                        // Per context: dosing and safety facts will join the same patient's views.
                        Document versions = patient.get("versions", new Document());
                        versions.put(fact.context(), fact.recordVersion());
                        patient.put("versions", versions);
                    }
                    List<Document> trail = new ArrayList<>(patient.getList("auditTrail", Document.class, List.of()));
                    trail.add(auditEntry(fact));
                    patient.put("auditTrail", trail);
                });
            }
        }
    }

    private static void applyTo(Document patient, ContractEvent fact, Batch batch) {
        if (fact.payload() instanceof PatientScreened e) {
            if (!patient.containsKey("screeningNumber")) {
                batch.count(fact, SCREENED, 1);
            }
            patient.append("screeningNumber", e.screeningNumber())
                    .append("siteId", e.siteId())
                    .append("screenedOn", e.screenedOn().toString())
                    .append("status", "SCREENED");
        } else if (fact.payload() instanceof EligibilityAssessed e) {
            patient.append("eligible", e.eligible())
                    .append("assessedOn", e.assessedOn().toString())
                    .append("status", e.eligible() ? "ELIGIBLE" : "INELIGIBLE");
        } else if (fact.payload() instanceof PatientEnrolled e) {
            if (!patient.containsKey("enrolmentNumber")) {
                batch.count(fact, ENROLLED, 1);
                batch.count(fact, SITE + e.siteId(), 1);
                batch.count(fact, MARGIN + e.margin().name(), 1);
            }
            patient.append("enrolmentNumber", e.enrolmentNumber())
                    .append("siteId", e.siteId())
                    .append("enrolledOn", e.enrolledOn().toString())
                    .append("surgeryDate", e.surgeryDate().toString())
                    .append("margin", e.margin().name())
                    .append("histology", e.histology())
                    .append("status", "ENROLLED");
        } else if (fact.payload() instanceof ConsentWithdrawn e) {
            if (!"WITHDRAWN".equals(patient.getString("status"))) {
                batch.count(fact, WITHDRAWN, 1);
            }
            patient.append("withdrawnOn", e.withdrawnOn().toString())
                    .append("withdrawalReason", e.reason())
                    .append("status", "WITHDRAWN");
        } else if (fact.payload() instanceof EnrolmentCorrected e) {
            String before = patient.getString("margin");
            if (before != null && patient.containsKey("enrolmentNumber") && !before.equals(e.margin().name())) {
                batch.count(fact, MARGIN + before, -1);
                batch.count(fact, MARGIN + e.margin().name(), 1);
            }
            patient.append("surgeryDate", e.surgeryDate().toString())
                    .append("margin", e.margin().name())
                    .append("histology", e.histology());
            List<Document> corrections = new ArrayList<>(patient.getList("corrections", Document.class, List.of()));
            corrections.add(new Document("eventId", fact.eventId())
                    .append("correctedEventId", e.correctedEventId())
                    .append("reason", e.reason())
                    .append("recordedAt", fact.recordedAt().toString()));
            patient.append("corrections", corrections);
        }
    }

    /** Who recorded the fact, when, and why it happened, as the event's metadata says; nothing from this process. */
    private static Document auditEntry(ContractEvent fact) {
        Document entry = new Document("eventId", fact.eventId())
                .append("type", fact.type())
                .append("recordedAt", fact.metadata().getOrDefault(AuditMetadata.RECORDED_AT,
                        fact.recordedAt().toString()));
        for (String key : List.of(AuditMetadata.ACTOR_SUBJECT, AuditMetadata.ACTOR_NAME, AuditMetadata.ACTOR_ROLE,
                AuditMetadata.ACTOR_SITE, AuditMetadata.CLINICAL_DATE, AuditMetadata.CORRELATION_ID,
                AuditMetadata.CAUSATION_ID, AuditMetadata.REQUEST_ID)) {
            String value = fact.metadata().get(key);
            if (value != null) {
                entry.append(key, value);
            }
        }
        return entry;
    }
}
