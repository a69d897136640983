package org.trialstream.protocol.ctcae;

/** The CTCAE term list cannot be loaded: start-up stops. The message names the file, the record and the problem. */
public class CtcaeDictionaryException extends RuntimeException {

    public CtcaeDictionaryException(String message) {
        super(message);
    }

    public CtcaeDictionaryException(String message, Throwable cause) {
        super(message, cause);
    }
}
