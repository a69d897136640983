package org.trialstream.projections.stream;

import java.util.Set;

/**
 * A read model built only from published facts. Applying the same event twice must change nothing, and applying
 * the whole log to an empty model must give the same documents every time.
 */
public interface Projection {

    /** The topics this projection reads. */
    Set<String> topics();

    void apply(ContractEvent event);

    /** Removes every document, before a rebuild from offset 0. */
    void drop();
}
