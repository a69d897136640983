package org.trialstream.protocol.definition;

import java.util.List;

/** Outcome of checking a radiotherapy prescription: within bounds, or the reasons it is not (one per broken rule). */
public record PrescriptionCheck(List<String> reasons) {

    public PrescriptionCheck {
        reasons = List.copyOf(reasons);
    }

    public boolean withinBounds() {
        return reasons.isEmpty();
    }
}
