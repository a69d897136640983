package org.trialstream.alerts.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
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

    /**
     * Stores a poll's alerts and their notices in three writes, and returns the notices that are new, in order. An
     * alert stored before (the fact came again after a crash) keeps what was stored, and its notice, if missing,
     * shows it as stored.
     */
    public List<Notice> raise(List<Alert> raised, Instant now) {
        if (raised.isEmpty()) {
            return List.of();
        }
        Map<String, Alert> alertsById = new LinkedHashMap<>();
        raised.forEach(alert -> alertsById.putIfAbsent(alert.id(), alert.storedAt(now)));
        List<Document> documents = alertsById.values().stream()
                .map(alert -> document(alert).append("_id", alert.id()).append(STORED_AT, now.toEpochMilli()))
                .toList();
        Set<String> storedBefore = insertAllAbsent(alerts, documents);
        if (!storedBefore.isEmpty()) {
            alerts.find(Filters.in("_id", storedBefore))
                    .forEach(document -> alertsById.put(document.getString("_id"), alert(document)));
        }
        long last = reserveSequences(alertsById.size());
        long sequence = last - alertsById.size();
        List<Notice> notices = new ArrayList<>();
        for (Alert alert : alertsById.values()) {
            notices.add(new Notice(alert.id(), ++sequence, Notice.Type.RAISED, alert));
        }
        Set<String> noticedBefore = insertAllAbsent(this.notices, notices.stream().map(AlertStore::document).toList());
        return notices.stream().filter(notice -> !noticedBefore.contains(notice.id())).toList();
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
        Notice notice = new Notice(noticeId, reserveSequences(1), type, alert);
        return insertAllAbsent(notices, List.of(document(notice))).isEmpty() ? Optional.of(notice) : Optional.empty();
    }

    /** Reserves {@code count} notice numbers in one write; returns the last of them. */
    private long reserveSequences(int count) {
        Document counter = counters.findOneAndUpdate(Filters.eq("_id", "notices"), Updates.inc("value", (long) count),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return counter.get("value", Number.class).longValue();
    }

    /** Inserts the documents in one write; returns the ids of those that already existed (and were left alone). */
    private static Set<String> insertAllAbsent(MongoCollection<Document> collection, List<Document> documents) {
        try {
            collection.insertMany(documents, new InsertManyOptions().ordered(false));
            return Set.of();
        } catch (MongoBulkWriteException e) {
            Set<String> existing = new HashSet<>();
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                existing.add(documents.get(error.getIndex()).getString("_id"));
            }
            return existing;
        }
    }

    private static Document document(Notice notice) {
        return new Document("_id", notice.id())
                .append("sequence", notice.sequence())
                .append("type", notice.type().name())
                .append("alert", document(notice.alert()));
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
