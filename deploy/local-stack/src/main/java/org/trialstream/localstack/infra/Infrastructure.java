package org.trialstream.localstack.infra;

/**
 * What an integration test needs from the outside world: a Kafka broker, a PostgreSQL server and a MongoDB-compatible
 * server. A test never learns whether they are local processes or containers.
 */
public interface Infrastructure {

    String kafkaBootstrapServers();

    /** A fresh, empty database of this name on the PostgreSQL server. */
    Database freshDatabase(String name);

    String mongoUri();

    /** Makes the broker unreachable, as in an outage; records already written stay. */
    void stopKafka();

    /** Brings the broker back on the same address with its records. */
    void startKafka();

    record Database(String jdbcUrl, String user, String password) {
    }
}
