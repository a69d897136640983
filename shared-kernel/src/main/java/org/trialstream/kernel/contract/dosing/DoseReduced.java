package org.trialstream.kernel.contract.dosing;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.UUID;

import org.trialstream.kernel.contract.EventContract;
import org.trialstream.kernel.contract.TrialEvent;

/** The anlotinib dose went one step down the ladder, because of the named adverse event. */
@EventContract(name = "dosing.DoseReduced", version = 1)
public record DoseReduced(UUID patientId, LocalDate effectiveOn, int fromMg, int toMg, UUID adverseEventId,
                          String reason) implements TrialEvent {

    public DoseReduced {
        requireNonNull(patientId, "patientId");
        requireNonNull(effectiveOn, "effectiveOn");
        if (toMg < 1 || toMg >= fromMg) {
            throw new IllegalArgumentException("a reduction goes down: " + fromMg + " -> " + toMg + " mg");
        }
        requireNonNull(adverseEventId, "adverseEventId");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a reduction needs a reason");
        }
    }
}
