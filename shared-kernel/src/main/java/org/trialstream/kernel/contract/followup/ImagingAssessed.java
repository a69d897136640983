package org.trialstream.kernel.contract.followup;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.trialstream.kernel.contract.EventContract;
import org.trialstream.kernel.contract.TrialEvent;

/**
 * A disease assessment: whether a local recurrence and whether distant metastasis were found. LRFS and MFS count from
 * surgery to the first assessment that found them, and are censored at the last one that did not.
 *
 * @param patientId         the patient
 * @param assessedOn        the clinical date of the assessment
 * @param modality          how it was assessed
 * @param localRecurrence   a local recurrence is present
 * @param distantMetastasis distant metastasis is present
 * @param metastasisSites   where, when present (for example "lung"); empty otherwise
 * @param visit             the scheduled visit it serves, or null when unscheduled
 */
@EventContract(name = "follow-up.ImagingAssessed", version = 1)
public record ImagingAssessed(UUID patientId, LocalDate assessedOn, ImagingModality modality, boolean localRecurrence,
                              boolean distantMetastasis, List<String> metastasisSites, Integer visit)
        implements TrialEvent {

    public ImagingAssessed {
        requireNonNull(patientId, "patientId");
        requireNonNull(assessedOn, "assessedOn");
        requireNonNull(modality, "modality");
        metastasisSites = metastasisSites == null ? List.of() : List.copyOf(metastasisSites);
    }
}
