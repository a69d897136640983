package org.trialstream.protocol.ctcae;

/** A grade was asked for that CTCAE v5.0 does not define for the term, e.g. grade 4 palmar-plantar erythrodysesthesia. */
public class GradeNotDefinedException extends RuntimeException {

    private final transient CtcaeTerm term;
    private final CtcaeGrade grade;

    public GradeNotDefinedException(CtcaeTerm term, CtcaeGrade grade) {
        super("CTCAE v5.0 defines no grade " + grade.number() + " for '" + term.term() + "' (MedDRA " + term.meddraCode()
                + "); its grades are " + term.gradeNumbers());
        this.term = term;
        this.grade = grade;
    }

    public CtcaeTerm term() {
        return term;
    }

    public CtcaeGrade grade() {
        return grade;
    }

    /** The reason in words, for a rejection message or an API error. */
    public String reason() {
        return getMessage();
    }
}
