package org.trialstream.platform.inbound;

/**
 * How a command service reacts to other contexts' facts. Annotate the reacting event handler with
 * {@code @ProcessingGroup(InboundFacts.PROCESSING_GROUP)} and list the contexts in {@code trial.inbound.contexts}
 * (for example {@code enrolment,safety}); the handler sends a command to its own aggregate.
 * <p>
 * Every fact reaches the handler once: its event id goes into {@code inbound_event}, and the processor's Kafka
 * position into {@code token_entry}, in the same database transaction as the events the reaction appends. A crash
 * neither loses a reaction nor doubles it. The reaction runs as the system actor {@code system:<context>} and its
 * events name the triggering fact as their cause. A failing reaction is retried, not skipped.
 */
public final class InboundFacts {

    public static final String PROCESSING_GROUP = "inbound-facts";

    private InboundFacts() {
    }
}
