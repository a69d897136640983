package org.trialstream.protocol.ctcae;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One CTCAE v5.0 adverse-event term.
 *
 * @param meddraCode        MedDRA lowest-level term code, e.g. {@code 10054524}
 * @param systemOrganClass  MedDRA system organ class, e.g. "Skin and subcutaneous tissue disorders"
 * @param term              the CTCAE term, e.g. "Palmar-plantar erythrodysesthesia syndrome"
 * @param gradeDescriptions the criteria text of each grade that exists for this term (and only those)
 * @param definition        the CTCAE definition; empty when the release gives none
 */
public record CtcaeTerm(String meddraCode, String systemOrganClass, String term,
                        Map<CtcaeGrade, String> gradeDescriptions, String definition) {

    public CtcaeTerm {
        Objects.requireNonNull(meddraCode, "meddraCode");
        Objects.requireNonNull(systemOrganClass, "systemOrganClass");
        Objects.requireNonNull(term, "term");
        Objects.requireNonNull(definition, "definition");
        if (gradeDescriptions.isEmpty()) {
            throw new IllegalArgumentException("'" + term + "' has no grade");
        }
        gradeDescriptions = Collections.unmodifiableMap(new EnumMap<>(gradeDescriptions));
    }

    /** The grades CTCAE v5.0 defines for this term, in increasing order. */
    public Set<CtcaeGrade> grades() {
        return Collections.unmodifiableSet(EnumSet.copyOf(gradeDescriptions.keySet()));
    }

    public boolean isDefined(CtcaeGrade grade) {
        return gradeDescriptions.containsKey(grade);
    }

    public Optional<String> description(CtcaeGrade grade) {
        return Optional.ofNullable(gradeDescriptions.get(grade));
    }

    /** Returns the grade if it exists for this term, and refuses it with the reason otherwise. */
    public CtcaeGrade requireGrade(CtcaeGrade grade) {
        if (!isDefined(grade)) {
            throw new GradeNotDefinedException(this, grade);
        }
        return grade;
    }

    String gradeNumbers() {
        return gradeDescriptions.keySet().stream().map(g -> Integer.toString(g.number())).collect(Collectors.joining(", "));
    }
}
