package org.trialstream.localstack.bench;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives the running enrolment service over HTTP as site staff would: N clients, each screening fresh patients and
 * assessing their eligibility (and, with {@code --enrol}, enrolling them: start the stack with a protocol file
 * whose cap is large enough). Prints throughput, p50 and p99 of every command, how the median of the last 1,000
 * commands compares with the first 1,000 (does the cost grow with the data?), and every error.
 * A benchmark, run on purpose: nothing in the test suite times anything.
 */
public final class CommandBench {

    private static final String[] CHECKLIST_MET = {"INC_HISTOLOGY_STS", "INC_RESECTION_DONE", "INC_AGE_18_OR_OVER",
            "INC_ECOG_0_TO_1", "INC_ORGAN_FUNCTION", "INC_CONSENT_SIGNED"};
    private static final String[] CHECKLIST_ABSENT = {"EXC_DISTANT_METASTASIS", "EXC_PRIOR_RADIOTHERAPY",
            "EXC_UNCONTROLLED_HYPERTENSION", "EXC_BLEEDING_RISK", "EXC_PREGNANCY"};

    private final String baseUrl;
    private final String token;
    private final String site;
    private final boolean enrol;
    private final String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    private final String runId = UUID.randomUUID().toString().substring(0, 6);
    private final AtomicInteger patientSequence = new AtomicInteger();
    private final AtomicLong errors = new AtomicLong();
    private final Map<String, Integer> errorsByStatus = new TreeMap<>();

    public CommandBench(String baseUrl, String token, String site, boolean enrol) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.site = site;
        this.enrol = enrol;
    }

    /** One timed command: when it finished (ns since the start) and how long it took. */
    record Sample(long finishedAt, long nanos) {
    }

    public void run(int clients, int commands, int warmup) throws Exception {
        System.out.printf("warm-up: %d commands ...%n", warmup);
        drive(Math.min(clients, 2), warmup);
        errors.set(0);
        errorsByStatus.clear();
        System.out.printf("measuring: %d clients, %d commands (%s) against %s%n", clients, commands,
                enrol ? "screen, assess, enrol" : "screen, assess", baseUrl);
        long started = System.nanoTime();
        List<Sample> samples = drive(clients, commands);
        double seconds = (System.nanoTime() - started) / 1e9;
        samples.sort((a, b) -> Long.compare(a.finishedAt(), b.finishedAt()));
        long[] all = samples.stream().mapToLong(Sample::nanos).sorted().toArray();
        System.out.printf("commands      %d in %.1f s%n", samples.size(), seconds);
        System.out.printf("throughput    %.0f commands/s%n", samples.size() / seconds);
        System.out.printf("p50           %.1f ms%n", percentile(all, 50) / 1e6);
        System.out.printf("p99           %.1f ms%n", percentile(all, 99) / 1e6);
        System.out.printf("max           %.1f ms%n", all.length == 0 ? 0 : all[all.length - 1] / 1e6);
        int window = Math.min(1000, samples.size() / 2);
        if (window > 0) {
            double first = percentile(sortedNanos(samples.subList(0, window)), 50);
            double last = percentile(sortedNanos(samples.subList(samples.size() - window, samples.size())), 50);
            System.out.printf("p50 first %d  %.1f ms, last %d %.1f ms, ratio last/first %.2f%n", window,
                    first / 1e6, window, last / 1e6, last / first);
        }
        System.out.printf("errors        %d %s%n", errors.get(), errorsByStatus);
    }

    private List<Sample> drive(int clients, int commands) throws Exception {
        int perPatient = enrol ? 3 : 2;
        AtomicInteger remaining = new AtomicInteger(commands / perPatient);
        long origin = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<List<Sample>>> results = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            results.add(pool.submit(() -> {
                List<Sample> samples = new ArrayList<>();
                while (remaining.getAndDecrement() > 0) {
                    patient(samples, origin);
                }
                return samples;
            }));
        }
        List<Sample> samples = new ArrayList<>();
        for (Future<List<Sample>> result : results) {
            samples.addAll(result.get());
        }
        pool.shutdown();
        return samples;
    }

    private void patient(List<Sample> samples, long origin) {
        String number = "B-" + runId + "-" + patientSequence.incrementAndGet();
        String screened = timed(samples, origin, "/patients", "{\"screeningNumber\":\"" + number
                + "\",\"siteId\":\"" + site + "\",\"screenedOn\":\"" + today + "\"}", 201);
        if (screened == null) {
            return;
        }
        String patientId = screened.replaceAll(".*\"patientId\":\"([^\"]+)\".*", "$1");
        StringBuilder answers = new StringBuilder();
        Arrays.stream(CHECKLIST_MET).forEach(item -> answers.append('"').append(item).append("\":true,"));
        Arrays.stream(CHECKLIST_ABSENT).forEach(item -> answers.append('"').append(item).append("\":false,"));
        answers.setLength(answers.length() - 1);
        if (timed(samples, origin, "/patients/" + patientId + "/eligibility", "{\"assessedOn\":\"" + today
                + "\",\"answers\":{" + answers + "}}", 200) == null || !enrol) {
            return;
        }
        timed(samples, origin, "/patients/" + patientId + "/enrolment", "{\"surgeryDate\":\""
                + LocalDate.parse(today).minusDays(20) + "\",\"margin\":\"R1\",\"histology\":\"Liposarcoma\"}", 200);
    }

    private String timed(List<Sample> samples, long origin, String path, String body, int expected) {
        long start = System.nanoTime();
        try {
            // A plain keep-alive connection: the JDK's HttpClient took half a core of this 2-core machine.
            HttpURLConnection connection = (HttpURLConnection) URI.create(baseUrl + path).toURL().openConnection();
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setConnectTimeout(5_000);
            connection.setReadTimeout(60_000);
            connection.setRequestProperty("Authorization", "Bearer " + token);
            connection.setRequestProperty("Content-Type", "application/json");
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body.getBytes(StandardCharsets.UTF_8));
            }
            int status = connection.getResponseCode();
            InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream();
            String response = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            long end = System.nanoTime();
            samples.add(new Sample(end - origin, end - start));
            if (status != expected) {
                error(String.valueOf(status));
                return null;
            }
            return response;
        } catch (Exception e) {
            error(e.getClass().getSimpleName());
            return null;
        }
    }

    private synchronized void error(String kind) {
        errors.incrementAndGet();
        errorsByStatus.merge(kind, 1, Integer::sum);
    }

    private static long[] sortedNanos(List<Sample> samples) {
        return samples.stream().mapToLong(Sample::nanos).sorted().toArray();
    }

    private static double percentile(long[] sorted, int percentile) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }
}
