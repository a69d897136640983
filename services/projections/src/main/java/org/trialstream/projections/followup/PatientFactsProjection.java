package org.trialstream.projections.followup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.bson.Document;
import org.trialstream.kernel.audit.AuditMetadata;
import org.trialstream.kernel.contract.BoundedContext;
import org.trialstream.kernel.contract.EventContract;
import org.trialstream.projections.stream.Batch;
import org.trialstream.projections.stream.ContractEvent;
import org.trialstream.projections.stream.Documents;
import org.trialstream.projections.stream.Projection;

/**
 * Each patient's clinical facts from every context the endpoints, the follow-up worklist and the toxicity tables
 * read (enrolment, follow-up, safety, dosing, radiotherapy), one list per context in the order the log holds them:
 * each entry with its event id, contract type and version, the instant it was recorded, its clinical date, where the
 * log holds it, its audit metadata and its payload. The analyses and the auditors' history run on these lists at read
 * time, so that any data cut and any "as recorded at" instant can be answered from the same documents. One list per context keeps the documents the same however the topics interleave, and lets
 * two instances write one patient's facts of two topics at once.
 */
public class PatientFactsProjection implements Projection {

    public static final String NAME = "patient-facts";
    public static final String PATIENTS = "patients";
    public static final String RECORDED_AT = "recordedAt";
    public static final String CLINICAL_DATE = "clinicalDate";
    public static final String TYPE = "type";
    public static final String PAYLOAD = "payload";
    public static final String EVENT_ID = "eventId";
    public static final String VERSION = "version";
    public static final String TOPIC = "topic";
    public static final String PARTITION = "partition";
    public static final String OFFSET = "offset";
    public static final String RECORD_VERSION = "recordVersion";
    /** The fact's audit metadata as recorded: who, when, why, the request, correlation and causation ids, the chain. */
    public static final String METADATA = "metadata";

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> topics() {
        return Set.of(BoundedContext.ENROLMENT.topic(), BoundedContext.FOLLOW_UP.topic(),
                BoundedContext.SAFETY.topic(), BoundedContext.DOSING.topic(), BoundedContext.RADIOTHERAPY.topic());
    }

    @Override
    public Set<String> collections() {
        return Set.of(PATIENTS);
    }

    @Override
    public void apply(Batch batch) {
        Documents patients = batch.documents(PATIENTS,
                fact -> fact.payload().patientId() == null ? null : fact.payload().patientId().toString());
        for (ContractEvent fact : batch.facts()) {
            if (fact.payload().patientId() == null) {
                continue;
            }
            patients.update(fact.payload().patientId().toString(), fact, patient -> {
                List<Document> facts = new ArrayList<>(patient.getList(fact.context(), Document.class, List.of()));
                facts.add(entry(fact));
                patient.put(fact.context(), facts);
            });
        }
    }

    /**
     * One context's facts of a patient document in log order, only those recorded by {@code asRecordedAt} (all when
     * it is null): later facts, corrections among them, are not applied.
     */
    public static List<Document> facts(Document patient, BoundedContext context, Instant asRecordedAt) {
        List<Document> facts = patient.getList(context.id(), Document.class, List.of());
        if (asRecordedAt == null) {
            return facts;
        }
        return facts.stream().filter(fact -> !Instant.parse(fact.getString(RECORDED_AT)).isAfter(asRecordedAt))
                .toList();
    }

    private static Document entry(ContractEvent fact) {
        Document payload = Document.parse(toJson(fact));
        Document entry = new Document(EVENT_ID, fact.eventId())
                .append(TYPE, fact.type())
                .append(VERSION, fact.payload().getClass().getAnnotation(EventContract.class).version())
                .append(RECORDED_AT, fact.recordedAt().toString())
                .append(TOPIC, fact.topic())
                .append(PARTITION, fact.partition())
                .append(OFFSET, fact.offset())
                .append(RECORD_VERSION, fact.recordVersion())
                .append(METADATA, new Document(new TreeMap<String, Object>(fact.metadata())))
                .append(PAYLOAD, payload);
        String clinicalDate = fact.metadata().get(AuditMetadata.CLINICAL_DATE);
        if (clinicalDate != null) {
            entry.append(CLINICAL_DATE, clinicalDate);
        }
        return entry;
    }

    private static String toJson(ContractEvent fact) {
        try {
            return JSON.writeValueAsString(fact.payload());
        } catch (Exception e) {
            throw new IllegalStateException("cannot store " + fact.type() + " " + fact.eventId(), e);
        }
    }
}
