package org.trialstream.alerts.alert;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnClose;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.OnOpen;
import io.micronaut.websocket.annotation.ServerWebSocket;
import reactor.core.Disposable;

/**
 * The same notices as the SSE stream, over a WebSocket: each message is {@code {id, type, alert}}. A client that
 * reconnects passes the last id it got as {@code ?lastEventId=} and gets what it missed first, in order.
 */
@Secured({AlertController.SAFETY_OFFICER, AlertController.MONITOR})
@ServerWebSocket("/alerts/ws")
class AlertSocket {

    private final AlertFeed feed;
    private final ObjectMapper json;
    private final Map<String, Disposable> subscriptions = new ConcurrentHashMap<>();

    AlertSocket(AlertFeed feed, ObjectMapper json) {
        this.feed = feed;
        this.json = json;
    }

    @OnOpen
    void open(WebSocketSession session, @QueryValue @Nullable String lastEventId) {
        subscriptions.put(session.getId(), feed.subscribe(lastEventId)
                .subscribe(notice -> session.sendSync(message(notice))));
    }

    @OnMessage
    void ignore(String message, WebSocketSession session) {
        // The stream is one-way; acknowledgements go to POST /alerts/{alertId}/acknowledgement.
    }

    @OnClose
    void close(WebSocketSession session) {
        Disposable subscription = subscriptions.remove(session.getId());
        if (subscription != null) {
            subscription.dispose();
        }
    }

    private String message(Notice notice) {
        try {
            return json.writeValueAsString(Map.of("id", notice.id(), "type", notice.type(), "alert", notice.alert()));
        } catch (Exception e) {
            throw new IllegalStateException("cannot send notice " + notice.id(), e);
        }
    }
}
