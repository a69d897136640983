package org.trialstream.projections.stream;

import java.util.HashMap;
import java.util.Map;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;

/**
 * The next offset to read per partition, stored in the same MongoDB database as the read models and written after
 * the documents it covers. After a crash the projection re-reads from here; documents it had already updated
 * recognise the event ids and ignore the repeat.
 */
public class Positions {

    private final MongoCollection<Document> collection;

    public Positions(MongoCollection<Document> collection) {
        this.collection = collection;
    }

    public Map<TopicPartition, Long> load() {
        Map<TopicPartition, Long> positions = new HashMap<>();
        for (Document document : collection.find()) {
            positions.put(new TopicPartition(document.getString("topic"), document.getInteger("partition")),
                    document.getLong("offset"));
        }
        return positions;
    }

    public void save(TopicPartition partition, long nextOffset) {
        collection.replaceOne(new Document("_id", partition.toString()),
                new Document("_id", partition.toString())
                        .append("topic", partition.topic())
                        .append("partition", partition.partition())
                        .append("offset", nextOffset),
                new ReplaceOptions().upsert(true));
    }

    public void drop() {
        collection.deleteMany(new Document());
    }
}
