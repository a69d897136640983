package org.trialstream.protocol.definition;

/**
 * The protocol file cannot be used: start-up stops. The message names the file, the key path and the problem,
 * e.g. {@code anlotinib.schedule.onDays: must lie within the 21-day cycle}.
 */
public class InvalidProtocolException extends RuntimeException {

    private final String keyPath;
    private final String problem;

    public InvalidProtocolException(String source, String keyPath, String problem) {
        this(source, keyPath, problem, null);
    }

    public InvalidProtocolException(String source, String keyPath, String problem, Throwable cause) {
        super("invalid protocol " + source + ": " + (keyPath.isEmpty() ? "" : keyPath + ": ") + problem, cause);
        this.keyPath = keyPath;
        this.problem = problem;
    }

    /** Dotted path of the offending key, e.g. {@code radiotherapy.boostGyByMargin.R1.maxGy}; empty for the whole file. */
    public String keyPath() {
        return keyPath;
    }

    public String problem() {
        return problem;
    }
}
