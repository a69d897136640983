package org.trialstream.kernel.contract.safety;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.UUID;

import org.trialstream.kernel.contract.EventContract;
import org.trialstream.kernel.contract.TrialEvent;

/**
 * An adverse event meets the protocol's dose-modification rule (a grade 3-4 event related to anlotinib, or an
 * intolerable grade 2): dosing must decide how to go on. Raised when the event first meets the rule and each time
 * its grade worsens while it does.
 *
 * @param on the clinical date the event met the rule: its onset, or the date of the change that made it meet it
 */
@EventContract(name = "safety.DoseDecisionWarranted", version = 1)
public record DoseDecisionWarranted(UUID patientId, UUID adverseEventId, String siteId, String term, int grade,
                                    boolean intolerable, LocalDate on) implements TrialEvent {

    public DoseDecisionWarranted {
        requireNonNull(patientId, "patientId");
        requireNonNull(adverseEventId, "adverseEventId");
        requireNonNull(siteId, "siteId");
        requireNonNull(term, "term");
        requireNonNull(on, "on");
    }
}
