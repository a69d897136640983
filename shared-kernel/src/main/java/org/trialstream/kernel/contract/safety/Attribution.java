package org.trialstream.kernel.contract.safety;

import static java.util.Objects.requireNonNull;

/** The investigator's attribution of an adverse event to each study treatment. */
public record Attribution(Causality anlotinib, Causality radiotherapy) {

    public Attribution {
        requireNonNull(anlotinib, "anlotinib");
        requireNonNull(radiotherapy, "radiotherapy");
    }
}
