package org.trialstream.platform.store;

import java.time.Clock;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Health is a write: a service whose event store cannot take a write is DOWN, whatever its connection pool says. The
 * probe updates one row of its own table in a transaction, the path every command takes.
 */
public class EventStoreHealthIndicator extends AbstractHealthIndicator {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public EventStoreHealthIndicator(JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock) {
        super("the event store cannot be written");
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Integer updated = transactions.execute(status -> jdbc.update(
                "UPDATE trial_store_health SET checked_at = ? WHERE id = 1", clock.instant().toString()));
        if (updated == null || updated != 1) {
            builder.down().withDetail("eventStore", "the health row is missing: was the schema migrated?");
            return;
        }
        builder.up().withDetail("eventStore", "writable");
    }
}
