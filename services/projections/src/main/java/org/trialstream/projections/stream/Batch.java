package org.trialstream.projections.stream;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bson.Document;

/** One poll's facts for one projection, and what applying them changed: documents and counters. */
public final class Batch {

    private final List<ContractEvent> facts;
    private final Function<String, DocumentLoader> collections;
    private final Map<String, Documents> touched = new LinkedHashMap<>();
    private final Map<ContractEvent, Map<String, Long>> counts = new IdentityHashMap<>();

    /** Loads the documents with the given ids from one collection in one query. */
    interface DocumentLoader {
        Map<String, Document> load(Set<String> ids);
    }

    Batch(List<ContractEvent> facts, Function<String, DocumentLoader> collections) {
        this.facts = List.copyOf(facts);
        this.collections = collections;
    }

    public List<ContractEvent> facts() {
        return facts;
    }

    /**
     * The documents of a collection that this batch's facts touch, loaded once per batch; {@code idOf} names the
     * document a fact belongs to, or null for none.
     */
    public Documents documents(String collection, Function<ContractEvent, String> idOf) {
        return touched.computeIfAbsent(collection, name -> new Documents(collections.apply(name).load(
                facts.stream().map(idOf).filter(Objects::nonNull).collect(Collectors.toSet()))));
    }

    /**
     * Changes a counter (for example {@code enrolled} or {@code site:RJH}) because of a fact. Counters are kept per
     * partition with its position, and a fact's change is counted exactly once even when the fact is applied again.
     */
    public void count(ContractEvent fact, String counter, long delta) {
        counts.computeIfAbsent(fact, key -> new TreeMap<>()).merge(counter, delta, Long::sum);
    }

    Map<String, Documents> touched() {
        return touched;
    }

    Map<String, Long> countsOf(ContractEvent fact) {
        return counts.getOrDefault(fact, Map.of());
    }
}
