package org.trialstream.kernel.contract.enrolment;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.UUID;

import org.trialstream.kernel.contract.EventContract;
import org.trialstream.kernel.contract.TrialEvent;

/**
 * A candidate entered screening at a site. The screening number is the site's pseudonymous log number (for example
 * {@code S-001}); no name or national identifier is ever recorded.
 *
 * @param patientId       the study's patient id, assigned at screening
 * @param screeningNumber the site screening-log number, unique in the study
 * @param siteId          the screening site's code
 * @param screenedOn      the date of the screening visit
 */
@EventContract(name = "enrolment.PatientScreened", version = 1)
public record PatientScreened(UUID patientId, String screeningNumber, String siteId, LocalDate screenedOn)
        implements TrialEvent {

    public PatientScreened {
        requireNonNull(patientId, "patientId");
        requireNonNull(screeningNumber, "screeningNumber");
        requireNonNull(siteId, "siteId");
        requireNonNull(screenedOn, "screenedOn");
    }
}
