package org.trialstream.projections.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Feeds one projection from its topics. Partitions are assigned, not group-managed: the read position of each
 * partition is kept in MongoDB next to the documents (see {@link Positions}), so a read model and its position can
 * only be lost together, and a rebuild simply drops both and starts again at offset 0.
 */
public class ProjectionStream implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProjectionStream.class);

    private final Projection projection;
    private final Positions positions;
    private final ContractRecordReader reader;
    private final String bootstrapServers;
    private final AtomicBoolean rebuildRequested = new AtomicBoolean();
    private final AtomicReference<RebuildProgress> rebuild = new AtomicReference<>(RebuildProgress.idle());
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running;
    private volatile boolean healthy = true;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread worker;

    public ProjectionStream(Projection projection, Positions positions, ContractRecordReader reader,
                            String bootstrapServers) {
        this.projection = projection;
        this.positions = positions;
        this.reader = reader;
        this.bootstrapServers = bootstrapServers;
    }

    /** Drops the read model and replays the topics from offset 0; progress is visible through {@link #rebuild()}. */
    public RebuildProgress requestRebuild() {
        RebuildProgress requested = RebuildProgress.requested();
        rebuild.set(requested);
        rebuildRequested.set(true);
        return requested;
    }

    public RebuildProgress rebuild() {
        return rebuild.get();
    }

    /** False while the stream is recovering from a failure (for example an unreachable broker). */
    public boolean isConsuming() {
        return running && healthy && worker != null && worker.isAlive();
    }

    @Override
    public synchronized void start() {
        running = true;
        worker = new Thread(this::consume, "projection-" + projection.getClass().getSimpleName());
        worker.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        stopped.countDown();
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            if (worker != null) {
                worker.join(Duration.ofSeconds(30).toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Reads until stopped; after a failure it waits, then resumes from the positions stored with the documents. */
    private void consume() {
        while (running) {
            try {
                consumeSession();
                healthy = true;
            } catch (WakeupException stopping) {
                // stop() woke the consumer up
            } catch (RuntimeException e) {
                healthy = false;
                log.error("projection {} failed; resuming from its stored positions in 5 s",
                        projection.getClass().getSimpleName(), e);
                awaitStop(Duration.ofSeconds(5));
            }
        }
    }

    private void consumeSession() {
        try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(consumerProperties())) {
            consumer = kafka;
            List<TopicPartition> partitions = awaitPartitions(kafka);
            kafka.assign(partitions);
            seekToStoredPositions(kafka, partitions);
            healthy = true;
            while (running) {
                if (rebuildRequested.get()) {
                    startRebuild(kafka, partitions);
                    rebuildRequested.set(false);
                }
                for (ConsumerRecord<String, byte[]> record : kafka.poll(Duration.ofMillis(250))) {
                    reader.read(record).ifPresentOrElse(projection::apply,
                            () -> log.warn("skipping unknown contract at {}-{}@{}", record.topic(),
                                    record.partition(), record.offset()));
                    positions.save(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
                }
                trackRebuild(kafka, partitions);
            }
        } finally {
            consumer = null;
        }
    }

    /** The topics may not exist before the first event is published; wait for them without busy polling. */
    private List<TopicPartition> awaitPartitions(KafkaConsumer<String, byte[]> kafka) {
        while (running) {
            List<TopicPartition> partitions = new ArrayList<>();
            boolean all = true;
            Map<String, List<PartitionInfo>> topics = kafka.listTopics(Duration.ofSeconds(10));
            for (String topic : projection.topics()) {
                List<PartitionInfo> infos = topics.get(topic);
                if (infos == null || infos.isEmpty()) {
                    all = false;
                } else {
                    infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
                }
            }
            if (all) {
                return partitions;
            }
            awaitStop(Duration.ofSeconds(1));
        }
        throw new WakeupException();
    }

    private void awaitStop(Duration timeout) {
        try {
            stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void seekToStoredPositions(KafkaConsumer<String, byte[]> kafka, List<TopicPartition> partitions) {
        Map<TopicPartition, Long> stored = positions.load();
        for (TopicPartition partition : partitions) {
            Long offset = stored.get(partition);
            if (offset == null) {
                kafka.seekToBeginning(List.of(partition));
            } else {
                kafka.seek(partition, offset);
            }
        }
    }

    /** Positions go first: a crash half-way then replays everything onto what is left, which event ids make safe. */
    private void startRebuild(KafkaConsumer<String, byte[]> kafka, List<TopicPartition> partitions) {
        positions.drop();
        projection.drop();
        kafka.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = new HashMap<>(kafka.endOffsets(partitions));
        rebuild.set(RebuildProgress.running(end.values().stream().mapToLong(Long::longValue).sum(), end));
        log.info("rebuilding {} from offset 0", projection.getClass().getSimpleName());
    }

    private void trackRebuild(KafkaConsumer<String, byte[]> kafka, List<TopicPartition> partitions) {
        RebuildProgress progress = rebuild.get();
        if (progress.state() != RebuildProgress.State.RUNNING) {
            return;
        }
        long done = 0;
        for (TopicPartition partition : partitions) {
            done += Math.min(kafka.position(partition), progress.endOffsets().getOrDefault(partition, 0L));
        }
        rebuild.set(progress.at(done));
    }

    private Properties consumerProperties() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "projections-" + projection.getClass().getSimpleName());
        return properties;
    }
}
