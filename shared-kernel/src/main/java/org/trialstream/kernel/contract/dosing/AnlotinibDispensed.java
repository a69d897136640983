package org.trialstream.kernel.contract.dosing;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.UUID;

import org.trialstream.kernel.contract.EventContract;
import org.trialstream.kernel.contract.TrialEvent;

/** The pharmacy gave the patient {@code tablets} capsules of {@code strengthMg} from {@code lot} for a cycle. */
@EventContract(name = "dosing.AnlotinibDispensed", version = 1)
public record AnlotinibDispensed(UUID patientId, LocalDate dispensedOn, int cycle, int tablets, int strengthMg,
                                 String lot) implements TrialEvent {

    public AnlotinibDispensed {
        requireNonNull(patientId, "patientId");
        requireNonNull(dispensedOn, "dispensedOn");
        requireNonNull(lot, "lot");
        if (cycle < 1 || tablets < 1 || strengthMg < 1) {
            throw new IllegalArgumentException("cycle, tablets and strength are positive");
        }
    }
}
