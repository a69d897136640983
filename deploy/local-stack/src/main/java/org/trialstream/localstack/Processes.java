package org.trialstream.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/** Small process and port helpers shared by the launchers. */
public final class Processes {

    private Processes() {
    }

    /** Asks a process to stop (SIGTERM), waits, then kills it and its children if it does not. */
    public static void terminate(ProcessHandle process, Duration grace) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.onExit().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A port nobody listens on right now, on loopback. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits until a child process is ready: runs {@code started} on a scheduler every {@code interval} until it
     * answers true (ready) or throws (the process died: stop waiting), or until {@code timeout} has passed.
     *
     * @return whether the process became ready in time
     */
    public static boolean awaitReady(BooleanSupplier started, Duration interval, Duration timeout) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "readiness-check");
            thread.setDaemon(true);
            return thread;
        });
        CompletableFuture<Boolean> ready = new CompletableFuture<>();
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                if (started.getAsBoolean()) {
                    ready.complete(true);
                }
            } catch (RuntimeException e) {
                ready.completeExceptionally(e);
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw (RuntimeException) e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a process to start", e);
        } finally {
            scheduler.shutdownNow();
        }
    }
}
