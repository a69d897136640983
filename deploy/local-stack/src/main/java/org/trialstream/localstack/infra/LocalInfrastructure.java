package org.trialstream.localstack.infra;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.trialstream.localstack.Processes;
import org.trialstream.localstack.kafka.KafkaBroker;
import org.trialstream.localstack.mongo.LocalMongoServer;
import org.trialstream.localstack.postgres.Postgres;

/**
 * The default for tests on machines without Docker: a real Kafka broker process from the Maven artifacts, an
 * in-memory MongoDB-compatible server in the test JVM, and the PostgreSQL server on 127.0.0.1:5432.
 */
public final class LocalInfrastructure implements Infrastructure, AutoCloseable {

    private static final Duration BROKER_START = Duration.ofSeconds(90);

    private final KafkaBroker broker;
    private final LocalMongoServer mongo;
    private final Postgres postgres;

    private LocalInfrastructure(KafkaBroker broker, LocalMongoServer mongo, Postgres postgres) {
        this.broker = broker;
        this.mongo = mongo;
        this.postgres = postgres;
    }

    public static LocalInfrastructure start() {
        Postgres postgres = Postgres.local();
        postgres.check();
        Path brokerLib = Path.of(System.getProperty("trial.broker.lib", "../../deploy/kafka-broker/target/lib"));
        Path dataDir = Path.of(System.getProperty("java.io.tmpdir"), "kafka-" + UUID.randomUUID());
        KafkaBroker broker = new KafkaBroker(brokerLib, dataDir, Processes.freePort(), Processes.freePort())
                .start(BROKER_START);
        return new LocalInfrastructure(broker, LocalMongoServer.inMemory(), postgres);
    }

    @Override
    public String kafkaBootstrapServers() {
        return broker.bootstrapServers();
    }

    @Override
    public Database freshDatabase(String name) {
        return new Database(postgres.recreateDatabase(name), postgres.user(), postgres.password());
    }

    @Override
    public String mongoUri() {
        return mongo.uri();
    }

    @Override
    public void stopKafka() {
        broker.stop();
    }

    @Override
    public void startKafka() {
        broker.start(BROKER_START);
    }

    @Override
    public void close() {
        broker.stop();
        mongo.close();
    }
}
