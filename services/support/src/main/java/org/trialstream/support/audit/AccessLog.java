package org.trialstream.support.audit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.trialstream.support.security.Actor;
import org.trialstream.support.web.RequestIds;

/**
 * Who read which patient's data, and when, for every service that shows patient data. Reads are facts of the serving
 * service, not of the trial log, so the access log is never dropped by a rebuild of read models. It is kept in the
 * service's MongoDB database, beside the read models it shows.
 */
public class AccessLog {

    private final MongoCollection<Document> entries;
    private final Clock clock;

    public AccessLog(MongoCollection<Document> entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    public void recordRead(Actor actor, List<String> patientIds, String endpoint) {
        String requestId = RequestIds.current().map(RequestIds.Ids::requestId).orElse(null);
        if (patientIds.isEmpty()) {
            return;
        }
        String at = clock.instant().toString();
        List<Document> reads = new ArrayList<>();
        for (String patientId : patientIds) {
            Document read = new Document("at", at)
                    .append("patientId", patientId)
                    .append("subject", actor.subject())
                    .append("name", actor.name())
                    .append("role", actor.role() == null ? null : actor.role().name())
                    .append("endpoint", endpoint)
                    .append("requestId", requestId);
            if (actor.site() != null) {
                read.append("site", actor.site());
            }
            reads.add(read);
        }
        entries.insertMany(reads);
    }

    /** Newest first; either filter may be absent. */
    public List<Document> find(String patientId, String subject, int limit) {
        List<Bson> filters = new ArrayList<>();
        if (patientId != null) {
            filters.add(Filters.eq("patientId", patientId));
        }
        if (subject != null) {
            filters.add(Filters.eq("subject", subject));
        }
        List<Document> found = new ArrayList<>();
        entries.find(filters.isEmpty() ? new Document() : Filters.and(filters))
                .sort(Sorts.descending("at")).limit(limit).projection(new Document("_id", 0)).into(found);
        return found;
    }
}
