package org.trialstream.kernel.contract.safety;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;

/**
 * What the site recorded about one adverse event, graded by CTCAE v5.0.
 *
 * @param term             the CTCAE term
 * @param meddraCode       the MedDRA code of the term
 * @param systemOrganClass the term's MedDRA system organ class
 * @param grade            the CTCAE grade, 1 to 5, one the term defines
 * @param onsetOn          the clinical date the event began
 * @param awareOn          the date the site became aware of it: day 0 of the expedited-report clock
 * @param attribution      relatedness to anlotinib and to radiotherapy
 * @param expected         whether the event is expected for the study treatment (reference safety information)
 * @param intolerable      for a grade 2 event: intolerable to the patient despite maximal supportive care
 * @param seriousness      the ICH E2A criteria it meets; empty for a non-serious event
 * @param actionTaken      what was done with the study treatment
 * @param outcome          how it stands
 */
public record AdverseEventDescription(String term, String meddraCode, String systemOrganClass, int grade,
                                      LocalDate onsetOn, LocalDate awareOn, Attribution attribution, boolean expected,
                                      boolean intolerable, List<SeriousnessCriterion> seriousness,
                                      ActionTaken actionTaken, AdverseEventOutcome outcome) {

    public AdverseEventDescription {
        requireNonNull(term, "term");
        requireNonNull(meddraCode, "meddraCode");
        requireNonNull(systemOrganClass, "systemOrganClass");
        if (grade < 1 || grade > 5) {
            throw new IllegalArgumentException("CTCAE grades run from 1 to 5, was " + grade);
        }
        requireNonNull(onsetOn, "onsetOn");
        requireNonNull(awareOn, "awareOn");
        requireNonNull(attribution, "attribution");
        seriousness = List.copyOf(requireNonNull(seriousness, "seriousness"));
        requireNonNull(actionTaken, "actionTaken");
        requireNonNull(outcome, "outcome");
    }

    public boolean serious() {
        return !seriousness.isEmpty();
    }
}
