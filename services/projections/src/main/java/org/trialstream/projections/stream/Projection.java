package org.trialstream.projections.stream;

import java.util.Set;

/**
 * A read model built only from published facts. It is given one poll's facts at a time and changes documents in
 * memory through the {@link Batch}; the runner writes them (one bulk write per collection) and the counters. Applying
 * the same fact twice must change nothing, and applying the whole log to an empty model must give the same documents
 * every time: documents hold only what the facts say, never the time of processing or a protocol file's numbers.
 */
public interface Projection {

    /** The projection's name in the API and in its collections' names, for example {@code registry}. */
    String name();

    /** The topics this projection reads. */
    Set<String> topics();

    /** The logical names of its document collections. */
    Set<String> collections();

    void apply(Batch batch);
}
