package org.trialstream.localstack.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.trialstream.localstack.Processes;
import org.trialstream.localstack.bench.AlertsBench;
import org.trialstream.localstack.bench.AuditBench;
import org.trialstream.localstack.bench.CommandBench;
import org.trialstream.localstack.bench.RebuildBench;
import org.trialstream.localstack.kafka.KafkaBroker;
import org.trialstream.localstack.service.ServiceProcess;
import org.trialstream.localstack.simulate.TrialSimulator;
import org.trialstream.localstack.token.DevTokenIssuer;
import org.trialstream.protocol.definition.Protocol;
import org.trialstream.protocol.definition.ProtocolLoader;

/**
 * The local stack behind {@code ./trial}: {@code up}, {@code status} and {@code down}. Everything runs on loopback
 * from the built artifacts; data lives under {@code .trial/data}, logs under {@code .trial/logs}, and the process ids
 * of what {@code up} started under {@code .trial/run}, so that {@code down} stops exactly those.
 * <p>
 * The services and their ports are listed in {@code deploy/services}. Set {@code TRIAL_KAFKA_BOOTSTRAP_SERVERS} or
 * {@code TRIAL_MONGODB_URI} to use a real cluster instead of starting one; {@code TRIAL_<NAME>_JDBC_URL} points one
 * command service at PostgreSQL instead of its H2 file.
 */
public final class Trial {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Path root;
    private final Path home;
    private final Map<String, String> env;
    private final int kafkaPort;
    private final int mongoPort;
    private final List<Service> services;

    /** A service of {@code deploy/services}: its name, and its port after {@code TRIAL_<NAME>_PORT}. */
    record Service(String name, int port) {

        String variable(String suffix) {
            return "TRIAL_" + name.toUpperCase(Locale.ROOT).replace('-', '_') + "_" + suffix;
        }
    }

    public Trial(Path root, Map<String, String> env) {
        this.root = root.toAbsolutePath().normalize();
        this.env = env;
        this.home = Path.of(env.getOrDefault("TRIAL_HOME", this.root.resolve(".trial").toString()));
        this.kafkaPort = port("TRIAL_KAFKA_PORT", 9092);
        this.mongoPort = port("TRIAL_MONGO_PORT", 27017);
        this.services = readServices(this.root.resolve("deploy/services"));
    }

    private List<Service> readServices(Path file) {
        try {
            List<Service> listed = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                String[] fields = line.replaceFirst("#.*", "").strip().split("\\s+");
                if (fields.length == 2) {
                    Service service = new Service(fields[0], Integer.parseInt(fields[1]));
                    listed.add(new Service(service.name(), port(service.variable("PORT"), service.port())));
                } else if (!fields[0].isEmpty()) {
                    throw new IllegalStateException(file + ": expected 'name port', got '" + line + "'");
                }
            }
            return List.copyOf(listed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Service service(String name) {
        return services.stream().filter(service -> service.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("deploy/services lists no " + name));
    }

    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: Trial <repo root> up|status|down|token");
            System.exit(2);
        }
        Trial trial = new Trial(Path.of(args[0]), System.getenv());
        try {
            switch (args[1]) {
                case "up" -> trial.up();
                case "status" -> trial.status();
                case "down" -> trial.down();
                case "token" -> trial.token(List.of(args).subList(2, args.length));
                case "bench" -> trial.bench(List.of(args).subList(2, args.length));
                case "audit" -> trial.audit(List.of(args).subList(2, args.length));
                case "simulate" -> trial.simulate(List.of(args).subList(2, args.length));
                default -> {
                    System.err.println("unknown command " + args[1]);
                    System.exit(2);
                }
            }
        } catch (Exception e) {
            System.err.println("trial " + args[1] + " failed: " + e.getMessage());
            System.exit(1);
        }
    }

