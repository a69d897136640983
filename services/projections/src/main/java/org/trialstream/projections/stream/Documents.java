package org.trialstream.projections.stream;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The documents of one collection that a batch touches, loaded with one query. Each document lists the ids of the
 * facts applied to it ({@value #APPLIED}), so that a redelivered or republished fact is recognised and changes
 * nothing.
 *
 * <p>A changed document is written as the difference from what was loaded, by {@code _id} alone: changed fields are
 * set (nested documents field by field), lists that grew get the new elements pushed. Facts of different topics may
 * change the same document from different instances at once (an endpoint view joins enrolment and follow-up); each
 * writes only the fields its facts changed, so neither undoes the other.
 */
public final class Documents {

    public static final String APPLIED = "appliedEventIds";

    private final Map<String, Document> loaded;
    private final Set<String> stored;
    private final Map<String, Document> originals = new HashMap<>();
    private final Set<String> changed = new LinkedHashSet<>();

    Documents(Map<String, Document> loaded) {
        this.loaded = loaded;
        this.stored = Set.copyOf(loaded.keySet());
    }

    /**
     * Applies a fact to the document with this id (a new one if there is none yet), unless the document already holds
     * it. Returns whether it applied: only then may the caller count it.
     */
    public boolean update(String id, ContractEvent fact, Consumer<Document> change) {
        Document document = loaded.computeIfAbsent(id,
                key -> new Document("_id", key).append(APPLIED, new ArrayList<String>()));
        List<String> applied = document.getList(APPLIED, String.class);
        if (applied.contains(fact.eventId())) {
            return false;
        }
        originals.computeIfAbsent(id, key -> (Document) copy(document));
        change.accept(document);
        document.getList(APPLIED, String.class).add(fact.eventId());
        changed.add(id);
        return true;
    }

    /** The document as it stands in this batch, or null. */
    public Document get(String id) {
        return loaded.get(id);
    }

    /**
     * One write per changed document: an insert of a document the batch created, or an update of a stored one,
     * filtered on its {@code _id} only.
     */
    List<WriteModel<Document>> writes() {
        List<WriteModel<Document>> writes = new ArrayList<>(changed.size());
        for (String id : changed) {
            writes.add(stored.contains(id) ? update(id) : new InsertOneModel<>(loaded.get(id)));
        }
        return writes;
    }

    /**
     * The write to do again when one failed as a duplicate key: another writer created the document meanwhile, so
     * what this batch changed becomes an update of it.
     */
    WriteModel<Document> retry(WriteModel<Document> failed) {
        return failed instanceof InsertOneModel<Document> insert ? update(insert.getDocument().getString("_id")) : failed;
    }

    private UpdateOneModel<Document> update(String id) {
        List<Bson> updates = new ArrayList<>();
        difference("", originals.get(id), loaded.get(id), updates);
        return new UpdateOneModel<>(Filters.eq("_id", id), Updates.combine(updates), new UpdateOptions().upsert(true));
    }

    private static void difference(String prefix, Document before, Document after, List<Bson> updates) {
        for (Map.Entry<String, Object> field : after.entrySet()) {
            String path = prefix + field.getKey();
            Object old = before.get(field.getKey());
            Object now = field.getValue();
            if (!before.containsKey(field.getKey())) {
                updates.add(Updates.set(path, now));
            } else if (Objects.equals(old, now)) {
                continue;
            } else if (old instanceof Document oldDocument && now instanceof Document newDocument) {
                difference(path + ".", oldDocument, newDocument, updates);
            } else if (old instanceof List<?> oldList && now instanceof List<?> newList
                    && newList.size() > oldList.size() && newList.subList(0, oldList.size()).equals(oldList)) {
                updates.add(Updates.pushEach(path, new ArrayList<>(newList.subList(oldList.size(), newList.size())),
                        new PushOptions()));
            } else {
                updates.add(Updates.set(path, now));
            }
        }
        for (String key : before.keySet()) {
            if (!after.containsKey(key)) {
                updates.add(Updates.unset(prefix + key));
            }
        }
    }

    private static Object copy(Object value) {
        if (value instanceof Document document) {
            Document copy = new Document();
            document.forEach((key, inner) -> copy.put(key, copy(inner)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(inner -> copy.add(copy(inner)));
            return copy;
        }
        return value;
    }
}
