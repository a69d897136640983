package org.trialstream.kernel.contract;

import java.util.UUID;

/**
 * A published fact about one patient. The patient id is the Kafka record key and the Axon sequencing key, so all facts
 * about one patient stay in order.
 */
public interface TrialEvent {

    UUID patientId();
}
