package org.trialstream.kernel.audit;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Compares a service's event store with its topic, chain by chain and position by position: every stored fact the
 * publisher has sent must be on the topic with the same hash, and the topic must hold nothing the store lacks. Since
 * each hash covers the one before it, equal hashes at a position mean equal chains up to it.
 * <p>
 * Read the topic first and the store after it: the store only grows, so a fact on the topic that the store lacks was
 * never stored by the service. Stored facts the publisher had not yet sent when the topic was read are pending, not
 * missing.
 */
public final class StoreTopicComparison {

    /**
     * A place where store and topic differ: the chain, the fact's position in it, where the topic holds it (partition
     * and offset; -1 when it is not on the topic) and where the store holds it (global index; -1 when not stored).
     */
    public record Difference(String chainId, int position, int partition, long offset, long storeIndex,
                             String reason) {
    }

    /**
     * @param stored      published contract facts in the store
     * @param onTopic     distinct facts on the topic
     * @param pending     stored facts the publisher had not yet sent
     * @param differences chains in which store and topic differ
     * @param first       the earliest difference (by store index, then topic offset); null when they agree
     */
    public record Report(String topic, long stored, long onTopic, long pending, long differences, Difference first) {

        public boolean agree() {
            return first == null;
        }
    }

    private static final Comparator<Difference> EARLIEST = Comparator
            .comparingLong((Difference d) -> d.storeIndex() < 0 ? Long.MAX_VALUE : d.storeIndex())
            .thenComparingLong(Difference::offset);

    private final String topic;
    private final Map<String, Copy> onTopic = new HashMap<>();
    private final Map<String, Copy> inStore = new HashMap<>();

    public StoreTopicComparison(String topic) {
        this.topic = topic;
    }

    /** The next record of the topic that carries a chain hash, in its partition's order. */
    public void onTopic(String chainId, String previous, String hash, int partition, long offset) {
        Copy copy = onTopic.computeIfAbsent(chainId, id -> new Copy());
        if (!previous.equals(copy.hashes.head()) && copy.hashes.contains(hash)) {
            return; // a redelivery of a fact already on the topic
        }
        copy.add(hash, offset, false);
        copy.partition = partition;
    }

    /** The next stored contract fact that carries a chain hash, in the store's order. */
    public void inStore(String chainId, String hash, long globalIndex, boolean published) {
        inStore.computeIfAbsent(chainId, id -> new Copy()).add(hash, globalIndex, published);
    }

    public Report compare() {
        Set<String> chainIds = new HashSet<>(inStore.keySet());
        chainIds.addAll(onTopic.keySet());
        long stored = 0;
        long topicFacts = 0;
        long pending = 0;
        long differences = 0;
        Difference first = null;
        for (String chainId : chainIds) {
            Copy store = inStore.getOrDefault(chainId, new Copy());
            Copy topical = onTopic.getOrDefault(chainId, new Copy());
            stored += store.hashes.size();
            topicFacts += topical.hashes.size();
            Difference difference = null;
            int common = Math.min(store.hashes.size(), topical.hashes.size());
            for (int i = 0; i < common && difference == null; i++) {
                if (store.hashes.prefix(i) != topical.hashes.prefix(i)) {
                    difference = new Difference(chainId, i, topical.partition, topical.places[i], store.places[i],
                            "the fact on the topic is not the stored fact: one of them was altered or replaced");
                }
            }
            if (difference == null && topical.hashes.size() > common) {
                difference = new Difference(chainId, common, topical.partition, topical.places[common], -1,
                        "the fact is on the topic but not in the service's event store: the service never stored it");
            }
            for (int i = common; i < store.hashes.size(); i++) {
                if (!store.published.get(i)) {
                    pending++;
                } else if (difference == null) {
                    difference = new Difference(chainId, i, -1, -1, store.places[i],
                            "the fact was stored and published, but it is not on the topic: it was deleted there");
                }
            }
            if (difference != null) {
                differences++;
                first = first == null || EARLIEST.compare(difference, first) < 0 ? difference : first;
            }
        }
        return new Report(topic, stored, topicFacts, pending, differences, first);
    }

    /** One chain as one side holds it: hashes in order, where each sits, and (in the store) whether it was sent. */
    private static final class Copy {
        private final ChainHashes hashes = new ChainHashes();
        private long[] places = new long[4];
        private final BitSet published = new BitSet();
        private int partition = -1;

        void add(String hash, long place, boolean sent) {
            int position = hashes.append(hash);
            if (position == places.length) {
                places = Arrays.copyOf(places, position * 2);
            }
            places[position] = place;
            published.set(position, sent);
        }
    }
}
