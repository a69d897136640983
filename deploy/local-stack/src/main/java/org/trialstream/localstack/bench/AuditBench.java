package org.trialstream.localstack.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.trialstream.kernel.audit.AuditMetadata;
import org.trialstream.kernel.audit.FactChain;
import org.trialstream.kernel.contract.BoundedContext;
import org.trialstream.kernel.contract.ContractRecordHeaders;
import org.trialstream.localstack.Processes;

/**
 * The auditors' two costs, against the running stack, each at growing sizes so that the growth shows:
 * <ul>
 *   <li><b>History.</b> The latency of {@code GET /audit/patients/{id}/history} (p50, p99, max) with {@code facts}
 *   facts per patient, as the read store grows to each of {@code sizes} patients. One template patient's facts go
 *   through the real pipeline (Kafka, the timeline projection); the other patients are copies of its document with
 *   their own ids, written straight into the projection's live collection, since projecting millions of facts is the
 *   rebuild benchmark's business, not this one's.</li>
 *   <li><b>Verify.</b> The rate of {@code GET /audit/verify} over a bench topic of chained facts (chains of
 *   {@code facts} facts, like patients), as it grows to each of {@code verifySizes} facts.</li>
 * </ul>
 * The history's baseline is the read store's own lookup of the same document by id, measured alongside: what the
 * history costs beyond it is the service's. Run it against a stack with no other data
 * ({@code TRIAL_HOME=/tmp/bench ./trial up}): it adds to the read store and to Kafka for good.
 */
public final class AuditBench {

    private static final String SITE = "RJH";
    private static final Pattern LIVE_COLLECTION = Pattern.compile("patient-facts_patients_g\\d+");
    private static final Pattern FACTS = Pattern.compile("\"eventId\"");
    private static final Pattern VERIFIED = Pattern.compile("\"facts\":(\\d+).*\"broken\":null");
    private static final int READS = 400;
    private static final int WARMUP_READS = 50;

    private final String bootstrapServers;
    private final String projectionsUrl;
    private final String mongoUri;
    private final String database;
    private final String monitorToken;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Random random = new Random(14);

    public AuditBench(String bootstrapServers, String projectionsUrl, String mongoUri, String database,
                      String monitorToken) {
        this.bootstrapServers = bootstrapServers;
        this.projectionsUrl = projectionsUrl;
        this.mongoUri = mongoUri;
        this.database = database;
        this.monitorToken = monitorToken;
    }

    public void run(List<Integer> sizes, int facts, List<Integer> verifySizes) throws Exception {
        if (!sizes.isEmpty()) {
            history(sizes, facts);
        }
        if (!verifySizes.isEmpty()) {
            verify(verifySizes, facts);
        }
    }

    private void history(List<Integer> sizes, int facts) throws Exception {
        UUID template = UUID.randomUUID();
        produceTemplate(template, facts);
        String path = "/audit/patients/" + template + "/history";
        awaitTrue("the template's " + facts + " facts in its history", () -> {
            HttpResponse<String> response = get(path);
            return response.statusCode() == 200 && count(FACTS, response.body()) >= facts;
        });
        System.out.printf("history of one patient with %d facts (%d reads per size)%n", facts, READS);
        System.out.printf("%10s %12s %10s %10s %10s %14s %14s %12s%n", "patients", "facts", "p50 ms", "p99 ms",
                "max ms", "find p50 ms", "find p99 ms", "copies /s");
        List<double[]> results = new ArrayList<>();
        try (MongoClient mongo = MongoClients.create(mongoUri)) {
            MongoCollection<Document> live = liveCollection(mongo.getDatabase(database), template);
            String json = live.find(Filters.eq("_id", template.toString())).first().toJson();
            List<String> patients = new ArrayList<>(List.of(template.toString()));
            for (int size : sizes) {
                Instant start = Instant.now();
                int copied = copy(live, json, template.toString(), size - patients.size(), patients);
                double copiesPerSecond = copied / seconds(start);
                double[][] latency = readLatencies(live, patients);
                results.add(new double[] {patients.size(), latency[0][1]});
                System.out.printf("%10d %12d %10.1f %10.1f %10.1f %14.1f %14.1f %12.0f%n", patients.size(),
                        (long) patients.size() * facts, latency[0][0], latency[0][1], latency[0][2], latency[1][0],
                        latency[1][1], copiesPerSecond);
            }
        }
        printGrowth("history p99", results);
    }

