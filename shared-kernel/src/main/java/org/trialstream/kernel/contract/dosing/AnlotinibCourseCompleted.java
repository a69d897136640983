package org.trialstream.kernel.contract.dosing;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.UUID;

import org.trialstream.kernel.contract.EventContract;
import org.trialstream.kernel.contract.TrialEvent;

/** The planned cycles are over: the diary reached the last day of the last cycle, {@code on}. */
@EventContract(name = "dosing.AnlotinibCourseCompleted", version = 1)
public record AnlotinibCourseCompleted(UUID patientId, LocalDate on, int cycles, int doseMg) implements TrialEvent {

    public AnlotinibCourseCompleted {
        requireNonNull(patientId, "patientId");
        requireNonNull(on, "on");
    }
}
