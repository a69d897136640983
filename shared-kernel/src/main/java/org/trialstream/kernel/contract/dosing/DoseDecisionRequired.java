package org.trialstream.kernel.contract.dosing;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.UUID;

import org.trialstream.kernel.contract.EventContract;
import org.trialstream.kernel.contract.TrialEvent;

/**
 * An adverse event met the protocol's dose-modification rule (safety's {@code DoseDecisionWarranted}): the site must
 * decide before it dispenses again. Open until a {@link DoseDecisionResolved} names it.
 */
@EventContract(name = "dosing.DoseDecisionRequired", version = 1)
public record DoseDecisionRequired(UUID patientId, UUID decisionId, String siteId, UUID adverseEventId, String term,
                                   int grade, boolean intolerable, LocalDate raisedOn) implements TrialEvent {

    public DoseDecisionRequired {
        requireNonNull(patientId, "patientId");
        requireNonNull(decisionId, "decisionId");
        requireNonNull(adverseEventId, "adverseEventId");
        requireNonNull(term, "term");
        requireNonNull(raisedOn, "raisedOn");
    }
}
