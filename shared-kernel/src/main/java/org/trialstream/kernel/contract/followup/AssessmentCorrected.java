package org.trialstream.kernel.contract.followup;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.trialstream.kernel.contract.EventContract;
import org.trialstream.kernel.contract.TrialEvent;

/**
 * A recorded assessment was wrong and is corrected: the event carries the complete corrected assessment, which
 * replaces the one it names. This is the only way a recorded recurrence or metastasis is undone.
 *
 * @param patientId        the patient
 * @param correctedEventId the id of the assessment (or earlier correction) this corrects
 * @param reason           why; never blank
 */
@EventContract(name = "follow-up.AssessmentCorrected", version = 1)
public record AssessmentCorrected(UUID patientId, String correctedEventId, LocalDate assessedOn,
                                  ImagingModality modality, boolean localRecurrence, boolean distantMetastasis,
                                  List<String> metastasisSites, Integer visit, String reason) implements TrialEvent {

    public AssessmentCorrected {
        requireNonNull(patientId, "patientId");
        requireNonNull(correctedEventId, "correctedEventId");
        requireNonNull(assessedOn, "assessedOn");
        requireNonNull(modality, "modality");
        metastasisSites = metastasisSites == null ? List.of() : List.copyOf(metastasisSites);
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a correction needs a reason");
        }
    }
}
