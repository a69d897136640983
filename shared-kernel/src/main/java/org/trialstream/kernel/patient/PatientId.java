package org.trialstream.kernel.patient;

import java.util.Objects;
import java.util.UUID;

/**
 * The study's pseudonymous identifier of a patient. It carries no personal data and is the only way a patient is
 * named in events and topics.
 */
public record PatientId(UUID value) {

    public PatientId {
        Objects.requireNonNull(value, "patient id");
    }

    public static PatientId of(String value) {
        return new PatientId(UUID.fromString(value));
    }

    public static PatientId random() {
        return new PatientId(UUID.randomUUID());
    }

    /** Axon stores aggregate identifiers by their string form, so it must be the bare UUID. */
    @Override
    public String toString() {
        return value.toString();
    }
}
