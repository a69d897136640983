package org.trialstream.alerts.alert;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trialstream.kernel.contract.BoundedContext;
import org.trialstream.kernel.contract.ContractRecordHeaders;
import org.trialstream.kernel.contract.EventContracts;
import org.trialstream.kernel.contract.safety.ExpeditedReportOverdue;
import org.trialstream.kernel.contract.safety.SeriousAdverseEventReported;

/**
 * Reads safety's facts and turns serious adverse events and overdue reports into alerts. Offsets are committed after
 * each poll's records are stored, never before; a failure is retried, never skipped. The alert is stored before it is
 * pushed, so a crash in between loses nothing: the record comes again (and is stored once), and a subscriber that
 * reconnects gets it from the store.
 */
@KafkaListener(groupId = "alerts", clientId = "alerts", offsetReset = OffsetReset.EARLIEST, batch = true,
        offsetStrategy = OffsetStrategy.SYNC,
        errorStrategy = @ErrorStrategy(value = ErrorStrategyValue.RETRY_EXPONENTIALLY_ON_ERROR, retryCount = 1000,
                retryDelay = "200ms"))
class SafetyFactsListener {

    private static final Logger LOG = LoggerFactory.getLogger(SafetyFactsListener.class);
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final AlertStore store;
    private final AlertFeed feed;
    private final Clock clock;

    SafetyFactsListener(AlertStore store, AlertFeed feed, Clock clock) {
        this.store = store;
        this.feed = feed;
        this.clock = clock;
    }

    /** One poll's records: their alerts are stored together, then pushed. */
    @Topic("trial.safety.events")
    void receive(List<ConsumerRecord<String, byte[]>> records) throws IOException {
        List<Alert> alerts = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            ContractRecordHeaders headers = ContractRecordHeaders.read(record.headers(), Header::key, Header::value);
            alertOf(headers, record.value()).ifPresent(alerts::add);
        }
        List<Notice> raised = store.raise(alerts, clock.instant());
        raised.forEach(feed::push);
        LOG.debug("{} records, {} new alerts", records.size(), raised.size());
    }

    static Optional<Alert> alertOf(ContractRecordHeaders headers, byte[] payload) throws IOException {
        Optional<Class<?>> type = EventContracts.typeOf(headers.eventType(), headers.eventVersion())
                .map(known -> (Class<?>) known);
        if (type.isEmpty() && EventContracts.knowsName(headers.eventType())) {
            // A newer version of a fact this service reads: stop here (and retry) rather than lose an alert.
            throw new IllegalStateException(headers.eventType() + " v" + headers.eventVersion()
                    + " is not known here: deploy the alerts service that reads it");
        }
        if (type.isEmpty() || !EventContracts.contextOf(EventContracts.contractOf(type.get()).orElseThrow())
                .equals(BoundedContext.SAFETY)) {
            return Optional.empty();
        }
        Object fact = JSON.readValue(payload, type.get());
        if (fact instanceof SeriousAdverseEventReported sae) {
            return Optional.of(Alert.raised(headers.eventId(), Alert.Kind.SERIOUS_ADVERSE_EVENT, sae.upgrade(),
                    sae.patientId().toString(), sae.screeningNumber(), sae.siteId(), sae.adverseEventId().toString(),
                    sae.term(), sae.grade(), sae.criteria().stream().map(Enum::name).toList(), sae.awareOn(),
                    sae.susar(), sae.deadlines().stream()
                            .map(deadline -> new Alert.Deadline(deadline.kind().name(), deadline.dueOn())).toList(),
                    headers.timestamp()));
        }
        if (fact instanceof ExpeditedReportOverdue overdue) {
            return Optional.of(Alert.raised(headers.eventId(), Alert.Kind.REPORT_OVERDUE, false,
                    overdue.patientId().toString(), overdue.screeningNumber(), overdue.siteId(),
                    overdue.adverseEventId().toString(), overdue.term(), null, List.of(), null, false,
                    List.of(new Alert.Deadline(overdue.kind().name(), overdue.dueOn())), headers.timestamp()));
        }
        return Optional.empty();
    }
}
