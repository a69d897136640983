package org.trialstream.localstack.mongo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * The MongoDB-wire-compatible server (mongo-java-server). With a file it persists to an H2 MVStore and survives
 * restarts; without one it keeps everything in memory (tests). It has no transactions and ignores write concern, so
 * read models must not rely on either.
 */
public final class LocalMongoServer implements AutoCloseable {

    private final MongoServer server;
    private final InetSocketAddress address;

    private LocalMongoServer(MongoServer server, InetSocketAddress address) {
        this.server = server;
        this.address = address;
    }

    public static LocalMongoServer inMemory() {
        return bound(new MongoServer(new MemoryBackend()), 0);
    }

    public static LocalMongoServer persistent(Path file, int port) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bound(new MongoServer(new H2Backend(file.toAbsolutePath().toString())), port);
    }

    private static LocalMongoServer bound(MongoServer server, int port) {
        server.bind("127.0.0.1", port);
        return new LocalMongoServer(server, server.getLocalAddress());
    }

    public String uri() {
        return "mongodb://127.0.0.1:" + address.getPort();
    }

    public int port() {
        return address.getPort();
    }

    @Override
    public void close() {
        server.shutdownNow();
    }

    /** Runs the server as its own process for the local stack: {@code --port N --file PATH}. */
    public static void main(String[] args) {
        int port = 27017;
        Path file = Path.of(".trial/data/mongo/read-models.mv");
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--file" -> file = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        LocalMongoServer server = persistent(file, port);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "mongo-shutdown"));
        System.out.println("MongoDB-compatible server listening on " + server.uri() + ", data in " + file);
    }
}
