package org.trialstream.kernel.contract.dosing;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.UUID;

import org.trialstream.kernel.contract.EventContract;
import org.trialstream.kernel.contract.TrialEvent;

/**
 * A recorded dispensing was wrong and is corrected: the event carries the whole dispensing as it should have been,
 * which replaces the one it names. The corrected fact stays in the log unchanged.
 *
 * @param correctedEventId the id of the dispensing (or earlier correction of it) this corrects
 * @param reason           why; never blank
 */
@EventContract(name = "dosing.DispensingCorrected", version = 1)
public record DispensingCorrected(UUID patientId, String correctedEventId, LocalDate dispensedOn, int cycle,
                                  int tablets, int strengthMg, String lot, String reason) implements TrialEvent {

    public DispensingCorrected {
        requireNonNull(patientId, "patientId");
        requireNonNull(correctedEventId, "correctedEventId");
        requireNonNull(dispensedOn, "dispensedOn");
        requireNonNull(lot, "lot");
        if (cycle < 1 || tablets < 1 || strengthMg < 1) {
            throw new IllegalArgumentException("cycle, tablets and strength are positive");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a correction needs a reason");
        }
    }
}
