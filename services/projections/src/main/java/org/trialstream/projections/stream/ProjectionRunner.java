package org.trialstream.projections.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.InvalidOffsetException;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds one generation of one projection from its topics. Instances share the partitions through the consumer group
 * {@code trialstream.projections.<name>.g<generation>}; positions are not committed to Kafka but kept in MongoDB with
 * the counters ({@link PartitionLedger}), and a newly assigned partition resumes there. A position the log no longer
 * holds stops the runner ({@code auto.offset.reset=none}): it never jumps to the end of the log.
 */
final class ProjectionRunner {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRunner.class);
    private static final Duration CHECK_EVERY = Duration.ofMillis(500);


    /** Totals over every partition of the projection's topics, as of the last check. */
    record Progress(long applied, long total) {
        long lag() {
            return Math.max(0, total - applied);
        }
    }

    private final Projection projection;
    private final int generation;
    private final ProjectionStore store;
    private final PartitionLedger ledger;
    private final ContractRecordReader reader;
    private final Properties properties;
    private final Runnable onCaughtUp;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread worker;
    private volatile boolean running = true;
    private volatile RunnerState state = RunnerState.STARTING;
    private volatile String problem;
    private volatile Progress progress = new Progress(0, 0);
    private volatile KafkaConsumer<String, byte[]> consumer;
    private long lastCheck = System.nanoTime() - CHECK_EVERY.toNanos();

    /**
     * @param onCaughtUp called after a check that found every partition applied to the end of the log (a generation
     *                   being rebuilt is then promoted); null for none
     */
    ProjectionRunner(Projection projection, int generation, ProjectionStore store, ContractRecordReader reader,
                     String bootstrapServers, int maxPollRecords, Runnable onCaughtUp) {
        this.projection = projection;
        this.generation = generation;
        this.store = store;
        this.ledger = store.ledger(projection.name(), generation);
        this.reader = reader;
        this.onCaughtUp = onCaughtUp;
        this.properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "trialstream.projections." + projection.name() + ".g" + generation);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "projections-" + projection.name() + "-g" + generation);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        // The owning service creates its topic with its partitions and retention; a reader never does.
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        properties.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024);
        // A killed instance's partitions go to the others after 10 s, not Kafka's default 45 s.
        properties.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        properties.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000);
        this.worker = new Thread(this::run, "projection-" + projection.name() + "-g" + generation);
    }

    ProjectionRunner start() {
        worker.start();
        return this;
    }

    void stop() {
        running = false;
        stopped.countDown();
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            worker.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        state = RunnerState.STOPPED;
    }

    int generation() {
        return generation;
    }

    RunnerState state() {
        return state;
    }

    String problem() {
        return problem;
    }

    Progress progress() {
        return progress;
    }

    private void run() {
        while (running) {
            try {
                consume();
            } catch (WakeupException stopping) {
                // stop() woke the consumer up
            } catch (InvalidOffsetException e) {
                state = RunnerState.FAILED;
                problem = "the stored position of " + e.partitions() + " is not in the log (" + e.getMessage()
                        + "); it was not skipped: rebuild the projection or restore the log";
                log.error("projection {} g{} stopped: {}", projection.name(), generation, problem);
                return;
            } catch (RuntimeException e) {
                state = RunnerState.RETRYING;
                problem = e.getMessage();
                log.error("projection {} g{} failed; resuming from its stored positions in 5 s", projection.name(),
                        generation, e);
                awaitStop(Duration.ofSeconds(5));
            }
        }
    }

    private void consume() {
        try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(properties)) {
            consumer = kafka;
            if (!running) {
                return;
            }
            kafka.subscribe(projection.topics(), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    Map<TopicPartition, Long> applied = ledger.appliedNext();
                    for (TopicPartition partition : partitions) {
                        Long next = applied.get(partition);
                        if (next == null) {
                            kafka.seekToBeginning(List.of(partition));
                        } else {
                            kafka.seek(partition, next);
                        }
                    }
                }

                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    // Each poll's batch is written before the next poll, so nothing is in flight here.
                }
            });
            while (running) {
                ConsumerRecords<String, byte[]> records = kafka.poll(Duration.ofMillis(200));
                if (!records.isEmpty()) {
                    apply(records);
                }
                if (check(kafka)) {
                    // CONSUMING only once its lag has been measured at least once.
                    state = RunnerState.CONSUMING;
                    problem = null;
                }
            }
        } finally {
            consumer = null;
        }
    }

    /** One batch: count, then write the documents, then move the positions. */
    private void apply(ConsumerRecords<String, byte[]> records) {
        List<ContractEvent> facts = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> record : records) {
            reader.read(record).ifPresent(facts::add);
        }
        Batch batch = new Batch(facts, collection -> store.loader(projection.name(), generation, collection));
        projection.apply(batch);
        Map<TopicPartition, NavigableMap<Long, Map<String, Long>>> changes = new HashMap<>();
        for (ContractEvent fact : facts) {
            Map<String, Long> counted = batch.countsOf(fact);
            if (!counted.isEmpty()) {
                changes.computeIfAbsent(new TopicPartition(fact.topic(), fact.partition()), key -> new TreeMap<>())
                        .put(fact.offset(), counted);
            }
        }
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> inPartition = records.records(partition);
            ledger.count(partition, inPartition.get(0).offset(), end(inPartition),
                    changes.getOrDefault(partition, new TreeMap<>()));
        }
        fence(records);
        store.write(projection.name(), generation, batch.touched());
        for (TopicPartition partition : records.partitions()) {
            ledger.applied(partition, end(records.records(partition)));
        }
    }

    /**
     * Refuses to write a batch that another instance has applied past: this instance lost the partition (it was out
     * of the group longer than the poll interval) and its documents would undo newer changes. It resumes from the
     * stored positions instead.
     */
    private void fence(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, Long> applied = ledger.appliedNext();
        for (TopicPartition partition : records.partitions()) {
            long first = records.records(partition).get(0).offset();
            if (applied.getOrDefault(partition, first) > first) {
                throw new IllegalStateException(partition + " was applied to offset " + applied.get(partition)
                        + " by another instance while this one held the batch from " + first);
            }
        }
    }

    private static long end(List<ConsumerRecord<String, byte[]>> records) {
        return records.get(records.size() - 1).offset() + 1;
    }

    /**
     * Measures how far behind the log this generation is (at most every {@link #CHECK_EVERY}), and reports when it
     * has caught up. True once a measurement stands.
     */
    private boolean check(KafkaConsumer<String, byte[]> kafka) {
        long now = System.nanoTime();
        if (now - lastCheck < CHECK_EVERY.toNanos()) {
            return state == RunnerState.CONSUMING;
        }
        lastCheck = now;
        List<TopicPartition> all = new ArrayList<>();
        for (String topic : projection.topics()) {
            List<PartitionInfo> infos = kafka.partitionsFor(topic);
            if (infos != null) {
                infos.forEach(info -> all.add(new TopicPartition(info.topic(), info.partition())));
            }
        }
        Map<TopicPartition, Long> beginning = kafka.beginningOffsets(all);
        Map<TopicPartition, Long> end = kafka.endOffsets(all);
        Map<TopicPartition, Long> applied = ledger.appliedNext();
        long done = 0;
        long total = 0;
        for (TopicPartition partition : all) {
            long first = beginning.getOrDefault(partition, 0L);
            total += end.getOrDefault(partition, first) - first;
            done += Math.max(0, applied.getOrDefault(partition, first) - first);
        }
        progress = new Progress(done, total);
        if (onCaughtUp != null && done >= total) {
            onCaughtUp.run();
        }
        return true;
    }

    private void awaitStop(Duration timeout) {
        try {
            stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
