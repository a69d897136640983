package org.trialstream.platform.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.trialstream.kernel.audit.FactChain;
import org.trialstream.kernel.contract.EventContract;
import org.trialstream.kernel.contract.EventContracts;

/**
 * Chains every event an aggregate appends to the one before it ({@link FactChain}), as it is appended: the event
 * store keeps the hash in the event's metadata, and the publisher carries it onto Kafka with the rest of the
 * metadata. A published fact gets its own hash; an event that never leaves the service carries the chain's head
 * forward unchanged, so that the chain of an aggregate is the chain of its published facts.
 * <p>
 * The head before an event is the previous event's hash: read from the store once per aggregate and unit of work
 * (one indexed read), then kept for the further events of that unit of work.
 */
public class FactChainInterceptor implements MessageDispatchInterceptor<EventMessage<?>> {

    private static final String HEADS = FactChainInterceptor.class.getName() + ".heads";

    private final Supplier<EventStore> store;
    private final ObjectMapper json;

    public FactChainInterceptor(Supplier<EventStore> store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        return (index, message) -> message instanceof DomainEventMessage<?> event ? chained(event) : message;
    }

    private EventMessage<?> chained(DomainEventMessage<?> event) {
        Map<String, String> heads = CurrentUnitOfWork.isStarted()
                ? CurrentUnitOfWork.get().root().getOrComputeResource(HEADS, key -> new HashMap<>())
                : new HashMap<>();
        String chainId = event.getAggregateIdentifier();
        String previous = heads.computeIfAbsent(chainId, id -> storedHead(id, event.getSequenceNumber()));
        String hash = EventContracts.contractOf(event.getPayloadType())
                .map(contract -> hash(previous, contract, event))
                .orElse(previous);
        heads.put(chainId, hash);
        return event.andMetaData(Map.of(FactChain.CHAIN_ID, chainId, FactChain.PREVIOUS, previous,
                FactChain.HASH, hash));
    }

    private String hash(String previous, EventContract contract, DomainEventMessage<?> event) {
        Map<String, Object> metadata = new HashMap<>(event.getMetaData());
        metadata.put(FactChain.CHAIN_ID, event.getAggregateIdentifier());
        return FactChain.hash(previous, contract.name(), contract.version(), event.getIdentifier(),
                json.convertValue(event.getPayload(), Object.class), metadata);
    }

    /** The hash of the aggregate's event before {@code sequence}, or the genesis for its first. */
    private String storedHead(String aggregateId, long sequence) {
        if (sequence == 0) {
            return FactChain.GENESIS;
        }
        DomainEventStream stream = store.get().readEvents(aggregateId, sequence - 1);
        if (!stream.hasNext()) {
            return FactChain.GENESIS;
        }
        Object head = stream.next().getMetaData().get(FactChain.HASH);
        return head == null ? FactChain.GENESIS : head.toString();
    }
}
