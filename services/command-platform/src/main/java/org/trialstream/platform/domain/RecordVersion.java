package org.trialstream.platform.domain;

import org.axonframework.modelling.command.AggregateLifecycle;

/** Optimistic concurrency for {@code If-Match}: the record must still be at the version the user last saw. */
public final class RecordVersion {

    private RecordVersion() {
    }

    /**
     * Refuses with 409 when the record has moved on. Call it after {@link PatientAccess#requireVisible}, so that
     * staff of another site cannot learn from a version conflict that the patient exists. Null means any version.
     */
    public static void require(Long expected) {
        Long actual = AggregateLifecycle.getVersion();
        if (expected != null && !expected.equals(actual)) {
            throw new StateConflict("If-Match", "the record is at version " + actual + ", not " + expected
                    + "; reload it and try again");
        }
    }
}
