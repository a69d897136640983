package org.trialstream.projections.stream;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.WriteModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

/**
 * Where projections keep their documents in MongoDB. Each projection is built in generations: generation {@code g}
 * of projection {@code p} keeps collection {@code c} as {@code p_c_g<g>} and its positions and counters in
 * {@code p_partitions_g<g>}. The {@value #STATE} collection names, per projection, the live generation (the one
 * readers use), the one being rebuilt, and retired ones waiting to be dropped.
 */
public final class ProjectionStore {

    static final String STATE = "projection_state";

    private final MongoDatabase database;
    private final MongoCollection<Document> state;

    public ProjectionStore(MongoDatabase database) {
        this.database = database;
        this.state = database.getCollection(STATE);
    }

    /** A projection's generations: live, being built (or null), and retired ones whose grace time is over. */
    public record Generations(int live, Integer building, Instant buildingSince, List<Integer> droppable) {
    }

    void register(String projection) {
        state.updateOne(Filters.eq("_id", projection), Updates.setOnInsert(new Document("live", 1)
                .append("building", null).append("retired", List.of())), new UpdateOptions().upsert(true));
    }

    Generations generations(String projection, Instant now) {
        Document current = state.find(Filters.eq("_id", projection)).first();
        if (current == null) {
            throw new IllegalStateException("projection " + projection + " is not registered");
        }
        List<Integer> droppable = new ArrayList<>();
        for (Document entry : current.getList("retired", Document.class, List.of())) {
            if (entry.getDate("at").toInstant().isBefore(now)) {
                droppable.add(entry.getInteger("generation"));
            }
        }
        Object since = current.get("buildingSince");
        return new Generations(current.getInteger("live"), current.getInteger("building"),
                since instanceof java.util.Date date ? date.toInstant() : null, droppable);
    }

    /** Starts building generation live + 1; false when a rebuild is already under way. */
    boolean startBuilding(String projection, int live, Instant now) {
        return state.updateOne(Filters.and(Filters.eq("_id", projection), Filters.eq("live", live),
                        Filters.eq("building", null)),
                Updates.combine(Updates.set("building", live + 1), Updates.set("buildingSince", java.util.Date.from(now))))
                .getModifiedCount() == 1;
    }

    /**
     * Makes the built generation live, once: the old one is retired, to be dropped after {@code dropAt} (readers that
     * still hold its name finish their reads).
     */
    boolean promote(String projection, int built, Instant dropAt) {
        return state.updateOne(Filters.and(Filters.eq("_id", projection), Filters.eq("building", built)),
                Updates.combine(Updates.set("live", built), Updates.set("building", null),
                        Updates.unset("buildingSince"),
                        Updates.push("retired", new Document("generation", built - 1)
                                .append("at", java.util.Date.from(dropAt)))))
                .getModifiedCount() == 1;
    }

    void drop(String projection, Set<String> collections, int generation) {
        Set<String> existing = database.listCollectionNames().into(new HashSet<>());
        for (String collection : collections) {
            dropIfPresent(documents(projection, generation, collection), existing);
        }
        dropIfPresent(partitions(projection, generation), existing);
        state.updateOne(Filters.eq("_id", projection),
                Updates.pull("retired", new Document("generation", generation)));
    }

    private static void dropIfPresent(MongoCollection<Document> collection, Set<String> existing) {
        if (existing.contains(collection.getNamespace().getCollectionName())) {
            collection.drop();
        }
    }

    public MongoCollection<Document> documents(String projection, int generation, String collection) {
        return database.getCollection(projection + "_" + collection + "_g" + generation);
    }

    MongoCollection<Document> partitions(String projection, int generation) {
        return database.getCollection(projection + "_partitions_g" + generation);
    }

    PartitionLedger ledger(String projection, int generation) {
        return new PartitionLedger(partitions(projection, generation));
    }

    Batch.DocumentLoader loader(String projection, int generation, String collection) {
        MongoCollection<Document> documents = documents(projection, generation, collection);
        return ids -> {
            Map<String, Document> found = new HashMap<>();
            if (!ids.isEmpty()) {
                for (Document document : documents.find(Filters.in("_id", ids))) {
                    found.put(document.getString("_id"), document);
                }
            }
            return found;
        };
    }

    /**
     * Writes a batch's documents: one unordered bulk write per collection, each new document inserted and each stored
     * one updated by {@code _id} with what the batch changed in it. When two writers create the same document at once,
     * the loser's insert fails as a duplicate key and is done again as the update it now is.
     */
    void write(String projection, int generation, Map<String, Documents> touched) {
        touched.forEach((collection, documents) -> {
            List<WriteModel<Document>> writes = documents.writes();
            MongoCollection<Document> target = documents(projection, generation, collection);
            for (int attempt = 1; !writes.isEmpty(); attempt++) {
                try {
                    target.bulkWrite(writes, new BulkWriteOptions().ordered(false));
                    return;
                } catch (MongoBulkWriteException e) {
                    boolean onlyDuplicates = e.getWriteErrors().stream().allMatch(
                            error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
                    if (!onlyDuplicates || e.getWriteConcernError() != null || attempt == 3) {
                        throw e;
                    }
                    List<WriteModel<Document>> again = new ArrayList<>();
                    for (var error : e.getWriteErrors()) {
                        again.add(documents.retry(writes.get(error.getIndex())));
                    }
                    writes = again;
                }
            }
        });
    }
}
