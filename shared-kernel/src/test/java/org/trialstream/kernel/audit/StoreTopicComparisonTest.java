package org.trialstream.kernel.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StoreTopicComparisonTest {

    private static final String TOPIC = "trial.dosing.events";

    /** Three facts of one patient's chain: stored at global indexes 10, 11 and 12. */
    private final List<String> hashes = hashes("patient-1", 3);

    @Test
    void agreesWhenEveryPublishedFactIsOnTheTopicAndCountsTheUnsentAsPending() {
        StoreTopicComparison comparison = new StoreTopicComparison(TOPIC);
        topic(comparison, 0, 1);
        store(comparison, 2);

        assertThat(comparison.compare())
                .isEqualTo(new StoreTopicComparison.Report(TOPIC, 3, 2, 1, 0, null));
    }

    @Test
    void ignoresABatchPublishedTwice() {
        StoreTopicComparison comparison = new StoreTopicComparison(TOPIC);
        topic(comparison, 0, 1, 2, 1, 2);
        store(comparison, 3);

        assertThat(comparison.compare().agree()).isTrue();
        assertThat(comparison.compare().onTopic()).isEqualTo(3);
    }

    @Test
    void namesAPublishedFactThatIsNotOnTheTopic() {
        StoreTopicComparison comparison = new StoreTopicComparison(TOPIC);
        topic(comparison, 0);
        store(comparison, 3);

        StoreTopicComparison.Difference first = comparison.compare().first();
        assertThat(first).isEqualTo(new StoreTopicComparison.Difference("patient-1", 1, -1, -1, 11,
                "the fact was stored and published, but it is not on the topic: it was deleted there"));
    }

    @Test
    void namesAFactOnTheTopicThatTheStoreLacks() {
        StoreTopicComparison comparison = new StoreTopicComparison(TOPIC);
        topic(comparison, 0, 1, 2);
        store(comparison, 3);
        List<String> forged = hashes("patient-2", 1);
        comparison.onTopic("patient-2", FactChain.GENESIS, forged.get(0), 4, 7);

        StoreTopicComparison.Report report = comparison.compare();
        assertThat(report.differences()).isEqualTo(1);
        assertThat(report.first().chainId()).isEqualTo("patient-2");
        assertThat(report.first().offset()).isEqualTo(7);
        assertThat(report.first().storeIndex()).isEqualTo(-1);
        assertThat(report.first().reason()).contains("not in the service's event store");
    }

    @Test
    void namesTheFirstPositionWhereTheTopicAndTheStoreHoldDifferentFacts() {
        StoreTopicComparison comparison = new StoreTopicComparison(TOPIC);
        topic(comparison, 0);
        comparison.onTopic("patient-1", hashes.get(0), hashes("patient-9", 2).get(1), 0, 1);
        store(comparison, 3);

        StoreTopicComparison.Difference first = comparison.compare().first();
        assertThat(first.position()).isEqualTo(1);
        assertThat(first.offset()).isEqualTo(1);
        assertThat(first.storeIndex()).isEqualTo(11);
        assertThat(first.reason()).contains("not the stored fact");
    }

    /** The facts at the given positions of the chain, as the topic's records in that order. */
    private void topic(StoreTopicComparison comparison, int... positions) {
        int offset = 0;
        for (int position : positions) {
            String previous = position == 0 ? FactChain.GENESIS : hashes.get(position - 1);
            comparison.onTopic("patient-1", previous, hashes.get(position), 0, offset++);
        }
    }

    /** The chain's facts as stored, the first {@code published} of them already sent. */
    private void store(StoreTopicComparison comparison, int published) {
        for (int i = 0; i < hashes.size(); i++) {
            comparison.inStore("patient-1", hashes.get(i), 10 + i, i < published);
        }
    }

    private static List<String> hashes(String chainId, int length) {
        List<String> chain = new ArrayList<>();
        String previous = FactChain.GENESIS;
        for (int i = 0; i < length; i++) {
            previous = FactChain.hash(previous, "dosing.AnlotinibDispensed", 1, chainId + "-" + i, i,
                    Map.of(FactChain.CHAIN_ID, chainId));
            chain.add(previous);
        }
        return chain;
    }
}
