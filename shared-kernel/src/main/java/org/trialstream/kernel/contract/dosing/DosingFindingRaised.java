package org.trialstream.kernel.contract.dosing;

import static java.util.Objects.requireNonNull;

import java.util.UUID;

import org.trialstream.kernel.contract.EventContract;
import org.trialstream.kernel.contract.TrialEvent;

/**
 * Something for site staff or the monitor to review, not an error: the fact stands as recorded.
 *
 * @param cycle the cycle concerned; null when the finding is about the whole course
 */
@EventContract(name = "dosing.DosingFindingRaised", version = 1)
public record DosingFindingRaised(UUID patientId, String siteId, DosingFinding finding, Integer cycle, String detail)
        implements TrialEvent {

    public DosingFindingRaised {
        requireNonNull(patientId, "patientId");
        requireNonNull(finding, "finding");
        requireNonNull(detail, "detail");
    }
}
