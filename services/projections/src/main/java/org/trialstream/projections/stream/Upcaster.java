package org.trialstream.projections.stream;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns the JSON of one contract version into the next version's JSON. The topics keep every record for ever, so a
 * reader meets every version a contract ever had: it chains upcasters from the recorded version to the newest one
 * it knows, and reads only that.
 */
public interface Upcaster {

    /** The contract name, for example {@code enrolment.PatientEnrolled}. */
    String contract();

    /** The version this upcaster reads; it writes {@code fromVersion() + 1}. */
    int fromVersion();

    ObjectNode upcast(ObjectNode payload);
}
