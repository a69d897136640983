package org.trialstream.projections.stream;

import java.util.Map;

import org.apache.kafka.common.TopicPartition;

/** Where a rebuild stands: records re-applied out of the records in the log when it started. */
public record RebuildProgress(State state, long processed, long total, Map<TopicPartition, Long> endOffsets) {

    public enum State { IDLE, REQUESTED, RUNNING, DONE }

    static RebuildProgress idle() {
        return new RebuildProgress(State.IDLE, 0, 0, Map.of());
    }

    static RebuildProgress requested() {
        return new RebuildProgress(State.REQUESTED, 0, 0, Map.of());
    }

    static RebuildProgress running(long total, Map<TopicPartition, Long> endOffsets) {
        return new RebuildProgress(total == 0 ? State.DONE : State.RUNNING, 0, total, Map.copyOf(endOffsets));
    }

    RebuildProgress at(long processed) {
        return new RebuildProgress(processed >= total ? State.DONE : State.RUNNING, processed, total, endOffsets);
    }
}
