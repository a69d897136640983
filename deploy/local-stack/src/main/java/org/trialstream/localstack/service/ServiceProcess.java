package org.trialstream.localstack.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.trialstream.localstack.Processes;

/** A Spring Boot service run from its jar as a child process, ready once its health endpoint says UP. */
public final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path jar;
    private final int port;
    private final Map<String, String> environment;
    private final Path logFile;
    private Process process;

    public ServiceProcess(String name, Path jar, int port, Map<String, String> environment, Path logFile) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.environment = Map.copyOf(environment);
        this.logFile = logFile;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /**
     * A small heap and the serial collector for a 2-core machine; the full JIT, since a service that serves under
     * load needs its compiled peak more than the second C1-only compilation saves at start-up.
     */
    static final String DEFAULT_JAVA_OPTS = "-Xmx384m -XX:+UseSerialGC";

    /** Launches the service and waits until it reports itself healthy. */
    public ServiceProcess start(Duration timeout) {
        launch();
        awaitHealthy(timeout);
        return this;
    }

    /** Launches the service without waiting for it: {@link #awaitHealthy} waits. */
    public ServiceProcess launch() {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no " + name + " jar at " + jar + ": build it first (mvn -DskipTests package)");
        }
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(List.of(environment.getOrDefault("TRIAL_SERVICE_JAVA_OPTS", DEFAULT_JAVA_OPTS).split("\\s+")));
            command.addAll(List.of("-jar", jar.toString()));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
        return this;
    }

    public long pid() {
        return process.pid();
    }

    public void stop() {
        if (process != null) {
            Processes.terminate(process.toHandle(), Duration.ofSeconds(30));
        }
    }

    /** Kills the process at once, as {@code kill -9} would: no shutdown hook runs, nothing is flushed. */
    public void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** UP, DOWN, or UNREACHABLE, as the service's own health endpoint reports it. */
    public static String health(String baseUrl) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health"))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
            return response.body().contains("\"status\":\"UP\"") ? "UP" : "DOWN";
        } catch (IOException e) {
            return "UNREACHABLE";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "UNREACHABLE";
        }
    }

    public void awaitHealthy(Duration timeout) {
        boolean healthy = Processes.awaitReady(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + logFile);
            }
            return "UP".equals(health(baseUrl()));
        }, Duration.ofMillis(250), timeout);
        if (!healthy) {
            stop();
            throw new IllegalStateException(name + " was not healthy within " + timeout + "; see " + logFile);
        }
    }
}
