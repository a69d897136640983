package org.trialstream.projections.stream;

/** Where a projection's consumer stands on this instance. */
public enum RunnerState {
    /** Joining its consumer group and finding its positions. */
    STARTING,
    /** Reading the log. */
    CONSUMING,
    /** A failure (for example an unreachable broker or database); it resumes from its stored positions. */
    RETRYING,
    /** Stopped for a reason that needs a person (a stored position the log no longer holds). */
    FAILED,
    STOPPED
}
