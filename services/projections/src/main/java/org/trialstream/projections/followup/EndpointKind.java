package org.trialstream.projections.followup;

import java.util.Locale;
import java.util.Optional;

/** The endpoints as the API names them. */
enum EndpointKind {
    LRFS, MFS, OS;

    static Optional<EndpointKind> named(String name) {
        for (EndpointKind kind : values()) {
            if (kind.name().toLowerCase(Locale.ROOT).equals(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
