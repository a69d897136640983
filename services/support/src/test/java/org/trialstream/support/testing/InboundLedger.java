package org.trialstream.support.testing;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;

import org.trialstream.localstack.infra.Infrastructure;

/** A command service's ledger of inbound facts (table {@code inbound_event}), written with each reaction. */
public final class InboundLedger {

    private InboundLedger() {
    }

    /** Waits until the service has reacted to the facts: their event ids are in its ledger. */
    public static void awaitReactedTo(Infrastructure.Database database, String... eventIds) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(),
                    database.password());
                 PreparedStatement query = connection.prepareStatement(
                         "SELECT count(*) FROM inbound_event WHERE event_id = ANY (?)")) {
                query.setArray(1, connection.createArrayOf("varchar", eventIds));
                try (ResultSet result = query.executeQuery()) {
                    return result.next() && result.getInt(1) == eventIds.length;
                }
            }
        });
    }
}
