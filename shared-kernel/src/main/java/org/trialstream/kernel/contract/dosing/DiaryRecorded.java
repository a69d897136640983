package org.trialstream.kernel.contract.dosing;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.UUID;

import org.trialstream.kernel.contract.EventContract;
import org.trialstream.kernel.contract.TrialEvent;

/**
 * Days of the patient's diary for a cycle, as transcribed by site staff. A day recorded again replaces what an earlier
 * diary fact said of it: then {@code corrects} names those facts and {@code reason} says why.
 *
 * @param corrects the ids of the diary facts whose days this re-records; empty for new days only
 * @param reason   why recorded days changed; null when {@code corrects} is empty
 */
@EventContract(name = "dosing.DiaryRecorded", version = 1)
public record DiaryRecorded(UUID patientId, int cycle, List<DiaryDay> days, List<String> corrects, String reason)
        implements TrialEvent {

    public DiaryRecorded {
        requireNonNull(patientId, "patientId");
        days = List.copyOf(days);
        corrects = corrects == null ? List.of() : List.copyOf(corrects);
        if (cycle < 1 || days.isEmpty()) {
            throw new IllegalArgumentException("a diary names its cycle and at least one day");
        }
        if (!corrects.isEmpty() && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("a correction needs a reason");
        }
    }
}
