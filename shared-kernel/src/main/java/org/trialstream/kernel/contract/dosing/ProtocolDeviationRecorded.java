package org.trialstream.kernel.contract.dosing;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.UUID;

import org.trialstream.kernel.contract.EventContract;
import org.trialstream.kernel.contract.TrialEvent;

/**
 * Something was done outside a protocol rule, knowingly and with a reason, and is listed for the monitor: for
 * example a first dose outside the day 21-28 window.
 *
 * @param rule   the rule departed from, e.g. {@code first-dose-window}
 * @param detail what happened against what the rule allows
 * @param reason the investigator's reason; never blank
 */
@EventContract(name = "dosing.ProtocolDeviationRecorded", version = 1)
public record ProtocolDeviationRecorded(UUID patientId, String siteId, LocalDate on, String rule, String detail,
                                        String reason) implements TrialEvent {

    public static final String FIRST_DOSE_WINDOW = "first-dose-window";

    public ProtocolDeviationRecorded {
        requireNonNull(patientId, "patientId");
        requireNonNull(on, "on");
        requireNonNull(rule, "rule");
        requireNonNull(detail, "detail");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a deviation needs a reason");
        }
    }
}
