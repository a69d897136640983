package org.trialstream.alerts.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import jakarta.inject.Singleton;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.trialstream.alerts.alert.Alert.State;

/**
 * Alerts and the notice stream in MongoDB. An alert's {@code _id} is the id of the fact it comes from and a notice's
 * {@code _id} is stable too, so storing the same fact twice stores nothing twice. Notices are numbered from one
 * counter in the order they are stored; subscribers replay them by that number.
 */
@Singleton
public class AlertStore {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final String STORED_AT = "storedAtMillis";

    private final MongoCollection<Document> alerts;
    private final MongoCollection<Document> notices;
    private final MongoCollection<Document> counters;

    AlertStore(MongoDatabase database) {
        this.alerts = database.getCollection("alerts");
        this.notices = database.getCollection("alert_notices");
        this.counters = database.getCollection("alert_counters");
        notices.createIndex(Indexes.ascending("sequence"));
        alerts.createIndex(Indexes.ascending("state", STORED_AT));
    }

    /** Stores the alert and its notice; the notice when it is new, empty when the fact was stored before. */
    public Optional<Notice> raise(Alert raised, Instant now) {
        Alert alert = raised.storedAt(now);
        if (!insertIfAbsent(alerts, document(alert).append("_id", alert.id()).append(STORED_AT, now.toEpochMilli()))) {
            // Stored before (the fact came again after a crash): its notice, if missing, shows the alert as stored.
            alert = find(alert.id()).orElseThrow();
        }
        return append(alert.id(), Notice.Type.RAISED, alert);
    }

    public Optional<Alert> find(String id) {
        return Optional.ofNullable(alerts.find(Filters.eq("_id", id)).first()).map(AlertStore::alert);
    }

    public List<Alert> alerts(State state) {
        Bson filter = state == null ? new Document() : Filters.eq("state", state.name());
        List<Alert> found = new ArrayList<>();
        alerts.find(filter).sort(Sorts.ascending(STORED_AT, "_id")).forEach(document -> found.add(alert(document)));
        return found;
    }

    /** Acknowledges an alert that is not yet acknowledged; empty when it is unknown or was acknowledged before. */
    public Optional<Alert> acknowledge(String id, String by, Instant at) {
        Document updated = alerts.findOneAndUpdate(
                Filters.and(Filters.eq("_id", id), Filters.ne("state", State.ACKNOWLEDGED.name())),
                Updates.combine(Updates.set("state", State.ACKNOWLEDGED.name()), Updates.set("acknowledgedBy", by),
                        Updates.set("acknowledgedAt", at.toString())),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return Optional.ofNullable(updated).map(AlertStore::alert);
    }

    /**
     * Escalates every open alert stored before {@code storedBefore}, each once (the update only takes an alert still
     * open), and returns the escalation notices that are new.
     */
    public List<Notice> escalate(Instant storedBefore, Instant now) {
        List<Notice> escalated = new ArrayList<>();
        List<String> due = new ArrayList<>();
        alerts.find(Filters.and(Filters.eq("state", State.OPEN.name()),
                        Filters.lt(STORED_AT, storedBefore.toEpochMilli())))
                .forEach(document -> due.add(document.getString("_id")));
        for (String id : due) {
            Document updated = alerts.findOneAndUpdate(
                    Filters.and(Filters.eq("_id", id), Filters.eq("state", State.OPEN.name())),
                    Updates.combine(Updates.set("state", State.ESCALATED.name()),
                            Updates.set("escalatedAt", now.toString())),
                    new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
            if (updated != null) {
                Alert alert = alert(updated);
                append(id + ":escalated", Notice.Type.ESCALATED, alert).ifPresent(escalated::add);
            }
        }
        return escalated;
    }

    /** The notices stored after the one with this id, in order; all of them for an unknown id or none. */
    public List<Notice> noticesAfter(String lastNoticeId) {
        long after = 0;
        if (lastNoticeId != null) {
            Document last = notices.find(Filters.eq("_id", lastNoticeId)).first();
            after = last == null ? 0 : last.getLong("sequence");
        }
        List<Notice> found = new ArrayList<>();
        notices.find(Filters.gt("sequence", after)).sort(Sorts.ascending("sequence"))
                .forEach(document -> found.add(notice(document)));
        return found;
    }

    /** A number may be spent on a notice that turns out to exist already: numbers only need to grow. */
    private Optional<Notice> append(String noticeId, Notice.Type type, Alert alert) {
        Notice notice = new Notice(noticeId, nextSequence(), type, alert);
        boolean inserted = insertIfAbsent(notices, new Document("_id", noticeId)
                .append("sequence", notice.sequence())
                .append("type", type.name())
                .append("alert", document(alert)));
        return inserted ? Optional.of(notice) : Optional.empty();
    }

    private long nextSequence() {
        Document counter = counters.findOneAndUpdate(Filters.eq("_id", "notices"), Updates.inc("value", 1L),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return counter.get("value", Number.class).longValue();
    }

    private static boolean insertIfAbsent(MongoCollection<Document> collection, Document document) {
        try {
            collection.insertOne(document);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    private static Document document(Alert alert) {
        try {
            return Document.parse(JSON.writeValueAsString(alert));
        } catch (Exception e) {
            throw new IllegalStateException("cannot store alert " + alert.id(), e);
        }
    }

    private static Alert alert(Document document) {
        try {
            return JSON.readValue(document.toJson(), Alert.class);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read alert " + document.get("_id"), e);
        }
    }

    private static Notice notice(Document document) {
        return new Notice(document.getString("_id"), document.get("sequence", Number.class).longValue(),
                Notice.Type.valueOf(document.getString("type")), alert(document.get("alert", Document.class)));
    }
}
