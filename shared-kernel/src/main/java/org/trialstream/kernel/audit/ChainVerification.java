package org.trialstream.kernel.audit;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Recomputes the fact chains ({@link FactChain}) of a log read in order, one fact at a time, and remembers the first
 * link that does not hold: a fact whose content no longer matches its hash (a changed byte), or a fact whose
 * predecessor is not the fact before it in its chain (a fact removed, inserted or reordered). Facts written before
 * the chain existed carry no hash: they are counted as unchained, not judged.
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
     * @param facts     facts read
     * @param chains    chains they belong to
     * @param unchained facts without a hash (written before the chain existed)
     * @param broken    the first link that does not hold; null when every chain holds
     */
    public record Report(long facts, long chains, long unchained, BrokenLink broken) {

        public boolean intact() {
            return broken == null;
        }
    }

    private final Map<String, String> heads = new HashMap<>();
    private final Set<String> chains = new HashSet<>();
    private long facts;
    private long unchained;
    private BrokenLink broken;

    /** Checks the next fact of the log; facts of one chain must come in the order they were appended. */
    public void check(Fact fact) {
        facts++;
        String hash = text(fact.metadata().get(FactChain.HASH));
        String chainId = text(fact.metadata().get(FactChain.CHAIN_ID));
        if (hash == null || chainId == null) {
            unchained++;
            return;
        }
        String chain = fact.topic() + "/" + chainId;
        chains.add(chain);
        String previous = fact.metadata().containsKey(FactChain.PREVIOUS)
                ? text(fact.metadata().get(FactChain.PREVIOUS)) : FactChain.GENESIS;
        String expectedPrevious = heads.getOrDefault(chain, FactChain.GENESIS);
        heads.put(chain, hash);
        if (broken != null) {
            return;
        }
        String recomputed = FactChain.hash(previous, fact.eventType(), fact.eventVersion(), fact.eventId(),
                fact.payload(), fact.metadata());
        if (!recomputed.equals(hash)) {
            broken = new BrokenLink(fact.topic(), fact.partition(), fact.offset(), fact.eventId(), chainId,
                    "the fact's content does not match its hash: it was altered after it was written");
        } else if (!previous.equals(expectedPrevious)) {
            broken = new BrokenLink(fact.topic(), fact.partition(), fact.offset(), fact.eventId(), chainId,
                    expectedPrevious.equals(FactChain.GENESIS)
                            ? "the facts before this one in its chain are missing"
                            : "the fact before this one in its chain is missing, altered or out of order");
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    public Report report() {
        return new Report(facts, chains.size(), unchained, broken);
    }
}
