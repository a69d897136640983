package org.trialstream.alerts.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/**
 * An alert nobody acknowledged within {@code trial.alerts.acknowledge-within} escalates: it is marked, its escalation
 * is a notice of its own, pushed to every subscriber, and the alert stays open until acknowledged.
 */
@Singleton
class Escalation {

    private final AlertStore store;
    private final AlertFeed feed;
    private final Clock clock;
    private final Duration acknowledgeWithin;

    Escalation(AlertStore store, AlertFeed feed, Clock clock,
               @Value("${trial.alerts.acknowledge-within}") Duration acknowledgeWithin) {
        this.store = store;
        this.feed = feed;
        this.clock = clock;
        this.acknowledgeWithin = acknowledgeWithin;
    }

    @Scheduled(fixedDelay = "${trial.alerts.escalation-check}", initialDelay = "${trial.alerts.escalation-check}")
    void escalateUnacknowledged() {
        Instant now = clock.instant();
        store.escalate(now.minus(acknowledgeWithin), now).forEach(feed::push);
    }
}
