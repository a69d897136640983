package org.trialstream.localstack.simulate;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import org.trialstream.localstack.Processes;
import org.trialstream.localstack.token.DevTokenIssuer;
import org.trialstream.protocol.definition.Protocol;

/**
 * Runs a whole trial against a running stack through the public APIs only, as the sites would record it
 * ({@link PatientRun}), from a seed ({@link PatientPlan}): the same seed gives the same trial. It prints a summary and
 * its own truth (per patient, the event and censoring dates it sent), then reads the endpoint, toxicity, exposure and
 * radiotherapy views and compares them with the truth: any difference fails the run.
 */
public final class TrialSimulator {

    /**
     * @param patients how many to screen and enrol (at most the protocol's cap)
     * @param until    the data cut: every date sent is on or before it, and 36 months of follow-up fit before it
     * @param clients  patients driven at once
     */
    public record Options(int patients, long seed, LocalDate until, Protocol protocol, int clients) {
    }

    /** The outcome: what was sent, and the differences between the views and the truth (empty when they agree). */
    public record Outcome(List<Truth> truths, List<String> differences, long requests, Duration elapsed) {
    }

    private static final List<String> ENDPOINTS = List.of("lrfs", "mfs", "os");
    private static final Duration SETTLE = Duration.ofSeconds(120);

    private final Api api;
    private final Options options;
    private final PrintStream out;

    public TrialSimulator(Map<String, String> baseUrls, DevTokenIssuer issuer,
                          Options options, PrintStream out) {
        this.api = new Api(baseUrls, issuer);
        this.options = options;
        this.out = out;
    }

    /** Requests sent so far: how far a run has got. */
    public long requestsSent() {
        return api.requests.get();
    }

    public Outcome run() throws Exception {
        List<PatientPlan> plans = plans();
        JsonNode toxicityBefore = toxicity();
        Instant start = Instant.now();
        List<Truth> truths = drive(plans, start);
        Duration elapsed = Duration.between(start, Instant.now());
        printSummary(truths, elapsed);
        printTruth(truths);
        List<String> differences = compare(truths, toxicityBefore);
        if (differences.isEmpty()) {
            out.println("the endpoint, toxicity, exposure and radiotherapy views equal the simulation's truth");
        } else {
            out.println(differences.size() + " difference(s) between the views and the truth:");
            differences.forEach(difference -> out.println("  " + difference));
        }
        return new Outcome(truths, differences, api.requests.get(), elapsed);
    }

    /** Surgeries spread over two years that end 36 months (and a visit window) before the data cut. */
    private List<PatientPlan> plans() {
        Protocol protocol = options.protocol();
        if (options.patients() > protocol.enrolment().cap()) {
            throw new IllegalArgumentException("--patients " + options.patients() + " is more than the protocol's cap "
                    + protocol.enrolment().cap() + ": give a protocol file with a larger cap (--protocol FILE)");
        }
        LocalDate accrualEnd = options.until().minusMonths(protocol.followUp().untilMonth())
                .minusDays(protocol.followUp().windowDays() + 1L);
        int accrualDays = (int) Math.min(730, ChronoUnit.DAYS.between(
                protocol.enrolment().clinicalDatesFrom(), accrualEnd));
        if (accrualDays < 1) {
            throw new IllegalArgumentException("--until " + options.until() + " leaves no room for surgery after "
                    + protocol.enrolment().clinicalDatesFrom() + " and 36 months of follow-up");
        }
        List<PatientPlan> plans = new ArrayList<>();
        for (int number = 1; number <= options.patients(); number++) {
            plans.add(PatientPlan.draw(options.seed(), number, accrualEnd, accrualDays, protocol)
                    .withScreeningNumber("SIM" + options.seed() + "-" + number));
        }
        // One patient withdraws consent: the first, from a seeded start, who is still alive at the fourth visit.
        int first = (int) Math.floorMod(options.seed(), (long) plans.size());
        for (int i = 0; i < plans.size(); i++) {
            int index = (first + i) % plans.size();
            if (plans.get(index).deathDay() > 400 && plans.get(index).lostAtVisit() == 0) {
                plans.set(index, plans.get(index).withdrawing());
                break;
            }
        }
        return plans;
    }

