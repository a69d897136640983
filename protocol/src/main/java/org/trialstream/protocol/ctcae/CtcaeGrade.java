package org.trialstream.protocol.ctcae;

/** CTCAE v5.0 severity grades. Not every grade exists for every term; see {@link CtcaeTerm#grades()}. */
public enum CtcaeGrade {
    /** Mild. */
    GRADE_1(1),
    /** Moderate. */
    GRADE_2(2),
    /** Severe or medically significant but not immediately life-threatening. */
    GRADE_3(3),
    /** Life-threatening consequences. */
    GRADE_4(4),
    /** Death related to the adverse event. */
    GRADE_5(5);

    private final int number;

    CtcaeGrade(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }

    /** Grade 3 or higher: the threshold of the protocol's dose-reduction rule and of the "grade >= 3" safety tables. */
    public boolean isSevere() {
        return number >= 3;
    }

    public static CtcaeGrade of(int number) {
        if (number < 1 || number > 5) {
            throw new IllegalArgumentException("CTCAE grades run from 1 to 5, was " + number);
        }
        return values()[number - 1];
    }
}
