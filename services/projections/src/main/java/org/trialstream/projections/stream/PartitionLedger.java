package org.trialstream.projections.stream;

import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * One document per partition of one projection generation: how far its facts are counted ({@code countedNext}) and
 * applied to the documents ({@code appliedNext}), and the counters. Counting comes first, as one conditional write
 * that moves {@code countedNext} only from the value the writer saw, so each offset is counted exactly once, however
 * often it is read and by however many writers. The documents follow; {@code appliedNext} last. A reader resumes at
 * {@code appliedNext}: facts it meets again are in their documents already, or counted and not yet applied.
 */
final class PartitionLedger {

    static final String COUNTERS = "counters";

    private final MongoCollection<Document> partitions;

    PartitionLedger(MongoCollection<Document> partitions) {
        this.partitions = partitions;
    }

    /** Where each partition's next unapplied fact is. */
    Map<TopicPartition, Long> appliedNext() {
        Map<TopicPartition, Long> positions = new HashMap<>();
        for (Document partition : partitions.find()) {
            positions.put(new TopicPartition(partition.getString("topic"), partition.getInteger("partition")),
                    partition.getLong("appliedNext"));
        }
        return positions;
    }

    /**
     * Counts the facts of offsets {@code [first, end)} of one partition, each offset's counter changes at most once.
     * {@code changes} holds the changes by offset (offsets without changes may be absent).
     */
    void count(TopicPartition partition, long first, long end, NavigableMap<Long, Map<String, Long>> changes) {
        long from = first;
        while (from < end) {
            Map<String, Long> sum = new TreeMap<>();
            changes.tailMap(from, true).values().forEach(change -> change.forEach((k, v) -> sum.merge(k, v, Long::sum)));
            Bson update = Updates.set("countedNext", end);
            if (!sum.isEmpty()) {
                update = Updates.combine(update, Updates.combine(sum.entrySet().stream()
                        .map(e -> Updates.inc(COUNTERS + "." + e.getKey(), e.getValue())).toList()));
            }
            if (partitions.updateOne(Filters.and(Filters.eq("_id", id(partition)), Filters.eq("countedNext", from)),
                    update).getMatchedCount() == 1) {
                return;
            }
            Document current = partitions.find(Filters.eq("_id", id(partition))).first();
            if (current == null) {
                create(partition, first);
                continue;
            }
            long counted = current.getLong("countedNext");
            if (counted >= end) {
                return;
            }
            if (counted < first) {
                throw new IllegalStateException(partition + " is counted to " + counted + " but the batch starts at "
                        + first + ": facts in between were never read");
            }
            from = counted;
        }
    }

    void applied(TopicPartition partition, long end) {
        partitions.updateOne(Filters.and(Filters.eq("_id", id(partition)), Filters.lt("appliedNext", end)),
                Updates.set("appliedNext", end));
    }

    /** The counters summed over all partitions. */
    Map<String, Long> counters() {
        Map<String, Long> sums = new TreeMap<>();
        for (Document partition : partitions.find()) {
            Document counters = partition.get(COUNTERS, Document.class);
            if (counters != null) {
                counters.forEach((key, value) -> sums.merge(key, ((Number) value).longValue(), Long::sum));
            }
        }
        return sums;
    }

    private void create(TopicPartition partition, long first) {
        try {
            partitions.insertOne(new Document("_id", id(partition)).append("topic", partition.topic())
                    .append("partition", partition.partition()).append("countedNext", first)
                    .append("appliedNext", first).append(COUNTERS, new Document()));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    private static String id(TopicPartition partition) {
        return partition.topic() + ":" + partition.partition();
    }
}
