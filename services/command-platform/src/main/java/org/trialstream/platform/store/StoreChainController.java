package org.trialstream.platform.store;

import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.trialstream.kernel.audit.ChainVerification;
import org.trialstream.kernel.contract.EventContracts;
import org.trialstream.kernel.security.Role;
import org.trialstream.support.security.EndpointPermission;

/**
 * Tamper evidence of the service's own event store, for the monitor: every stored published fact's chain recomputed
 * from the stored payload and metadata, in the order the store holds them. A row changed in the database after it
 * was written (even by a privileged user) no longer matches its hash and is named with its global index.
 */
@RestController
public class StoreChainController {

    /** Its row of every command service's permission matrix: the monitor's. */
    public static final EndpointPermission PERMISSION = EndpointPermission.allow(HttpMethod.GET, "/audit/store-chain",
            Role.MONITOR);

    private final EventStorageEngine storage;
    private final ObjectMapper json;
    private final String store;

    public StoreChainController(EventStorageEngine storage, ObjectMapper json, String context) {
        this.storage = storage;
        this.json = json;
        this.store = "store:" + context;
    }

    /** The report names the store as its topic and the event's global index as its offset. */
    @GetMapping("/audit/store-chain")
    public ChainVerification.Report verify() {
        ChainVerification verification = new ChainVerification();
        try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(null, false)) {
            events.forEach(event -> {
                if (event instanceof DomainEventMessage<?>) {
                    EventContracts.contractOf(event.getPayloadType()).ifPresent(contract -> {
                        long index = event.trackingToken() instanceof GlobalSequenceTrackingToken token
                                ? token.getGlobalIndex() : -1;
                        verification.check(new ChainVerification.Fact(store, 0, index, event.getIdentifier(),
                                contract.name(), contract.version(),
                                json.convertValue(event.getPayload(), Object.class), event.getMetaData()));
                    });
                }
            });
        }
        return verification.report();
    }
}
