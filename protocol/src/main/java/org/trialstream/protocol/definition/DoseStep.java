package org.trialstream.protocol.definition;

/** What the dose ladder allows after the current level is not tolerated: the next lower level, or a permanent stop. */
public sealed interface DoseStep {

    /** Continue at {@code doseMg} once daily. */
    record ReduceTo(int doseMg) implements DoseStep {
    }

    /** The lowest level was not tolerated: anlotinib stops for good. */
    record Stop() implements DoseStep {
    }
}
