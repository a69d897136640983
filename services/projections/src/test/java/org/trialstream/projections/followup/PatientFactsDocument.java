package org.trialstream.projections.followup;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.bson.Document;
import org.trialstream.kernel.contract.EventContract;
import org.trialstream.kernel.contract.EventContracts;
import org.trialstream.kernel.contract.TrialEvent;

/** A patient-facts document built by hand, as {@link PatientFactsProjection} stores one, for unit tests of analyses. */
public final class PatientFactsDocument {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final Document document;
    private String lastEventId;

    public PatientFactsDocument(UUID patientId) {
        this.document = new Document("_id", patientId.toString());
    }

    /** Appends a fact to its context's list, recorded at {@code recordedAt}. */
    public PatientFactsDocument add(TrialEvent fact, Instant recordedAt) {
        EventContract contract = EventContracts.contractOf(fact.getClass()).orElseThrow();
        String context = EventContracts.contextOf(contract).id();
        List<Document> facts = new ArrayList<>(document.getList(context, Document.class, List.of()));
        lastEventId = UUID.randomUUID().toString();
        try {
            facts.add(new Document(PatientFactsProjection.EVENT_ID, lastEventId)
                    .append(PatientFactsProjection.TYPE, contract.name())
                    .append(PatientFactsProjection.RECORDED_AT, recordedAt.toString())
                    .append(PatientFactsProjection.PAYLOAD, Document.parse(JSON.writeValueAsString(fact))));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        document.put(context, facts);
        return this;
    }

    /** The event id given to the fact added last. */
    public String lastEventId() {
        return lastEventId;
    }

    public Document document() {
        return document;
    }
}
