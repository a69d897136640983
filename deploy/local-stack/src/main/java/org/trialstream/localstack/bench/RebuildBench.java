package org.trialstream.localstack.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.trialstream.kernel.audit.AuditMetadata;
import org.trialstream.kernel.contract.BoundedContext;
import org.trialstream.kernel.contract.ContractRecordHeaders;
import org.trialstream.localstack.Processes;

/**
 * How fast the registry projection catches up with and rebuilds from the log, against Kafka's raw consumer rate on
 * the same topic in the same run. For each size it tops the enrolment topic up to that many records of
 * {@code PatientScreened} (fresh patients), measures the catch-up, then a rebuild, then a raw read of the whole topic,
 * and prints the rates and their ratio; at the end, how the rebuild rate at the largest size compares with the
 * smallest. Run it against a stack with no other data ({@code TRIAL_HOME=/tmp/bench ./trial up}): it adds records
 * to the enrolment topic for good.
 */
public final class RebuildBench {

    private static final String TOPIC = BoundedContext.ENROLMENT.topic();
    private static final Duration WAIT_AT_MOST = Duration.ofMinutes(30);
    private static final Pattern LAG = Pattern.compile("\"projection\":\"registry\".*?\"applied\":(\\d+),\"lag\":(\\d+)");
    private static final Pattern REBUILD = Pattern.compile("\"state\":\"(\\w+)\",\"generation\":(\\d+)");

    private final String bootstrapServers;
    private final String projectionsUrl;
    private final String adminToken;
    private final HttpClient http = HttpClient.newHttpClient();

    public RebuildBench(String bootstrapServers, String projectionsUrl, String adminToken) {
        this.bootstrapServers = bootstrapServers;
        this.projectionsUrl = projectionsUrl;
        this.adminToken = adminToken;
    }

    public void run(List<Integer> sizes) throws Exception {
        System.out.printf("%10s %14s %14s %14s %16s%n", "events", "catch-up /s", "rebuild /s", "raw read /s",
                "rebuild / raw");
        List<double[]> results = new ArrayList<>();
        for (int size : sizes) {
            long present = recordsOnTopic();
            long adding = Math.max(0, size - present);
            Instant start = Instant.now();
            produce(adding);
            awaitCaughtUp(present + adding);
            double catchUp = adding / seconds(start);
            double rebuild = rebuild(present + adding);
            double raw = rawRead();
            results.add(new double[] {present + adding, rebuild});
            System.out.printf("%10d %14.0f %14.0f %14.0f %15.1f%%%n", present + adding, catchUp, rebuild, raw,
                    100 * rebuild / raw);
        }
        if (results.size() > 1) {
            double[] first = results.get(0);
            double[] last = results.get(results.size() - 1);
            System.out.printf("rebuild rate at %.0f events is %.2f of the rate at %.0f%n", last[0], last[1] / first[1],
                    first[0]);
        }
    }

    private void produce(long count) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 10, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            String run = UUID.randomUUID().toString().substring(0, 8);
            for (long i = 0; i < count; i++) {
                String patient = UUID.randomUUID().toString();
                String json = "{\"patientId\":\"" + patient + "\",\"screeningNumber\":\"B-" + run + "-" + i
                        + "\",\"siteId\":\"RJH\",\"screenedOn\":\"2026-03-02\"}";
                RecordHeaders headers = new RecordHeaders();
                new ContractRecordHeaders("enrolment.PatientScreened", 1, UUID.randomUUID().toString(), Instant.now(),
                        1L, Map.of(AuditMetadata.ACTOR_SUBJECT, "bench", AuditMetadata.ACTOR_ROLE, "INVESTIGATOR"))
                        .toHeaders().forEach(headers::add);
                producer.send(new ProducerRecord<>(TOPIC, null, patient, json.getBytes(StandardCharsets.UTF_8),
                        headers));
            }
            producer.flush();
        }
    }

    private void awaitCaughtUp(long records) {
        await("the registry to apply " + records + " records", Duration.ofMillis(100), () -> {
            Matcher status = LAG.matcher(poll("/admin/projections"));
            return status.find() && Long.parseLong(status.group(1)) >= records && Long.parseLong(status.group(2)) == 0;
        });
    }

    /** Requests a rebuild and waits until its generation is live; the rate over the whole log. */
    private double rebuild(long records) throws Exception {
        Instant start = Instant.now();
        Matcher started = REBUILD.matcher(send(HttpRequest.newBuilder(URI.create(projectionsUrl
                + "/admin/rebuild/registry")).POST(HttpRequest.BodyPublishers.noBody())));
        if (!started.find()) {
            throw new IllegalStateException("the rebuild did not start");
        }
        int generation = Integer.parseInt(started.group(2));
        await("generation " + generation + " to go live", Duration.ofMillis(50), () -> {
            Matcher progress = REBUILD.matcher(poll("/admin/rebuild/registry"));
            return progress.find() && progress.group(1).equals("LIVE")
                    && Integer.parseInt(progress.group(2)) >= generation;
        });
        return records / seconds(start);
    }

    /** Waits on a condition checked every {@code interval}, with the launcher's readiness check. */
    private static void await(String what, Duration interval, BooleanSupplier condition) {
        if (!Processes.awaitReady(condition, interval, WAIT_AT_MOST)) {
            throw new IllegalStateException("gave up waiting for " + what + " after " + WAIT_AT_MOST);
        }
    }

    private String poll(String path) {
        try {
            return get(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private double rawRead() {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false))) {
            List<TopicPartition> partitions = partitions(consumer);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long total = end.values().stream().mapToLong(Long::longValue).sum();
            Instant start = Instant.now();
            long read = 0;
            while (read < total) {
                read += consumer.poll(Duration.ofMillis(200)).count();
            }
            return read / seconds(start);
        }
    }

    private long recordsOnTopic() {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            List<TopicPartition> partitions = partitions(consumer);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
            return partitions.stream().mapToLong(p -> end.get(p) - beginning.get(p)).sum();
        }
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer) {
        List<PartitionInfo> infos = consumer.partitionsFor(TOPIC);
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException(TOPIC + " does not exist: start the stack first (./trial up)");
        }
        return infos.stream().map(info -> new TopicPartition(TOPIC, info.partition())).toList();
    }

    private String get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(projectionsUrl + path)).GET());
    }

    private String send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.header("Authorization", "Bearer " + adminToken).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static double seconds(Instant start) {
        return Math.max(1, Duration.between(start, Instant.now()).toMillis()) / 1000.0;
    }
}