    public void up() {
        Instant started = Instant.now();
        String kafka = env.get("TRIAL_KAFKA_BOOTSTRAP_SERVERS");
        if (kafka == null) {
            kafka = "127.0.0.1:" + kafkaPort;
            if (alive("kafka").isEmpty()) {
                KafkaBroker broker = new KafkaBroker(root.resolve("deploy/kafka-broker/target/lib"),
                        home.resolve("data/kafka"), kafkaPort, port("TRIAL_KAFKA_CONTROLLER_PORT", 9093));
                broker.start(START_TIMEOUT);
                record("kafka", broker.pid());
            }
        }
        String mongo = env.get("TRIAL_MONGODB_URI");
        if (mongo == null) {
            mongo = "mongodb://127.0.0.1:" + mongoPort;
            if (alive("mongo").isEmpty()) {
                record("mongo", startMongo());
            }
        }
        Map<String, String> common = new HashMap<>(env);
        if (!env.containsKey("TRIAL_JWT_JWK_SET_URI")) {
            DevTokenIssuer.inFolder(keys());
            common.putIfAbsent("TRIAL_JWT_PUBLIC_KEY", DevTokenIssuer.publicKeyFile(keys()).toString());
        }
        common.put("TRIAL_KAFKA_BOOTSTRAP_SERVERS", kafka);
        common.put("TRIAL_MONGODB_URI", mongo);
        common.put("TRIAL_DATA_DIR", home.resolve("data").toString());
        if (env.containsKey("TRIAL_JDBC_URL")) {
            throw new IllegalStateException("TRIAL_JDBC_URL would give every command service the same event store;"
                    + " set TRIAL_<NAME>_JDBC_URL per service instead (e.g. TRIAL_ENROLMENT_JDBC_URL)");
        }
        for (Service service : services) {
            common.put(service.variable("PORT"), String.valueOf(service.port()));
        }
        // TRIAL_START_TOGETHER services at a time (any order works: each makes the topics it reads and writes). On
        // 2 cores with the full JIT one at a time was fastest (87 s, against 101 s two at a time and 136 s all at
        // once); with -XX:TieredStopAtLevel=1 in TRIAL_SERVICE_JAVA_OPTS, two at a time took 65 s.
        int together = Math.max(1, setting("TRIAL_START_TOGETHER", 1));
        List<ServiceProcess> starting = new ArrayList<>();
        for (Service service : services) {
            Map<String, String> own = new HashMap<>(common);
            Optional.ofNullable(env.get(service.variable("JDBC_URL"))).ifPresent(url -> own.put("TRIAL_JDBC_URL", url));
            launch(service, own).ifPresent(starting::add);
            if (starting.size() == together) {
                starting.forEach(process -> process.awaitHealthy(START_TIMEOUT));
                starting.clear();
            }
        }
        starting.forEach(process -> process.awaitHealthy(START_TIMEOUT));
        status();
        System.out.printf("ready in %.1f s%n", Duration.between(started, Instant.now()).toMillis() / 1000.0);
    }

