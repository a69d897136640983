package org.trialstream.alerts.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A Server-Sent Events subscriber on the JDK's HTTP client, reading on its own thread: the events to take one by one,
 * and the ids of every event received so far.
 */
final class SseClient implements AutoCloseable {

    record SseEvent(String id, String name, JsonNode data) {
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final BlockingQueue<SseEvent> events = new LinkedBlockingQueue<>();
    private final List<String> ids = new CopyOnWriteArrayList<>();
    private volatile InputStream stream;

    private SseClient(String url, String token, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "text/event-stream").header("Authorization", "Bearer " + token);
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        Thread reader = new Thread(() -> read(request.build()), "sse-client");
        reader.setDaemon(true);
        reader.start();
    }

    static SseClient open(String url, String token, String lastEventId) {
        return new SseClient(url, token, lastEventId);
    }

    private void read(HttpRequest request) {
        try {
            stream = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream()).body();
            BufferedReader body = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
            String id = null;
            String name = null;
            StringBuilder data = new StringBuilder();
            for (String line = body.readLine(); line != null; line = body.readLine()) {
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        SseEvent event = new SseEvent(id, name, SafetyTopic.JSON.readTree(data.toString()));
                        ids.add(event.data().path("id").asText());
                        events.add(event);
                    }
                    id = null;
                    name = null;
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                }
            }
        } catch (Exception ended) {
            // the service went away, or the test closed the stream
        }
    }

    /** The ids of the alerts in every event received so far, in order. */
    List<String> alertIds() {
        return ids;
    }

    SseEvent next() throws InterruptedException {
        SseEvent event = events.poll(30, TimeUnit.SECONDS);
        assertThat(event).as("an event within 30 s").isNotNull();
        return event;
    }

    SseEvent awaitEvent(String id) throws InterruptedException {
        for (SseEvent event = next(); ; event = next()) {
            if (id.equals(event.id())) {
                return event;
            }
        }
    }

    @Override
    public void close() throws Exception {
        // The raw stream, not the reader: the reader's lock is held by the blocked readLine.
        if (stream != null) {
            stream.close();
        }
    }
}
