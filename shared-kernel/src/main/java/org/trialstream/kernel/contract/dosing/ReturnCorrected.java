package org.trialstream.kernel.contract.dosing;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.UUID;

import org.trialstream.kernel.contract.EventContract;
import org.trialstream.kernel.contract.TrialEvent;

/**
 * A recorded return was wrong and is corrected: the event carries the whole return as it should have been, which
 * replaces the one it names. The corrected fact stays in the log unchanged.
 *
 * @param correctedEventId the id of the return (or earlier correction of it) this corrects
 * @param reason           why; never blank
 */
@EventContract(name = "dosing.ReturnCorrected", version = 1)
public record ReturnCorrected(UUID patientId, String correctedEventId, LocalDate returnedOn, int cycle, int tablets,
                              String reason) implements TrialEvent {

    public ReturnCorrected {
        requireNonNull(patientId, "patientId");
        requireNonNull(correctedEventId, "correctedEventId");
        requireNonNull(returnedOn, "returnedOn");
        if (cycle < 1 || tablets < 0) {
            throw new IllegalArgumentException("a return names its cycle and no negative count");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a correction needs a reason");
        }
    }
}
