package org.trialstream.platform.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.common.header.Header;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.kafka.eventhandling.producer.KafkaEventPublisher;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.trialstream.kernel.audit.ChainVerification;
import org.trialstream.kernel.audit.FactChain;
import org.trialstream.kernel.audit.StoreTopicComparison;
import org.trialstream.kernel.contract.BoundedContext;
import org.trialstream.kernel.contract.ContractRecordHeaders;
import org.trialstream.kernel.contract.EventContracts;
import org.trialstream.kernel.security.Role;
import org.trialstream.support.kafka.TopicLog;
import org.trialstream.support.security.EndpointPermission;

/**
 * Tamper evidence of the service's own event store, for the monitor. Two checks in one pass:
 * <ul>
 *   <li>every stored published fact's chain recomputed from the stored payload and metadata, in the order the store
 *   holds them: a row changed in the database after it was written (even by a privileged user) no longer matches
 *   its hash, and is named with its global index;</li>
 *   <li>the store compared with the service's topic ({@link StoreTopicComparison}): every fact the publisher has sent
 *   is on the topic with the same hash, and the topic holds nothing the store lacks.</li>
 * </ul>
 * The publisher's position is taken first, the topic read next and the store last, so that facts stored meanwhile
 * count as pending, never as missing.
 */
@RestController
public class StoreChainController {

    /** Its row of every command service's permission matrix: the monitor's. */
    public static final EndpointPermission PERMISSION = EndpointPermission.allow(HttpMethod.GET, "/audit/store-chain",
            Role.MONITOR);

    /**
     * @param chain   the store's chains recomputed; its topic is {@code store:<context>} and its offsets are global
     *                indexes
     * @param topic   the store compared with the service's topic
     */
    public record StoreAudit(String context, ChainVerification.Report chain, StoreTopicComparison.Report topic) {

        public boolean intact() {
            return chain.intact() && topic.agree();
        }
    }

    private final EventStorageEngine storage;
    private final EventProcessingConfiguration processing;
    private final ObjectMapper json;
    private final String context;
    private final String bootstrapServers;

    public StoreChainController(EventStorageEngine storage, EventProcessingConfiguration processing,
                                ObjectMapper json, String context, String bootstrapServers) {
        this.storage = storage;
        this.processing = processing;
        this.json = json;
        this.context = context;
        this.bootstrapServers = bootstrapServers;
    }

    @GetMapping("/audit/store-chain")
    public StoreAudit verify() {
        Optional<TrackingToken> sent = publisherPosition();
        String topic = BoundedContext.ofId(context).topic();
        StoreTopicComparison comparison = new StoreTopicComparison(topic);
        TopicLog.read(bootstrapServers, List.of(topic), record -> {
            Map<String, String> metadata;
            try {
                metadata = ContractRecordHeaders.read(record.headers(), Header::key, Header::value).metadata();
            } catch (IllegalArgumentException unreadable) {
                metadata = Map.of(FactChain.CHAIN_ID, "unreadable record", FactChain.HASH, "@" + record.offset());
            }
            if (metadata.containsKey(FactChain.HASH) && metadata.containsKey(FactChain.CHAIN_ID)) {
                comparison.onTopic(metadata.get(FactChain.CHAIN_ID),
                        metadata.getOrDefault(FactChain.PREVIOUS, FactChain.GENESIS), metadata.get(FactChain.HASH),
                        record.partition(), record.offset());
            }
        });
        ChainVerification verification = new ChainVerification();
        try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(null, false)) {
            events.forEach(event -> {
                if (event instanceof DomainEventMessage<?>) {
                    EventContracts.contractOf(event.getPayloadType()).ifPresent(contract -> {
                        long index = globalIndex(event.trackingToken());
                        verification.check(new ChainVerification.Fact("store:" + context, 0, index,
                                event.getIdentifier(), contract.name(), contract.version(),
                                json.convertValue(event.getPayload(), Object.class), event.getMetaData()));
                        Object hash = event.getMetaData().get(FactChain.HASH);
                        Object chainId = event.getMetaData().get(FactChain.CHAIN_ID);
                        if (hash != null && chainId != null) {
                            comparison.inStore(chainId.toString(), hash.toString(), index,
                                    sent.map(position -> covers(position, index)).orElse(false));
                        }
                    });
                }
            });
        }
        return new StoreAudit(context, verification.report(), comparison.compare());
    }

    /** How far the Kafka publisher has sent the store (every event it passed was acknowledged by the broker). */
    private Optional<TrackingToken> publisherPosition() {
        return processing.eventProcessor(KafkaEventPublisher.DEFAULT_PROCESSING_GROUP, TrackingEventProcessor.class)
                .flatMap(processor -> processor.processingStatus().values().stream()
                        .map(EventTrackerStatus::getTrackingToken)
                        .filter(token -> token != null)
                        .map(WrappedToken::unwrapLowerBound)
                        .findFirst());
    }

    private static boolean covers(TrackingToken position, long index) {
        if (position instanceof GapAwareTrackingToken token) {
            return index <= token.getIndex() && !token.getGaps().contains(index);
        }
        return position.position().orElse(-1) >= index;
    }

    private static long globalIndex(TrackingToken token) {
        if (token instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex();
        }
        return token instanceof GlobalSequenceTrackingToken global ? global.getGlobalIndex() : -1;
    }
}
