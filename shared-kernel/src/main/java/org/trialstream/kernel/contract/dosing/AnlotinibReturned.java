package org.trialstream.kernel.contract.dosing;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.UUID;

import org.trialstream.kernel.contract.EventContract;
import org.trialstream.kernel.contract.TrialEvent;

/** The patient brought back {@code tablets} unused capsules dispensed for a cycle (0 when all were used). */
@EventContract(name = "dosing.AnlotinibReturned", version = 1)
public record AnlotinibReturned(UUID patientId, LocalDate returnedOn, int cycle, int tablets) implements TrialEvent {

    public AnlotinibReturned {
        requireNonNull(patientId, "patientId");
        requireNonNull(returnedOn, "returnedOn");
        if (cycle < 1 || tablets < 0) {
            throw new IllegalArgumentException("a return names its cycle and no negative count");
        }
    }
}