    private List<Truth> drive(List<PatientPlan> plans, Instant start) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, options.clients()));
        AtomicInteger done = new AtomicInteger();
        try {
            List<Future<Truth>> runs = new ArrayList<>();
            for (PatientPlan plan : plans) {
                runs.add(pool.submit(() -> {
                    Truth truth = new PatientRun(api, options.protocol(), plan, options.until()).run();
                    int finished = done.incrementAndGet();
                    if (finished % Math.max(1, plans.size() / 10) == 0 || finished == plans.size()) {
                        double seconds = Math.max(0.001, Duration.between(start, Instant.now()).toMillis() / 1000.0);
                        out.printf("  %d/%d patients, %d requests, %.0f requests/s%n", finished, plans.size(),
                                api.requests.get(), api.requests.get() / seconds);
                    }
                    return truth;
                }));
            }
            List<Truth> truths = new ArrayList<>();
            for (Future<Truth> run : runs) {
                try {
                    truths.add(run.get());
                } catch (ExecutionException failed) {
                    pool.shutdownNow();
                    throw failed.getCause() instanceof Exception cause ? cause : failed;
                }
            }
            return truths;
        } finally {
            pool.shutdownNow();
        }
    }

    private void printSummary(List<Truth> truths, Duration elapsed) {
        Map<String, Integer> events = new TreeMap<>();
        for (Truth truth : truths) {
            for (String endpoint : ENDPOINTS) {
                events.merge(endpoint, truth.endpoint(endpoint)[1], Integer::sum);
            }
        }
        out.printf("simulated %d patients (seed %d, data cut %s) in %.1f s, %d requests%n", truths.size(),
                options.seed(), options.until(), elapsed.toMillis() / 1000.0, api.requests.get());
        out.printf("  events: local recurrence %d, metastasis %d, deaths %d; lost to follow-up %d, withdrawn %d%n",
                events.get("lrfs"), events.get("mfs"), events.get("os"),
                truths.stream().filter(t -> t.lostLastAliveOn != null).count(),
                truths.stream().filter(t -> t.withdrawnOn != null).count());
        out.printf("  adverse events %d (%d serious), dose reductions %d, anlotinib stopped for toxicity %d%n",
                truths.stream().mapToInt(t -> t.adverseEvents).sum(),
                truths.stream().mapToInt(t -> t.seriousAdverseEvents.size()).sum(),
                truths.stream().mapToInt(t -> t.reductions).sum(),
                truths.stream().filter(t -> "DISCONTINUED".equals(t.exposureStatus)).count());
    }

    /** Per patient, the dates sent: time zero, and each endpoint's event or censoring date with its status. */
    private void printTruth(List<Truth> truths) {
        out.println("truth: patientId,studyId,surgery,lrfs_date,lrfs_status,mfs_date,mfs_status,os_date,os_status");
        for (Truth truth : truths) {
            StringBuilder line = new StringBuilder("  " + truth.patientId + "," + truth.plan.screeningNumber() + ","
                    + truth.plan.surgery());
            for (String endpoint : ENDPOINTS) {
                int[] value = truth.endpoint(endpoint);
                line.append(',').append(truth.plan.surgery().plusDays(value[0])).append(',').append(value[1]);
            }
            out.println(line);
        }
    }

    /**
     * Waits for the views to settle on the truth (they are projected from the log), then lists what still differs:
     * each endpoint's time and status per patient; the toxicity table's counts against the table before the run
     * plus the simulated patients' worst grades; each patient's exposure and radiotherapy.
     */
    private List<String> compare(List<Truth> truths, JsonNode toxicityBefore) {
        AtomicReference<List<String>> differences = new AtomicReference<>();
        Processes.awaitReady(() -> {
            List<String> found = new ArrayList<>();
            found.addAll(compareEndpoints(truths));
            found.addAll(compareToxicity(truths, toxicityBefore));
            found.addAll(compareExposure(truths));
            found.addAll(compareRadiotherapy(truths));
            differences.set(found);
            return found.isEmpty();
        }, Duration.ofSeconds(1), SETTLE);
        return differences.get();
    }

    private List<String> compareEndpoints(List<Truth> truths) {
        List<String> differences = new ArrayList<>();
        for (String endpoint : ENDPOINTS) {
            Map<String, String> rows = new HashMap<>();
            String csv = api.getText("projections", "/endpoints/" + endpoint + "/data.csv?dataCut=" + options.until(),
                    "STATISTICIAN", null);
            for (String line : csv.split("\n")) {
                String[] cells = line.strip().split(",");
                if (cells.length == 4) {
                    rows.put(cells[0], cells[1] + "," + cells[3]);
                }
            }
            for (Truth truth : truths) {
                int[] expected = truth.endpoint(endpoint);
                String want = expected[0] + "," + expected[1];
                String got = rows.get(truth.patientId);
                if (!want.equals(got)) {
                    differences.add(endpoint + " " + truth.plan.screeningNumber() + ": expected time_days,status "
                            + want + ", the view has " + got);
                }
            }
        }
        return differences;
    }

    private JsonNode toxicity() {
        return api.get("projections", "/toxicity/teae?by=term&dataCut=" + options.until(), "STATISTICIAN", null);
    }

    private List<String> compareToxicity(List<Truth> truths, JsonNode before) {
        Map<String, int[]> expected = new TreeMap<>();
        for (JsonNode row : before.path("rows")) {
            expected.put(row.path("name").asText(), counts(row));
        }
        for (Truth truth : truths) {
            truth.worstGrades.forEach((term, grade) -> {
                int[] counts = expected.computeIfAbsent(term, t -> new int[6]);
                counts[0]++;
                counts[grade]++;
            });
        }
        JsonNode after = toxicity();
        List<String> differences = new ArrayList<>();
        int population = before.path("n").asInt() + truths.size();
        if (after.path("n").asInt() != population) {
            differences.add("toxicity: safety population " + after.path("n").asInt() + ", expected " + population);
        }
        Map<String, int[]> actual = new TreeMap<>();
        for (JsonNode row : after.path("rows")) {
            actual.put(row.path("name").asText(), counts(row));
        }
        expected.forEach((term, counts) -> {
            int[] got = actual.getOrDefault(term, new int[6]);
            if (!Arrays.equals(counts, got)) {
                differences.add("toxicity " + term + ": expected any,g1..g5 " + Arrays.toString(counts)
                        + ", the table has " + Arrays.toString(got));
            }
        });
        return differences;
    }

    /** Any grade, then grades 1 to 5: patients counted at their worst grade. */
    private static int[] counts(JsonNode row) {
        int[] counts = new int[6];
        counts[0] = row.path("anyGrade").path("n").asInt();
        for (JsonNode grade : row.path("grades")) {
            counts[grade.path("grade").asInt()] = grade.path("n").asInt();
        }
        return counts;
    }

    private List<String> compareExposure(List<Truth> truths) {
        Map<String, JsonNode> rows = new HashMap<>();
        for (JsonNode row : api.get("projections", "/exposure/listing", "STATISTICIAN", null).path("rows")) {
            rows.put(row.path("studyId").asText(), row);
        }
        List<String> differences = new ArrayList<>();
        for (Truth truth : truths) {
            JsonNode row = rows.get(truth.plan.screeningNumber());
            String want = truth.exposureStatus + ", " + truth.reductions + " reduction(s), " + truth.cumulativeMg
                    + " mg";
            String got = row == null ? null : row.path("status").asText() + ", " + row.path("reductions").asInt()
                    + " reduction(s), " + row.path("cumulativeMg").asInt() + " mg";
            if (!want.equals(got)) {
                differences.add("exposure " + truth.plan.screeningNumber() + ": expected " + want + ", the listing has "
                        + got);
            }
        }
        return differences;
    }

    private List<String> compareRadiotherapy(List<Truth> truths) {
        List<String> differences = new ArrayList<>();
        for (Truth truth : truths) {
            JsonNode view = api.get("projections", "/radiotherapy/patients/" + truth.patientId, "MONITOR", null);
            boolean completed = "COMPLETED".equals(view.path("status").asText());
            if (!completed || view.path("deliveredGy").decimalValue().compareTo(truth.deliveredGy) != 0) {
                differences.add("radiotherapy " + truth.plan.screeningNumber() + ": expected COMPLETED at "
                        + truth.deliveredGy + " Gy, the view has " + view.path("status").asText() + " at "
                        + view.path("deliveredGy").asText() + " Gy");
            }
        }
        return differences;
    }
}
