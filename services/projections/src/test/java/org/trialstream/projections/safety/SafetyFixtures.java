package org.trialstream.projections.safety;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.trialstream.kernel.contract.safety.ActionTaken;
import org.trialstream.kernel.contract.safety.AdverseEventCorrected;
import org.trialstream.kernel.contract.safety.AdverseEventDescription;
import org.trialstream.kernel.contract.safety.AdverseEventGradeChanged;
import org.trialstream.kernel.contract.safety.AdverseEventOutcome;
import org.trialstream.kernel.contract.safety.AdverseEventReported;
import org.trialstream.kernel.contract.safety.Attribution;
import org.trialstream.kernel.contract.safety.Causality;

/** Safety facts for the toxicity tests, with CTCAE v5.0 terms, their MedDRA codes and organ classes. */
public final class SafetyFixtures {

    public record Term(String name, String meddraCode, String systemOrganClass) {
    }

    public static final Term HYPERTENSION = new Term("Hypertension", "10020772", "Vascular disorders");
    public static final Term DIARRHEA = new Term("Diarrhea", "10012727", "Gastrointestinal disorders");
    public static final Term NAUSEA = new Term("Nausea", "10028813", "Gastrointestinal disorders");
    public static final Term VOMITING = new Term("Vomiting", "10047700", "Gastrointestinal disorders");
    public static final Term FATIGUE = new Term("Fatigue", "10016256",
            "General disorders and administration site conditions");
    public static final Term PALMAR_PLANTAR = new Term("Palmar-plantar erythrodysesthesia syndrome", "10054524",
            "Skin and subcutaneous tissue disorders");
    public static final Term DERMATITIS_RADIATION = new Term("Dermatitis radiation", "10061103",
            "Injury, poisoning and procedural complications");
    public static final Term PROTEINURIA = new Term("Proteinuria", "10037032", "Renal and urinary disorders");
    public static final Term ANOREXIA = new Term("Anorexia", "10002646", "Metabolism and nutrition disorders");
    public static final Term SEPSIS = new Term("Sepsis", "10040047", "Infections and infestations");
    public static final Term BRONCHOPULMONARY_HEMORRHAGE = new Term("Bronchopulmonary hemorrhage", "10065746",
            "Respiratory, thoracic and mediastinal disorders");
    public static final Term WOUND_COMPLICATION = new Term("Wound complication", "10053692",
            "Injury, poisoning and procedural complications");

    private SafetyFixtures() {
    }

    public static AdverseEventDescription description(Term term, int grade, LocalDate onsetOn) {
        return new AdverseEventDescription(term.name(), term.meddraCode(), term.systemOrganClass(), grade, onsetOn,
                onsetOn, new Attribution(Causality.POSSIBLE, Causality.UNLIKELY), true, false, List.of(),
                ActionTaken.DOSE_NOT_CHANGED, AdverseEventOutcome.NOT_RECOVERED);
    }

    public static AdverseEventReported reported(UUID patient, UUID adverseEvent, String site, String screeningNumber,
                                                Term term, int grade, LocalDate onsetOn, boolean treatmentEmergent) {
        return new AdverseEventReported(patient, adverseEvent, site, screeningNumber,
                description(term, grade, onsetOn), treatmentEmergent);
    }

    public static AdverseEventGradeChanged regraded(UUID patient, UUID adverseEvent, int grade, int worstGrade,
                                                    LocalDate on) {
        return new AdverseEventGradeChanged(patient, adverseEvent, grade, worstGrade, on, "Reassessed at visit");
    }

    public static AdverseEventCorrected corrected(UUID patient, UUID adverseEvent, Term term, int grade,
                                                  LocalDate onsetOn, boolean treatmentEmergent) {
        return new AdverseEventCorrected(patient, adverseEvent, description(term, grade, onsetOn), treatmentEmergent,
                "Source data verification");
    }
}
