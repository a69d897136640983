package org.trialstream.localstack.infra;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.trialstream.localstack.postgres.Postgres;

/** The same infrastructure on real images, for machines with a Docker engine. */
public final class ContainerInfrastructure implements Infrastructure, AutoCloseable {

    private final KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");
    private final PostgreSQLContainer<?> postgresContainer = new PostgreSQLContainer<>("postgres:15");
    private final MongoDBContainer mongo = new MongoDBContainer("mongo:7.0");
    private Postgres postgres;

    private ContainerInfrastructure() {
    }

    public static ContainerInfrastructure start() {
        ContainerInfrastructure infrastructure = new ContainerInfrastructure();
        infrastructure.kafka.start();
        infrastructure.postgresContainer.start();
        infrastructure.mongo.start();
        infrastructure.postgres = new Postgres(infrastructure.postgresContainer.getHost(),
                infrastructure.postgresContainer.getMappedPort(5432),
                infrastructure.postgresContainer.getUsername(), infrastructure.postgresContainer.getPassword());
        return infrastructure;
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public Database freshDatabase(String name) {
        return new Database(postgres.recreateDatabase(name), postgres.user(), postgres.password());
    }

    @Override
    public String mongoUri() {
        return mongo.getReplicaSetUrl();
    }

    /** Pausing keeps the mapped port, so clients reconnect to the same address afterwards. */
    @Override
    public void stopKafka() {
        DockerClientFactory.instance().client().pauseContainerCmd(kafka.getContainerId()).exec();
    }

    @Override
    public void startKafka() {
        DockerClientFactory.instance().client().unpauseContainerCmd(kafka.getContainerId()).exec();
    }

    @Override
    public void close() {
        mongo.stop();
        postgresContainer.stop();
        kafka.stop();
    }
}
