package org.trialstream.kernel.contract;

import java.util.UUID;

/**
 * A published fact, nearly always about one patient. The record key is the Kafka record key and the Axon sequencing
 * key, so all facts about one patient stay in order.
 */
public interface TrialEvent {

    /** The patient the fact is about, or null for a study-level fact. */
    UUID patientId();

    /** The Kafka record key: the patient id; a study-level fact names its study instead. */
    default String recordKey() {
        return patientId().toString();
    }
}
