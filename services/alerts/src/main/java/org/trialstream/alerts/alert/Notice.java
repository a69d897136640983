package org.trialstream.alerts.alert;

/**
 * One entry of the stream subscribers see, in the order they were stored: an alert raised, or an alert escalated.
 * {@code id} is stable (the alert's id, or the alert's id and {@code :escalated}) and is the SSE event id a
 * reconnecting client sends back as {@code Last-Event-ID}.
 */
public record Notice(String id, long sequence, Type type, Alert alert) {

    public enum Type {
        RAISED,
        ESCALATED
    }
}
