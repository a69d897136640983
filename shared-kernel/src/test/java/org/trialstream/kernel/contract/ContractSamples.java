package org.trialstream.kernel.contract;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.trialstream.kernel.contract.enrolment.ConsentWithdrawn;
import org.trialstream.kernel.contract.enrolment.EligibilityAnswer;
import org.trialstream.kernel.contract.enrolment.EligibilityAssessed;
import org.trialstream.kernel.contract.enrolment.EnrolmentCorrected;
import org.trialstream.kernel.contract.enrolment.EnrolmentOpened;
import org.trialstream.kernel.contract.enrolment.PatientEnrolled;
import org.trialstream.kernel.contract.enrolment.PatientScreened;
import org.trialstream.kernel.patient.ResectionMargin;

/** One instance of every contract, equal to its golden JSON sample. */
final class ContractSamples {

    static final UUID PATIENT = UUID.fromString("6f1c2a9e-3b7d-4c1e-9a55-0d2f8e4b7a10");

    static final List<TrialEvent> ALL = List.of(
            new PatientScreened(PATIENT, "S-001", "RJH", LocalDate.of(2026, 3, 2)),
            new EligibilityAssessed(PATIENT,
                    List.of(new EligibilityAnswer("INC_HISTOLOGY_STS", true),
                            new EligibilityAnswer("EXC_DISTANT_METASTASIS", false)),
                    true, LocalDate.of(2026, 3, 3)),
            new PatientEnrolled(PATIENT, 1, "S-001", "RJH", LocalDate.of(2026, 3, 4), LocalDate.of(2026, 2, 20),
                    ResectionMargin.R1, "Undifferentiated pleomorphic sarcoma"),
            new ConsentWithdrawn(PATIENT, LocalDate.of(2026, 5, 11), "Patient moved abroad"),
            new EnrolmentCorrected(PATIENT, "0b5e6f7a-1c2d-4e3f-8a9b-0c1d2e3f4a5b", LocalDate.of(2026, 2, 19),
                    ResectionMargin.R2, "Undifferentiated pleomorphic sarcoma",
                    "Operative note gives 19 Feb; pathology revised margin to R2"),
            new EnrolmentOpened("ANLO-STS-II", 41));

    private ContractSamples() {
    }
}
