package org.trialstream.localstack.kafka;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.Uuid;

import org.trialstream.localstack.Processes;

/**
 * A real Apache Kafka broker (single KRaft node, broker and controller combined) run as a child JVM from the jars
 * that {@code deploy/kafka-broker} copies out of Maven Central. It listens on loopback only. Its data folder survives
 * a stop, so a broker restarted on the same folder and port keeps every record.
 */
public final class KafkaBroker {

    private static final String READY_LINE = "Kafka Server started";

    private final Path brokerLib;
    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private Process process;

    public KafkaBroker(Path brokerLib, Path dataDir, int port, int controllerPort) {
        this.brokerLib = brokerLib;
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public Path logFile() {
        return dataDir.resolve("broker.log");
    }

    /** Formats the storage on first use, starts the broker and waits until it reports itself started. */
    public synchronized KafkaBroker start(Duration timeout) {
        if (process != null && process.isAlive()) {
            return this;
        }
        try {
            Files.createDirectories(dataDir);
            Path properties = writeServerProperties();
            Path logConfig = writeLogConfig();
            if (!Files.exists(dataDir.resolve("logs/meta.properties"))) {
                format(properties, logConfig);
            }
            long offset = Files.exists(logFile()) ? Files.size(logFile()) : 0;
            process = java(logConfig, "kafka.Kafka", properties.toString())
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                    .start();
            awaitReady(offset, timeout);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the Kafka broker in " + dataDir, e);
        }
    }

    /** Sends SIGTERM and waits for a clean shutdown, then kills it if it hangs. */
    public synchronized void stop() {
        if (process != null) {
            Processes.terminate(process.toHandle(), Duration.ofSeconds(30));
            process = null;
        }
    }

    public synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    private void format(Path properties, Path logConfig) throws IOException {
        // Kafka's own random id, which never starts with '-' (the storage tool would read that as an option).
        String clusterId = Uuid.randomUuid().toString();
        Path formatLog = dataDir.resolve("format.log");
        Process format = java(logConfig, "kafka.tools.StorageTool", "format", "-t", clusterId, "-c",
                properties.toString())
                .redirectOutput(formatLog.toFile())
                .start();
        try {
            if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                throw new IllegalStateException("formatting Kafka storage failed: "
                        + Files.readString(formatLog, StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while formatting Kafka storage", e);
        }
    }

    private ProcessBuilder java(Path logConfig, String mainClass, String... args) {
        if (!Files.isDirectory(brokerLib)) {
            throw new IllegalStateException("no Kafka broker jars in " + brokerLib
                    + ": build deploy/kafka-broker first (mvn -pl deploy/kafka-broker package)");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + logConfig.toUri(),
                "-cp", brokerLib.toAbsolutePath() + File.separator + "*",
                mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).directory(dataDir.toFile());
    }

    private void awaitReady(long logOffset, Duration timeout) {
        boolean ready = Processes.awaitReady(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("the Kafka broker exited with " + process.exitValue()
                        + "; see " + logFile() + ":\n" + tail());
            }
            return Files.exists(logFile()) && logSince(logOffset).contains(READY_LINE);
        }, Duration.ofMillis(100), timeout);
        if (!ready) {
            stop();
            throw new IllegalStateException("the Kafka broker was not ready within " + timeout + "; see " + logFile());
        }
    }

    private String logSince(long offset) {
        try {
            byte[] bytes = Files.readAllBytes(logFile());
            int from = (int) Math.min(offset, bytes.length);
            return new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(logFile(), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private Path writeServerProperties() throws IOException {
        Path file = dataDir.resolve("server.properties");
        Files.writeString(file, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + dataDir.resolve("logs").toAbsolutePath(),
                // A topic a reader asks for before its writer made it gets the partitions the services provision.
                "num.partitions=3",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                // The trial topics are the audit record: nothing expires and nothing is compacted.
                "log.retention.ms=-1",
                "log.retention.bytes=-1",
                "log.cleanup.policy=delete",
                "auto.create.topics.enable=true",
                ""), StandardCharsets.UTF_8);
        return file;
    }

    private Path writeLogConfig() throws IOException {
        Path file = dataDir.resolve("log4j2.properties");
        Files.writeString(file, String.join("\n",
                "status = warn",
                "appender.console.type = Console",
                "appender.console.name = STDOUT",
                "appender.console.layout.type = PatternLayout",
                "appender.console.layout.pattern = [%d] %p %m (%c)%n",
                "rootLogger.level = info",
                "rootLogger.appenderRef.stdout.ref = STDOUT",
                "logger.kafka.name = kafka",
                "logger.kafka.level = warn",
                "logger.server.name = kafka.server.KafkaRaftServer",
                "logger.server.level = info",
                "logger.kafkaserver.name = kafka.server.BrokerServer",
                "logger.kafkaserver.level = info",
                "logger.apache.name = org.apache.kafka",
                "logger.apache.level = warn",
                ""), StandardCharsets.UTF_8);
        return file;
    }
}
