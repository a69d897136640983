package org.trialstream.localstack.bench;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
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
 * SAE alert latency against the running stack: serious adverse events reported to the safety service at a fixed rate
 * (open loop), each timed from the moment safety accepted the command (its 201) to the moment an SSE subscriber of
 * the alerts service received the alert. The time is split where the fact crosses a boundary: publish (recorded in
 * safety to the record's Kafka timestamp), consume (to stored in MongoDB by alerts), push (to received). Bench patients
 * are enrolled by publishing {@code PatientEnrolled} facts directly, past the enrolment cap: run it on a stack of its
 * own ({@code TRIAL_HOME=/tmp/bench ./trial up}).
 */
public final class AlertsBench {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern ADVERSE_EVENT = Pattern.compile("\"adverseEventId\":\"([^\"]+)\"");
    private static final Pattern RAISED_AT = Pattern.compile("\"raisedAt\":\"([^\"]+)\"");
    private static final Pattern STORED_AT = Pattern.compile("\"storedAt\":\"([^\"]+)\"");
    private static final Pattern LAST_ID = Pattern.compile("\"id\":\"([^\"]+)\"");

    private final String bootstrapServers;
    private final String safetyUrl;
    private final String alertsUrl;
    private final String investigator;
    private final String safetyOfficer;

    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final Map<String, Long> acceptedAt = new ConcurrentHashMap<>();
    private final Map<String, Long> publishedAt = new ConcurrentHashMap<>();
    private final Map<String, long[]> received = new ConcurrentHashMap<>();
    private final AtomicInteger refused = new AtomicInteger();

    public AlertsBench(String bootstrapServers, String safetyUrl, String alertsUrl, String investigator,
                       String safetyOfficer) {
        this.bootstrapServers = bootstrapServers;
        this.safetyUrl = safetyUrl;
        this.alertsUrl = alertsUrl;
        this.investigator = investigator;
        this.safetyOfficer = safetyOfficer;
    }

    public void run(int rate, int seconds, int patientCount) throws Exception {
        List<String> patients = enrol(patientCount);
        Thread subscriber = daemon("sse", this::subscribe);
        Thread topic = daemon("safety-topic", this::readSafetyTopic);
        subscriber.start();
        topic.start();
        int total = rate * seconds;
        System.out.printf("alerts bench: %d SAEs at %d/s over %d patients%n", total, rate, patientCount);
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        ExecutorService senders = Executors.newFixedThreadPool(16);
        AtomicInteger next = new AtomicInteger();
        clock.scheduleAtFixedRate(() -> {
            int i = next.getAndIncrement();
            if (i < total) {
                senders.submit(() -> report(patients.get(i % patients.size())));
            }
        }, 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
        Processes.awaitReady(() -> next.get() >= total, Duration.ofMillis(100), Duration.ofSeconds(seconds + 60L));
        clock.shutdownNow();
        senders.shutdown();
        senders.awaitTermination(60, TimeUnit.SECONDS);
        Processes.awaitReady(() -> received.keySet().containsAll(acceptedAt.keySet()), Duration.ofMillis(100),
                Duration.ofSeconds(60));
        print(total);
    }

    private void report(String patient) {
        String today = LocalDate.now().toString();
        String body = "{\"term\":\"Diarrhea\",\"grade\":3,\"onsetOn\":\"" + today + "\",\"awareOn\":\"" + today
                + "\",\"attribution\":{\"anlotinib\":\"UNRELATED\",\"radiotherapy\":\"UNLIKELY\"},\"expected\":true,"
                + "\"serious\":{\"criteria\":[\"HOSPITALISATION\"]},\"actionTaken\":\"DOSE_NOT_CHANGED\"}";
        long sent = System.nanoTime();
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(safetyUrl + "/patients/" + patient
                        + "/adverse-events")).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + investigator).POST(HttpRequest.BodyPublishers.ofString(body)));
        long accepted = System.currentTimeMillis();
        Matcher id = ADVERSE_EVENT.matcher(response.body());
        if (response.statusCode() != 201 || !id.find()) {
            refused.incrementAndGet();
            return;
        }
        sentAt.put(id.group(1), (System.nanoTime() - sent) / 1_000_000);
        acceptedAt.put(id.group(1), accepted);
    }

    private void subscribe() {
        Matcher last = LAST_ID.matcher(send(HttpRequest.newBuilder(URI.create(alertsUrl + "/alerts"))
                .header("Authorization", "Bearer " + safetyOfficer)).body());
        String lastId = null;
        while (last.find()) {
            lastId = last.group(1);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(alertsUrl + "/alerts/stream"))
                .header("Accept", "text/event-stream").header("Authorization", "Bearer " + safetyOfficer);
        if (lastId != null) {
            request.header("Last-Event-ID", lastId);
        }
        try {
            InputStream stream = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()).body();
            BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("data:")) {
                    long now = System.currentTimeMillis();
                    Matcher id = ADVERSE_EVENT.matcher(line);
                    Matcher raised = RAISED_AT.matcher(line);
                    Matcher stored = STORED_AT.matcher(line);
                    if (id.find() && raised.find() && stored.find()) {
                        received.putIfAbsent(id.group(1), new long[] {Instant.parse(raised.group(1)).toEpochMilli(),
                                Instant.parse(stored.group(1)).toEpochMilli(), now});
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("the alert stream failed", e);
        }
    }

    private void readSafetyTopic() {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            List<TopicPartition> partitions = consumer.partitionsFor(BoundedContext.SAFETY.topic()).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            while (true) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    String json = new String(record.value(), StandardCharsets.UTF_8);
                    Matcher id = ADVERSE_EVENT.matcher(json);
                    if (json.contains("\"susar\"") && id.find()) {
                        publishedAt.putIfAbsent(id.group(1), record.timestamp());
                    }
                }
            }
        }
    }

    private List<String> enrol(int count) throws Exception {
        List<String> patients = new ArrayList<>();
        String surgery = LocalDate.now().minusDays(60).toString();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            for (int i = 0; i < count; i++) {
                String patient = UUID.randomUUID().toString();
                String json = "{\"patientId\":\"" + patient + "\",\"enrolmentNumber\":" + (i + 1)
                        + ",\"screeningNumber\":\"AB-" + patient.substring(0, 8) + "\",\"siteId\":\"RJH\","
                        + "\"enrolledOn\":\"" + surgery + "\",\"surgeryDate\":\"" + surgery
                        + "\",\"margin\":\"R1\",\"histology\":\"Bench sarcoma\"}";
                RecordHeaders headers = new RecordHeaders();
                new ContractRecordHeaders("enrolment.PatientEnrolled", 1, UUID.randomUUID().toString(), Instant.now(),
                        1L, Map.of(AuditMetadata.ACTOR_SUBJECT, "bench", AuditMetadata.ACTOR_ROLE, "INVESTIGATOR"))
                        .toHeaders().forEach(headers::add);
                producer.send(new ProducerRecord<>(BoundedContext.ENROLMENT.topic(), null, patient,
                        json.getBytes(StandardCharsets.UTF_8), headers));
                patients.add(patient);
            }
            producer.flush();
        }
        String last = patients.get(patients.size() - 1);
        // Safety knows the patient once an unknown adverse event of theirs is "not found" rather than the patient.
        Processes.awaitReady(() -> send(HttpRequest.newBuilder(URI.create(safetyUrl + "/patients/" + last
                        + "/adverse-events/" + UUID.randomUUID() + "/resolution"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + investigator)
                .POST(HttpRequest.BodyPublishers.ofString("{\"resolvedOn\":\"" + LocalDate.now()
                        + "\",\"outcome\":\"RECOVERED\"}"))).body().contains("\"field\":\"adverseEventId\""),
                Duration.ofMillis(200), Duration.ofSeconds(120));
        return patients;
    }

    private void print(int total) {
        List<Long> endToEnd = new ArrayList<>();
        List<Long> command = new ArrayList<>();
        List<Long> publish = new ArrayList<>();
        List<Long> consume = new ArrayList<>();
        List<Long> push = new ArrayList<>();
        List<Long> firstHalf = new ArrayList<>();
        List<Long> secondHalf = new ArrayList<>();
        List<Map.Entry<String, Long>> byAcceptance = new ArrayList<>(acceptedAt.entrySet());
        byAcceptance.sort(Map.Entry.comparingByValue());
        for (int i = 0; i < byAcceptance.size(); i++) {
            String id = byAcceptance.get(i).getKey();
            long[] times = received.get(id);
            if (times == null) {
                continue;
            }
            long latency = times[2] - byAcceptance.get(i).getValue();
            endToEnd.add(latency);
            (i < byAcceptance.size() / 2 ? firstHalf : secondHalf).add(latency);
            command.add(sentAt.get(id));
            Long published = publishedAt.get(id);
            if (published != null) {
                publish.add(published - times[0]);
                consume.add(times[1] - published);
            }
            push.add(times[2] - times[1]);
        }
        System.out.printf("sent %d, accepted %d, refused %d, alerts received %d, lost %d%n", total,
                acceptedAt.size(), refused.get(), endToEnd.size(), acceptedAt.size() - endToEnd.size());
        line("accepted -> alert received", endToEnd);
        line("command (sent -> 201)", command);
        line("publish (recorded -> on Kafka)", publish);
        line("consume (on Kafka -> stored)", consume);
        line("push (stored -> received)", push);
        line("first half, accepted -> received", firstHalf);
        line("second half, accepted -> received", secondHalf);
    }

    private static void line(String what, List<Long> millis) {
        if (millis.isEmpty()) {
            System.out.printf("%-36s no samples%n", what);
            return;
        }
        List<Long> sorted = millis.stream().sorted().toList();
        System.out.printf("%-36s p50 %5d ms   p99 %5d ms   max %5d ms   (n=%d)%n", what, percentile(sorted, 50),
                percentile(sorted, 99), sorted.get(sorted.size() - 1), sorted.size());
    }

    private static long percentile(List<Long> sorted, int percentile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }

    private static Thread daemon(String name, Runnable task) {
        Thread thread = new Thread(task, "alerts-bench-" + name);
        thread.setDaemon(true);
        return thread;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
