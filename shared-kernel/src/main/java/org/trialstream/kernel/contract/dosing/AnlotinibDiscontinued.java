package org.trialstream.kernel.contract.dosing;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.UUID;

import org.trialstream.kernel.contract.EventContract;
import org.trialstream.kernel.contract.TrialEvent;

/**
 * Anlotinib stopped for good: the course ends.
 *
 * @param detail         free text; required for {@link DiscontinuationReason#OTHER}
 * @param adverseEventId the adverse event that led to it, for unacceptable toxicity; otherwise null
 */
@EventContract(name = "dosing.AnlotinibDiscontinued", version = 1)
public record AnlotinibDiscontinued(UUID patientId, LocalDate on, DiscontinuationReason reason, String detail,
                                    UUID adverseEventId) implements TrialEvent {

    public AnlotinibDiscontinued {
        requireNonNull(patientId, "patientId");
        requireNonNull(on, "on");
        requireNonNull(reason, "reason");
        if (reason == DiscontinuationReason.OTHER && (detail == null || detail.isBlank())) {
            throw new IllegalArgumentException("'other' needs a detail");
        }
    }
}
