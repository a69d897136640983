package org.trialstream.protocol.definition;

import java.util.Objects;

/**
 * The efficacy endpoints of the registry record, each measured from surgery over 36 months; a patient without the
 * event is censored at the last assessment.
 *
 * @param timeOrigin    the start of every endpoint clock
 * @param horizonMonths the time frame of every endpoint
 * @param daysPerMonth  days in a month when times are shown in months (30.4375, the mean Gregorian month)
 * @param lrfs          local recurrence-free survival (primary endpoint)
 * @param mfs           metastasis-free survival
 * @param os            overall survival
 */
public record EndpointDefinitions(TimeOrigin timeOrigin, int horizonMonths, double daysPerMonth, Endpoint lrfs,
                                  Endpoint mfs, Endpoint os) {

    public EndpointDefinitions {
        Objects.requireNonNull(timeOrigin, "timeOrigin");
        Objects.requireNonNull(lrfs, "lrfs");
        Objects.requireNonNull(mfs, "mfs");
        Objects.requireNonNull(os, "os");
        if (horizonMonths < 1) {
            throw new IllegalArgumentException("the endpoint horizon must be positive");
        }
    }

    /** The event that starts every endpoint clock. */
    public enum TimeOrigin {
        SURGERY
    }

    /** What ends an endpoint clock as an event (rather than a censoring). */
    public enum EventType {
        LOCAL_RECURRENCE_ON_IMAGING,
        METASTASIS_ON_IMAGING,
        DEATH
    }

    /**
     * A named time-to-event endpoint.
     *
     * @param deathIsEvent whether a death before the event counts as the event (off for LRFS as the record defines
     *                     it; an option of the protocol file)
     */
    public record Endpoint(String name, EventType event, boolean deathIsEvent) {

        public Endpoint {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(event, "event");
        }
    }
}