    /** One patient: screened at the site, then facts - 1 contacts, each with the audit metadata a real one carries. */
    private void produceTemplate(UUID patient, int facts) {
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(new Chain(patient).next(BoundedContext.ENROLMENT.topic(), "enrolment.PatientScreened",
                    "{\"patientId\":\"" + patient + "\",\"screeningNumber\":\"H-"
                            + patient.toString().substring(0, 8) + "\",\"siteId\":\"" + SITE
                            + "\",\"screenedOn\":\"2024-01-08\"}", LocalDate.parse("2024-01-08")));
            Chain contacts = new Chain(patient);
            for (int i = 1; i < facts; i++) {
                LocalDate on = LocalDate.parse("2024-01-09").plusDays(i);
                producer.send(contacts.next(BoundedContext.FOLLOW_UP.topic(), "follow-up.AliveContactRecorded",
                        "{\"patientId\":\"" + patient + "\",\"on\":\"" + on + "\"}", on));
            }
            producer.flush();
        }
    }

    private static Map<String, String> metadata(UUID patient, LocalDate clinicalDate) {
        Map<String, String> metadata = new HashMap<>();
        metadata.put(AuditMetadata.ACTOR_SUBJECT, "nurse.bench");
        metadata.put(AuditMetadata.ACTOR_NAME, "Bench Nurse");
        metadata.put(AuditMetadata.ACTOR_ROLE, "RESEARCH_NURSE");
        metadata.put(AuditMetadata.ACTOR_SITE, SITE);
        metadata.put(AuditMetadata.RECORDED_AT, Instant.now().toString());
        metadata.put(AuditMetadata.CLINICAL_DATE, clinicalDate.toString());
        metadata.put(AuditMetadata.REQUEST_ID, UUID.randomUUID().toString());
        metadata.put(AuditMetadata.CORRELATION_ID, UUID.randomUUID().toString());
        metadata.put(FactChain.CHAIN_ID, patient.toString());
        return metadata;
    }

    private static MongoCollection<Document> liveCollection(MongoDatabase database, UUID template) {
        for (String name : database.listCollectionNames()) {
            if (LIVE_COLLECTION.matcher(name).matches()
                    && database.getCollection(name).find(Filters.eq("_id", template.toString())).first() != null) {
                return database.getCollection(name);
            }
        }
        throw new IllegalStateException("no live patient-facts collection holds the template patient " + template);
    }

    /** Adds {@code count} copies of the template document, each with a patient id of its own. */
    private static int copy(MongoCollection<Document> live, String template, String templateId, int count,
                            List<String> patients) {
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String patient = UUID.randomUUID().toString();
            batch.add(Document.parse(template.replace(templateId, patient)));
            patients.add(patient);
            if (batch.size() == 20 || i == count - 1) {
                live.insertMany(batch);
                batch.clear();
            }
        }
        return Math.max(count, 0);
    }

    /**
     * p50, p99 and max of {@value #READS} history reads of random patients, after a warm-up; and of the baseline
     * measured alongside: the read store's own lookup of the same patient's document by id.
     */
    private double[][] readLatencies(MongoCollection<Document> live, List<String> patients) throws Exception {
        double[] history = new double[READS];
        double[] find = new double[READS];
        for (int i = -WARMUP_READS; i < READS; i++) {
            String patient = patients.get(random.nextInt(patients.size()));
            long start = System.nanoTime();
            HttpResponse<String> response = get("/audit/patients/" + patient + "/history");
            long elapsed = System.nanoTime() - start;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("history of " + patient + ": " + response.statusCode() + " "
                        + response.body());
            }
            start = System.nanoTime();
            live.find(Filters.eq("_id", patient)).first();
            long lookup = System.nanoTime() - start;
            if (i >= 0) {
                history[i] = elapsed / 1e6;
                find[i] = lookup / 1e6;
            }
        }
        return new double[][] {percentiles(history), percentiles(find)};
    }

    private static double[] percentiles(double[] millis) {
        Arrays.sort(millis);
        return new double[] {millis[millis.length / 2], millis[(int) Math.ceil(millis.length * 0.99) - 1],
                millis[millis.length - 1]};
    }

    private void verify(List<Integer> sizes, int chainLength) throws Exception {
        String topic = "trial.bench.chains-" + UUID.randomUUID().toString().substring(0, 8);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get();
        }
        System.out.printf("verify over %s, chains of %d facts%n", topic, chainLength);
        System.out.printf("%10s %12s %14s%n", "facts", "seconds", "facts /s");
        List<double[]> results = new ArrayList<>();
        long produced = 0;
        for (int size : sizes) {
            produced += produceChains(topic, size - produced, chainLength);
            Instant start = Instant.now();
            HttpResponse<String> response = get("/audit/verify?topic=" + topic);
            double seconds = seconds(start);
            Matcher verified = VERIFIED.matcher(response.body());
            if (response.statusCode() != 200 || !verified.find() || Long.parseLong(verified.group(1)) != produced) {
                throw new IllegalStateException("verify of " + produced + " facts: " + response.statusCode() + " "
                        + response.body());
            }
            results.add(new double[] {produced, produced / seconds});
            System.out.printf("%10d %12.1f %14.0f%n", produced, seconds, produced / seconds);
        }
        printGrowth("verify rate", results);
    }

    /** {@code count} facts in chains of {@code chainLength}, each fact hashed to the one before it. */
    private long produceChains(String topic, long count, int chainLength) {
        try (KafkaProducer<String, byte[]> producer = producer()) {
            Chain chain = null;
            for (long i = 0; i < count; i++) {
                if (i % chainLength == 0) {
                    chain = new Chain(UUID.randomUUID());
                }
                LocalDate on = LocalDate.parse("2024-01-09").plusDays(i % chainLength);
                producer.send(chain.next(topic, "follow-up.AliveContactRecorded",
                        "{\"patientId\":\"" + chain.patient + "\",\"on\":\"" + on + "\"}", on));
            }
            producer.flush();
        }
        return count;
    }

    /** One patient's chain of facts in one context, as a command service would write it. */
    private static final class Chain {
        private final UUID patient;
        private String previous = FactChain.GENESIS;
        private long version;

        Chain(UUID patient) {
            this.patient = patient;
        }

        /** The chain's next fact, as a contract record whose metadata links it to the fact before it. */
        ProducerRecord<String, byte[]> next(String topic, String type, String json, LocalDate clinicalDate) {
            String eventId = UUID.randomUUID().toString();
            Map<String, String> metadata = metadata(patient, clinicalDate);
            String hash = FactChain.hash(previous, type, 1, eventId, parse(json), metadata);
            metadata.put(FactChain.PREVIOUS, previous);
            metadata.put(FactChain.HASH, hash);
            previous = hash;
            RecordHeaders headers = new RecordHeaders();
            new ContractRecordHeaders(type, 1, eventId, Instant.now(), ++version, metadata).toHeaders()
                    .forEach(headers::add);
            return new ProducerRecord<>(topic, null, patient.toString(), json.getBytes(StandardCharsets.UTF_8),
                    headers);
        }
    }

    /** The flat JSON objects this bench writes, as the plain values the chain hashes. */
    private static Map<String, Object> parse(String json) {
        Map<String, Object> values = new HashMap<>();
        Document.parse(json).forEach(values::put);
        return values;
    }

    private KafkaProducer<String, byte[]> producer() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaProducer<>(properties);
    }

    private static void printGrowth(String what, List<double[]> results) {
        if (results.size() > 1) {
            double[] first = results.get(0);
            double[] last = results.get(results.size() - 1);
            System.out.printf("%s at %.0f is %.2f times the figure at %.0f%n", what, last[0], last[1] / first[1],
                    first[0]);
        }
    }

    private static int count(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private static void awaitTrue(String what, Check check) {
        boolean reached = Processes.awaitReady(() -> {
            try {
                return check.holds();
            } catch (Exception e) {
                return false;
            }
        }, Duration.ofMillis(200), Duration.ofMinutes(5));
        if (!reached) {
            throw new IllegalStateException("gave up waiting for " + what);
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(projectionsUrl + path))
                        .header("Authorization", "Bearer " + monitorToken).timeout(Duration.ofMinutes(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static double seconds(Instant start) {
        return Math.max(1, Duration.between(start, Instant.now()).toMillis()) / 1000.0;
    }
}
