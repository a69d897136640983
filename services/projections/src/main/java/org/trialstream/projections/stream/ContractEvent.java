package org.trialstream.projections.stream;

import java.time.Instant;

import org.trialstream.kernel.contract.TrialEvent;

/**
 * A published fact as read from the log: the event, its unique id (for de-duplication) and when it was recorded.
 */
public record ContractEvent(String eventId, Instant recordedAt, TrialEvent payload) {
}
