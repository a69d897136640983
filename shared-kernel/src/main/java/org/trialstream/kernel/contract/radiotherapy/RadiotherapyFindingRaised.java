package org.trialstream.kernel.contract.radiotherapy;

import static java.util.Objects.requireNonNull;

import java.util.UUID;

import org.trialstream.kernel.contract.EventContract;
import org.trialstream.kernel.contract.TrialEvent;

/** Something for the radiation oncologist or the monitor to review; the facts stand as recorded. */
@EventContract(name = "radiotherapy.RadiotherapyFindingRaised", version = 1)
public record RadiotherapyFindingRaised(UUID patientId, String siteId, RadiotherapyFinding finding, String detail)
        implements TrialEvent {

    public RadiotherapyFindingRaised {
        requireNonNull(patientId, "patientId");
        requireNonNull(finding, "finding");
        requireNonNull(detail, "detail");
    }
}
