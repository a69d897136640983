package org.trialstream.safety.adverseevents.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import org.trialstream.kernel.contract.safety.AdverseEventDescription;
import org.trialstream.kernel.contract.safety.AdverseEventOutcome;
import org.trialstream.kernel.contract.safety.SeriousnessCriterion;
import org.trialstream.platform.domain.ClinicalCalendar;
import org.trialstream.platform.domain.RuleViolation;
import org.trialstream.protocol.ctcae.CtcaeDictionary;
import org.trialstream.protocol.ctcae.CtcaeGrade;
import org.trialstream.protocol.ctcae.CtcaeTerm;
import org.trialstream.protocol.ctcae.GradeNotDefinedException;
import org.trialstream.protocol.definition.SafetyRules;
import org.trialstream.safety.adverseevents.api.SafetyCommands.Description;

/** Checks a site's description of an adverse event against CTCAE v5.0, the calendar and the protocol. */
final class AdverseEventGrading {

    static final int DEATH_GRADE = CtcaeGrade.GRADE_5.number();

    private AdverseEventGrading() {
    }

    /**
     * The description as a fact: the term found by name or MedDRA code, a grade the term defines, dates that can be
     * true, and what grade 5 means (death, a fatal outcome) made explicit. An ongoing event's outcome is "not
     * recovered".
     */
    static AdverseEventDescription describe(Description draft, ClinicalCalendar calendar, CtcaeDictionary ctcae,
                                            SafetyRules rules, LocalDate surgeryDate) {
        CtcaeTerm term = term(ctcae, draft.term(), draft.meddraCode());
        if (draft.grade() == null) {
            throw new RuleViolation("grade", "a CTCAE grade is required");
        }
        int grade = requireGrade(term, draft.grade());
        calendar.requireClinicalDate("onsetOn", draft.onsetOn());
        if (draft.onsetOn().isBefore(surgeryDate)) {
            throw new RuleViolation("onsetOn", "adverse events are collected from surgery on " + surgeryDate
                    + " (study day 0)");
        }
        calendar.requireClinicalDate("awareOn", draft.awareOn());
        if (draft.awareOn().isBefore(draft.onsetOn())) {
            throw new RuleViolation("awareOn", "the site cannot have become aware before the onset on "
                    + draft.onsetOn());
        }
        if (draft.intolerable() && grade != rules.intolerableGrade()) {
            throw new RuleViolation("intolerable", "only a grade " + rules.intolerableGrade()
                    + " event is judged intolerable; this one is grade " + grade);
        }
        TreeSet<SeriousnessCriterion> seriousness = new TreeSet<>(Optional.ofNullable(draft.seriousness())
                .orElse(List.of()));
        requireDeathOnlyAtGradeFive(seriousness, grade);
        AdverseEventOutcome outcome = Optional.ofNullable(draft.outcome()).orElse(AdverseEventOutcome.NOT_RECOVERED);
        if (grade == DEATH_GRADE) {
            seriousness.add(SeriousnessCriterion.DEATH);
            if (draft.outcome() == null) {
                outcome = AdverseEventOutcome.FATAL;
            }
        }
        requireFatalOnlyAtGradeFive(outcome, grade);
        return new AdverseEventDescription(term.term(), term.meddraCode(), term.systemOrganClass(), grade,
                draft.onsetOn(), draft.awareOn(), draft.attribution(), draft.expected(), draft.intolerable(),
                List.copyOf(seriousness), draft.actionTaken(), outcome);
    }

    /** Refuses a grade the term does not define, naming the term's own grades. */
    static int requireGrade(CtcaeTerm term, int grade) {
        if (grade < 1 || grade > DEATH_GRADE) {
            throw new RuleViolation("grade", "CTCAE grades run from 1 to " + DEATH_GRADE + ", was " + grade);
        }
        try {
            return term.requireGrade(CtcaeGrade.of(grade)).number();
        } catch (GradeNotDefinedException e) {
            throw new RuleViolation("grade", e.reason());
        }
    }

    static CtcaeTerm term(CtcaeDictionary ctcae, String termName, String meddraCode) {
        boolean byTerm = termName != null && !termName.isBlank();
        boolean byCode = meddraCode != null && !meddraCode.isBlank();
        if (!byTerm && !byCode) {
            throw new RuleViolation("term", "name the CTCAE v5.0 term or its MedDRA code");
        }
        Optional<CtcaeTerm> named = byTerm ? ctcae.findByTerm(termName.strip()) : Optional.empty();
        Optional<CtcaeTerm> coded = byCode ? ctcae.findByMeddraCode(meddraCode.strip()) : Optional.empty();
        if (byTerm && named.isEmpty()) {
            throw new RuleViolation("term", "'" + termName.strip() + "' is not a CTCAE v5.0 term");
        }
        if (byCode && coded.isEmpty()) {
            throw new RuleViolation("meddraCode", "MedDRA code " + meddraCode.strip()
                    + " names no CTCAE v5.0 term");
        }
        if (named.isPresent() && coded.isPresent() && !named.get().equals(coded.get())) {
            throw new RuleViolation("meddraCode", "MedDRA code " + meddraCode.strip() + " is '"
                    + coded.get().term() + "', not '" + named.get().term() + "'");
        }
        return named.or(() -> coded).orElseThrow();
    }

    static void requireDeathOnlyAtGradeFive(Iterable<SeriousnessCriterion> criteria, int grade) {
        for (SeriousnessCriterion criterion : criteria) {
            if (criterion == SeriousnessCriterion.DEATH && grade != DEATH_GRADE) {
                throw new RuleViolation("seriousness", "an event that results in death is grade " + DEATH_GRADE
                        + "; this one is grade " + grade);
            }
        }
    }

    static void requireFatalOnlyAtGradeFive(AdverseEventOutcome outcome, int grade) {
        if ((outcome == AdverseEventOutcome.FATAL) != (grade == DEATH_GRADE)) {
            throw new RuleViolation("outcome", grade == DEATH_GRADE
                    ? "a grade " + DEATH_GRADE + " event is fatal"
                    : "a fatal outcome is grade " + DEATH_GRADE + "; this event is grade " + grade);
        }
    }
}