    void status() {
        List<String[]> rows = new ArrayList<>();
        String kafka = env.getOrDefault("TRIAL_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + kafkaPort);
        rows.add(new String[] {"kafka", kafka, tcpState(kafka)});
        String mongo = env.getOrDefault("TRIAL_MONGODB_URI", "mongodb://127.0.0.1:" + mongoPort);
        rows.add(new String[] {"mongo", mongo, tcpState(mongo.replaceFirst("^mongodb://", "").split("[/?,]")[0])});
        for (Service service : services) {
            String url = "http://127.0.0.1:" + service.port();
            rows.add(new String[] {service.name(), url, ServiceProcess.health(url)});
        }
        long total = 0;
        for (String[] row : rows) {
            long rss = alive(row[0]).map(Trial::residentKib).orElse(-1L);
            total += Math.max(rss, 0);
            System.out.printf("%-12s %-40s %-12s %s%n", row[0], row[1], row[2],
                    rss < 0 ? "-" : String.format(Locale.ROOT, "%,d MiB", rss / 1024));
        }
        System.out.printf("%-12s %-40s %-12s %s%n", "total", "resident memory of what up started", "",
                String.format(Locale.ROOT, "%,d MiB", total / 1024));
    }

    /** A process's resident memory in KiB, from {@code /proc} (Linux); -1 where that is not readable. */
    private static long residentKib(ProcessHandle process) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            return -1;
        }
        return -1;
    }

    /** Stops, newest first, only the processes that {@code up} recorded; the data folder stays. */
    public void down() {
        List<String> names = new ArrayList<>(List.of("kafka", "mongo"));
        services.forEach(service -> names.add(service.name()));
        Collections.reverse(names);
        for (String name : names) {
            alive(name).ifPresent(process -> {
                Processes.terminate(process, Duration.ofSeconds(30));
                System.out.printf("%-12s stopped (pid %d)%n", name, process.pid());
            });
            try {
                Files.deleteIfExists(pidFile(name));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Kills a component that {@code up} started at once, as {@code kill -9} would; {@code up} starts it again. */
    public void kill(String name) {
        ProcessHandle process = alive(name).orElseThrow(() -> new IllegalStateException(name + " is not running"));
        process.destroyForcibly();
        process.onExit().join();
    }

    /** Prints a development token: {@code --role ROLE [--site SITE] [--name NAME]}. */
    void token(List<String> options) {
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i + 1 < options.size(); i += 2) {
            given.put(options.get(i), options.get(i + 1));
        }
        if (options.size() % 2 != 0 || !given.containsKey("--role")
                || !given.keySet().stream().allMatch(List.of("--role", "--site", "--name")::contains)) {
            throw new IllegalArgumentException("usage: ./trial token --role ROLE [--site SITE] [--name NAME]");
        }
        DevTokenIssuer.Token token = DevTokenIssuer.inFolder(keys()).token(given.get("--role"));
        if (given.containsKey("--site")) {
            token.site(given.get("--site"));
        }
        if (given.containsKey("--name")) {
            token.name(given.get("--name")).subject(given.get("--name").toLowerCase().replaceAll("[^a-z0-9]+", "."));
        }
        System.out.println(token.sign());
    }

    /**
     * {@code audit verify [--patient ID]}: the fact chains of every trial topic (or one patient's) recomputed from the
     * Kafka log by the projections service; then, for the whole trial, each command service's event store recomputed
     * and compared with its topic ({@code GET /audit/store-chain}, answered by every service that keeps an event
     * store). All as the monitor; prints each report and fails when any link does not hold.
     */
    void audit(List<String> options) throws Exception {
        String usage = "usage: ./trial audit verify [--patient ID]";
        if (options.isEmpty() || !options.get(0).equals("verify") || options.size() % 2 != 1
                || (options.size() == 3 && !options.get(1).equals("--patient")) || options.size() > 3) {
            throw new IllegalArgumentException(usage);
        }
        String query = options.size() == 3
                ? "?patientId=" + URLEncoder.encode(options.get(2), StandardCharsets.UTF_8)
                : "";
        String monitor = DevTokenIssuer.inFolder(keys()).token("MONITOR").name("Trial CLI").subject("trial-cli")
                .sign();
        HttpClient http = HttpClient.newHttpClient();
        boolean intact = true;
        HttpResponse<String> topics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + service("projections").port() + "/audit/verify" + query))
                .header("Authorization", "Bearer " + monitor).build(), HttpResponse.BodyHandlers.ofString());
        System.out.println("topics " + topics.body());
        intact &= topics.statusCode() == 200 && topics.body().contains("\"broken\":null");
        for (Service service : query.isEmpty() ? services : List.<Service>of()) {
            if (service.name().equals("projections")) {
                continue; // it read the topics above
            }
            HttpResponse<String> store = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                            + service.port() + "/audit/store-chain"))
                    .header("Authorization", "Bearer " + monitor).build(), HttpResponse.BodyHandlers.ofString());
            if (store.statusCode() == 404) {
                continue; // a service without an event store of its own
            }
            System.out.println(service.name() + " " + store.body());
            intact &= store.statusCode() == 200 && store.body().contains("\"broken\":null")
                    && store.body().contains("\"first\":null");
        }
        if (!intact) {
            System.exit(1);
        }
    }

    /**
     * {@code simulate [--patients 41] [--seed N] [--until YYYY-MM-DD] [--protocol FILE] [--clients 4]}: a whole trial
     * through the public APIs of the running stack ({@link TrialSimulator}); fails when a view differs from the truth
     * it sent, or a request it expected to succeed was refused (with the problem body). The protocol is the file named,
     * or the stack's ({@code TRIAL_PROTOCOL_FILE}), or the bundled one; the data cut is today at the site by default.
     */
    void simulate(List<String> options) throws Exception {
        String usage = "usage: ./trial simulate [--patients 41] [--seed N] [--until YYYY-MM-DD] [--protocol FILE]"
                + " [--clients 4]";
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < options.size(); i += 2) {
            if (i + 1 >= options.size() || !List.of("--patients", "--seed", "--until", "--protocol", "--clients")
                    .contains(options.get(i))) {
                throw new IllegalArgumentException(usage);
            }
            given.put(options.get(i), options.get(i + 1));
        }
        String protocolFile = given.getOrDefault("--protocol", env.get("TRIAL_PROTOCOL_FILE"));
        Protocol protocol = protocolFile == null || protocolFile.isBlank() ? ProtocolLoader.loadDefault()
                : ProtocolLoader.load(Path.of(protocolFile));
        LocalDate until = given.containsKey("--until") ? LocalDate.parse(given.get("--until"))
                : LocalDate.now(ZoneId.of(env.getOrDefault("TRIAL_CLINICAL_TIME_ZONE", "Asia/Shanghai")));
        Map<String, String> urls = new HashMap<>();
        for (Service service : services) {
            urls.put(service.name(), "http://127.0.0.1:" + service.port());
        }
        TrialSimulator.Outcome outcome = new TrialSimulator(urls, DevTokenIssuer.inFolder(keys()),
                new TrialSimulator.Options(Integer.parseInt(given.getOrDefault("--patients", "41")),
                        Long.parseLong(given.getOrDefault("--seed", "1")), until, protocol,
                        Integer.parseInt(given.getOrDefault("--clients", "4"))), System.out).run();
        if (!outcome.differences().isEmpty()) {
            System.exit(1);
        }
    }

    /**
     * {@code bench commands [--clients 8] [--commands 20000] [--warmup 2000] [--enrol]}: the command benchmark
     * ({@link CommandBench}); {@code bench rebuild [--sizes 5000,20000]}: the projection benchmark
     * ({@link RebuildBench}); {@code bench alerts [--rate 100] [--seconds 30] [--patients 50]}: SAE alert latency
     * ({@link AlertsBench}); {@code bench audit [--sizes 1000,10000] [--facts 500] [--verify 100000,1000000]}: history
     * latency and verify rate ({@link AuditBench}). All against the running stack.
     */
    void bench(List<String> options) throws Exception {
        String usage = "usage: ./trial bench commands [--clients N] [--commands N] [--warmup N] [--enrol]\n"
                + "       ./trial bench rebuild [--sizes 5000,20000]\n"
                + "       ./trial bench alerts [--rate 100] [--seconds 30] [--patients 50]\n"
                + "       ./trial bench audit [--sizes 1000,10000] [--facts 500] [--verify 100000,1000000]";
        if (options.isEmpty() || !List.of("commands", "rebuild", "alerts", "audit").contains(options.get(0))) {
            throw new IllegalArgumentException(usage);
        }
        Map<String, String> given = new HashMap<>();
        boolean enrol = false;
        for (int i = 1; i < options.size(); i++) {
            if (options.get(i).equals("--enrol")) {
                enrol = true;
            } else if (i + 1 < options.size() && List.of("--clients", "--commands", "--warmup", "--sizes", "--rate",
                    "--seconds", "--patients", "--facts", "--verify")
                    .contains(options.get(i))) {
                given.put(options.get(i), options.get(++i));
            } else {
                throw new IllegalArgumentException("unknown option " + options.get(i) + "\n" + usage);
            }
        }
        DevTokenIssuer issuer = DevTokenIssuer.inFolder(keys());
        if (options.get(0).equals("rebuild")) {
            String token = issuer.token("ADMINISTRATOR").name("Bench").subject("bench")
                    .expiresAt(Instant.now().plus(Duration.ofHours(2))).sign();
            new RebuildBench(env.getOrDefault("TRIAL_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + kafkaPort),
                    "http://127.0.0.1:" + service("projections").port(), token).run(
                    sizes(given.getOrDefault("--sizes", "5000,20000")));
            return;
        }
        if (options.get(0).equals("audit")) {
            new AuditBench(env.getOrDefault("TRIAL_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + kafkaPort),
                    "http://127.0.0.1:" + service("projections").port(),
                    env.getOrDefault("TRIAL_MONGODB_URI", "mongodb://127.0.0.1:" + mongoPort),
                    env.getOrDefault("TRIAL_MONGODB_DATABASE", "trialstream"),
                    issuer.token("MONITOR").name("Bench").subject("bench-monitor")
                            .expiresAt(Instant.now().plus(Duration.ofHours(4))).sign())
                    .run(sizes(given.getOrDefault("--sizes", "1000,10000")),
                            Integer.parseInt(given.getOrDefault("--facts", "500")),
                            sizes(given.getOrDefault("--verify", "100000,1000000")));
            return;
        }
        if (options.get(0).equals("alerts")) {
            new AlertsBench(env.getOrDefault("TRIAL_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + kafkaPort),
                    "http://127.0.0.1:" + service("safety").port(), "http://127.0.0.1:" + service("alerts").port(),
                    issuer.token("INVESTIGATOR").site("RJH").name("Bench").subject("bench")
                            .expiresAt(Instant.now().plus(Duration.ofHours(2))).sign(),
                    issuer.token("SAFETY_OFFICER").name("Bench").subject("bench-safety")
                            .expiresAt(Instant.now().plus(Duration.ofHours(2))).sign())
                    .run(Integer.parseInt(given.getOrDefault("--rate", "100")),
                            Integer.parseInt(given.getOrDefault("--seconds", "30")),
                            Integer.parseInt(given.getOrDefault("--patients", "50")));
            return;
        }
        String token = issuer.token("INVESTIGATOR").site("RJH").name("Bench")
                .subject("bench").expiresAt(Instant.now().plus(Duration.ofHours(2))).sign();
        new CommandBench("http://127.0.0.1:" + service("enrolment").port(), token, "RJH", enrol).run(
                Integer.parseInt(given.getOrDefault("--clients", "8")),
                Integer.parseInt(given.getOrDefault("--commands", "20000")),
                Integer.parseInt(given.getOrDefault("--warmup", "2000")));
    }

    private Path keys() {
        return home.resolve("keys");
    }

    /** Launches a service that is not already running, and records its process id. */
    private Optional<ServiceProcess> launch(Service service, Map<String, String> environment) {
        String name = service.name();
        if (alive(name).isPresent()) {
            return Optional.empty();
        }
        Path jar = root.resolve("services/" + name + "/target/" + name + ".jar");
        ServiceProcess process = new ServiceProcess(name, jar, service.port(), environment, log(name)).launch();
        record(name, process.pid());
        return Optional.of(process);
    }

    private long startMongo() {
        Path localStack = root.resolve("deploy/local-stack/target");
        String classpath = localStack.resolve("classes") + java.io.File.pathSeparator + localStack.resolve("lib/*");
        try {
            Files.createDirectories(home.resolve("logs"));
            Process process = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                    "-XX:+UseSerialGC", "-cp", classpath, "org.trialstream.localstack.mongo.LocalMongoServer",
                    "--port", String.valueOf(mongoPort),
                    "--file", home.resolve("data/mongo/read-models.mv").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log("mongo").toFile()))
                    .start();
            boolean listening = Processes.awaitReady(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the MongoDB-compatible server exited; see " + log("mongo"));
                }
                return "UP".equals(tcpState("127.0.0.1:" + mongoPort));
            }, Duration.ofMillis(100), START_TIMEOUT);
            if (!listening) {
                process.destroy();
                throw new IllegalStateException("the MongoDB-compatible server did not start; see " + log("mongo"));
            }
            return process.pid();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tcpState(String hostPort) {
        String[] parts = hostPort.split(",")[0].split(":");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(parts[0], Integer.parseInt(parts[1])), 1000);
            return "UP";
        } catch (IOException | RuntimeException e) {
            return "UNREACHABLE";
        }
    }

    /**
     * The recorded process, if it is still the one we started: same pid and same start time, so that a pid the
     * system has since given to another program (after a reboot, say) is never stopped.
     */
    private Optional<ProcessHandle> alive(String name) {
        Path file = pidFile(name);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            String[] recorded = Files.readString(file).strip().split("\\s+");
            if (recorded.length != 2) {
                return Optional.empty();
            }
            return ProcessHandle.of(Long.parseLong(recorded[0])).filter(ProcessHandle::isAlive)
                    .filter(process -> startOf(process).equals(recorded[1]));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void record(String name, long pid) {
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(
                () -> new IllegalStateException(name + " (pid " + pid + ") exited right after it started"));
        try {
            Files.createDirectories(pidFile(name).getParent());
            Files.writeString(pidFile(name), pid + " " + startOf(process) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String startOf(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toString).orElse("unknown");
    }

    private Path pidFile(String name) {
        return home.resolve("run/" + name + ".pid");
    }

    private Path log(String name) {
        return home.resolve("logs/" + name + ".log");
    }

    private int port(String variable, int fallback) {
        return setting(variable, fallback);
    }

    private int setting(String variable, int fallback) {
        return Integer.parseInt(env.getOrDefault(variable, String.valueOf(fallback)));
    }

    /** A comma-separated list of sizes, smallest first; "0" or "" for none. */
    private static List<Integer> sizes(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(size -> !size.isEmpty())
                .map(Integer::parseInt).filter(size -> size > 0).sorted().toList();
    }
}
