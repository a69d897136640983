package org.trialstream.protocol.ctcae;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The NCI CTCAE v5.0 term list (837 terms), loaded from a configured file: the official release in production, a
 * development copy in tests. The project never ships the file itself (MedDRA codes are MSSO-licensed content).
 */
public final class CtcaeDictionary {

    /** System property naming the term-list file. */
    public static final String FILE_PROPERTY = "trial.ctcae.file";
    /** Environment variable naming the term-list file, used when the system property is not set. */
    public static final String FILE_ENVIRONMENT_VARIABLE = "TRIAL_CTCAE_FILE";

    private final List<CtcaeTerm> terms;
    private final Map<String, CtcaeTerm> byCode;
    private final Map<String, CtcaeTerm> byTerm;

    private CtcaeDictionary(List<CtcaeTerm> terms) {
        this.terms = List.copyOf(terms);
        Map<String, CtcaeTerm> codes = new LinkedHashMap<>();
        Map<String, CtcaeTerm> names = new LinkedHashMap<>();
        for (CtcaeTerm term : terms) {
            codes.put(term.meddraCode(), term);
            names.put(normalise(term.term()), term);
        }
        this.byCode = Map.copyOf(codes);
        this.byTerm = Map.copyOf(names);
    }

    /**
     * Loads the term list, or stops with a {@link CtcaeDictionaryException} naming the file, the record and the problem
     * (missing file, wrong header, wrong column count, a term with no grade, a duplicate MedDRA code or term).
     */
    public static CtcaeDictionary load(Path file) {
        return new CtcaeDictionary(CtcaeCsvReader.read(file));
    }

    /** Loads the file named by {@value #FILE_PROPERTY}, else by {@value #FILE_ENVIRONMENT_VARIABLE}. */
    public static CtcaeDictionary fromConfiguredFile() {
        return fromConfiguredFile(System.getProperty(FILE_PROPERTY), System.getenv(FILE_ENVIRONMENT_VARIABLE));
    }

    static CtcaeDictionary fromConfiguredFile(String propertyValue, String environmentValue) {
        String configured = propertyValue != null && !propertyValue.isBlank() ? propertyValue : environmentValue;
        if (configured == null || configured.isBlank()) {
            throw new CtcaeDictionaryException("no CTCAE v5.0 term list configured: set the system property "
                    + FILE_PROPERTY + " or the environment variable " + FILE_ENVIRONMENT_VARIABLE + " to its path");
        }
        return load(Path.of(configured));
    }

    public int size() {
        return terms.size();
    }

    /** Every term, in file order. */
    public List<CtcaeTerm> terms() {
        return terms;
    }

    public Optional<CtcaeTerm> findByMeddraCode(String meddraCode) {
        return Optional.ofNullable(byCode.get(meddraCode.trim()));
    }

    /** Looks a term up by its CTCAE name, ignoring case and extra spaces. */
    public Optional<CtcaeTerm> findByTerm(String term) {
        return Optional.ofNullable(byTerm.get(normalise(term)));
    }

    static String normalise(String term) {
        return term.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
