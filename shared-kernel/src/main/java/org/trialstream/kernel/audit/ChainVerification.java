package org.trialstream.kernel.audit;

import java.util.HashMap;
import java.util.Map;

/**
 * Recomputes the fact chains ({@link FactChain}) of a log read in order, one fact at a time, and remembers the first
 * link that does not hold: a fact whose content no longer matches its hash (a changed byte), or a fact whose
 * predecessor is not the fact before it in its chain (a fact removed, inserted or reordered). Facts written before
 * the chain existed carry no hash: they are counted as unchained, not judged.
 * <p>
 * Publishing is at least once: after a crash a batch of facts may be on the topic twice. A fact that matches its hash
 * and is already in its chain is such a redelivery, counted as redelivered and not judged again.
 */
public final class ChainVerification {

    /** One published fact as the log holds it, with where it sits; its payload as plain Java values. */
    public record Fact(String topic, int partition, long offset, String eventId, String eventType, int eventVersion,
                       Object payload, Map<String, ?> metadata) {
    }

    /** The first link that does not hold, and why. */
    public record BrokenLink(String topic, int partition, long offset, String eventId, String chainId,
                             String reason) {
    }

    /**
     * @param facts       distinct facts read
     * @param chains      chains they belong to
     * @param unchained   facts without a hash (written before the chain existed)
     * @param redelivered records that repeat a fact already read (at-least-once publishing)
     * @param broken      the first link that does not hold; null when every chain holds
     */
    public record Report(long facts, long chains, long unchained, long redelivered, BrokenLink broken) {

        public boolean intact() {
            return broken == null;
        }
    }

    private final Map<String, ChainHashes> chains = new HashMap<>();
    private long facts;
    private long unchained;
    private long redelivered;
    private BrokenLink broken;

    /** Checks the next fact of the log; facts of one chain must come in the order they were appended. */
    public void check(Fact fact) {
        String hash = text(fact.metadata().get(FactChain.HASH));
        String chainId = text(fact.metadata().get(FactChain.CHAIN_ID));
        if (hash == null || chainId == null) {
            facts++;
            unchained++;
            return;
        }
        ChainHashes chain = chains.computeIfAbsent(fact.topic() + "/" + chainId, key -> new ChainHashes());
        String previous = fact.metadata().containsKey(FactChain.PREVIOUS)
                ? text(fact.metadata().get(FactChain.PREVIOUS)) : FactChain.GENESIS;
        boolean followsHead = previous.equals(chain.head());
        boolean matches = broken != null || FactChain.hash(previous, fact.eventType(), fact.eventVersion(),
                fact.eventId(), fact.payload(), fact.metadata()).equals(hash);
        if (!followsHead && matches && chain.contains(hash)) {
            redelivered++;
            return;
        }
        facts++;
        chain.append(hash);
        if (broken != null) {
            return;
        }
        if (!matches) {
            broken = new BrokenLink(fact.topic(), fact.partition(), fact.offset(), fact.eventId(), chainId,
                    "the fact's content does not match its hash: it was altered after it was written");
        } else if (!followsHead) {
            broken = new BrokenLink(fact.topic(), fact.partition(), fact.offset(), fact.eventId(), chainId,
                    chain.size() == 1
                            ? "the facts before this one in its chain are missing"
                            : "the fact before this one in its chain is missing, altered or out of order");
        }
    }

    /** A record of the log that is not a readable published fact (a record forged or damaged on the topic). */
    public void unreadable(String topic, int partition, long offset, String why) {
        facts++;
        if (broken == null) {
            broken = new BrokenLink(topic, partition, offset, null, null,
                    "the record is not a readable published fact: " + why);
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    public Report report() {
        return new Report(facts, chains.size(), unchained, redelivered, broken);
    }
}
