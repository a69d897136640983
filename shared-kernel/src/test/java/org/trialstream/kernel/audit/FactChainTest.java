package org.trialstream.kernel.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class FactChainTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> WHO = Map.of(AuditMetadata.ACTOR_SUBJECT, "pharm-1",
            AuditMetadata.ACTOR_ROLE, "PHARMACIST", FactChain.CHAIN_ID, "patient-1");

    @Test
    void hashesContentNotLayout() throws Exception {
        Object one = read("{\"cycle\":1,\"tablets\":14,\"days\":[{\"a\":1,\"b\":2}]}");
        Object reordered = read("{ \"tablets\": 14, \"days\": [{\"b\":2, \"a\":1}], \"cycle\": 1 }");

        assertThat(hash("", one, WHO)).isEqualTo(hash("", reordered, WHO));
    }

    @Test
    void hashesThePayloadTheMetadataAndThePreviousHash() throws Exception {
        Object payload = read("{\"tablets\":14}");
        Map<String, String> otherActor = new HashMap<>(WHO);
        otherActor.put(AuditMetadata.ACTOR_SUBJECT, "pharm-2");

        assertThat(hash("", payload, WHO)).isNotEqualTo(hash("", read("{\"tablets\":41}"), WHO))
                .isNotEqualTo(hash("", payload, otherActor))
                .isNotEqualTo(hash("a1", payload, WHO))
                .matches("[0-9a-f]{64}");
    }

    @Test
    void doesNotCoverTheChainsOwnKeys() throws Exception {
        Object payload = read("{\"tablets\":14}");
        Map<String, String> stamped = new HashMap<>(WHO);
        stamped.put(FactChain.HASH, "x");
        stamped.put(FactChain.PREVIOUS, "y");

        assertThat(hash("", payload, stamped)).isEqualTo(hash("", payload, WHO));
    }

    @Test
    void findsAnIntactChainIntact() throws Exception {
        ChainVerification verification = new ChainVerification();
        chain(3).forEach(verification::check);

        assertThat(verification.report()).isEqualTo(new ChainVerification.Report(3, 1, 0, 0, null));
    }

    @Test
    void pinpointsAFactWhoseContentChanged() throws Exception {
        List<ChainVerification.Fact> facts = chain(3);
        ChainVerification.Fact altered = facts.get(1);
        facts.set(1, new ChainVerification.Fact(altered.topic(), altered.partition(), altered.offset(),
                altered.eventId(), altered.eventType(), altered.eventVersion(), read("{\"tablets\":41}"),
                altered.metadata()));
        ChainVerification verification = new ChainVerification();
        facts.forEach(verification::check);

        assertThat(verification.report().broken().offset()).isEqualTo(1);
        assertThat(verification.report().broken().reason()).contains("does not match its hash");
    }

    @Test
    void pinpointsTheFactAfterOneThatWasRemoved() throws Exception {
        List<ChainVerification.Fact> facts = chain(3);
        facts.remove(1);
        ChainVerification verification = new ChainVerification();
        facts.forEach(verification::check);

        assertThat(verification.report().broken().offset()).isEqualTo(2);
        assertThat(verification.report().broken().reason()).contains("missing");
    }

    @Test
    void countsABatchPublishedTwiceAsRedeliveredNotAsABreak() throws Exception {
        List<ChainVerification.Fact> facts = chain(3);
        List<ChainVerification.Fact> log = new ArrayList<>(facts);
        log.addAll(facts.subList(1, 3));
        log.add(chain(4).get(3));
        ChainVerification verification = new ChainVerification();
        log.forEach(verification::check);

        assertThat(verification.report()).isEqualTo(new ChainVerification.Report(4, 1, 0, 2, null));
    }

    @Test
    void pinpointsAChangedCopyOfAFactAlreadyRead() throws Exception {
        List<ChainVerification.Fact> log = chain(2);
        ChainVerification.Fact copy = log.get(0);
        log.add(new ChainVerification.Fact(copy.topic(), copy.partition(), 2, copy.eventId(), copy.eventType(),
                copy.eventVersion(), read("{\"tablets\":41}"), copy.metadata()));
        ChainVerification verification = new ChainVerification();
        log.forEach(verification::check);

        assertThat(verification.report().broken().offset()).isEqualTo(2);
        assertThat(verification.report().broken().reason()).contains("does not match its hash");
    }

    /** {@code length} facts of one chain at offsets 0 to length - 1. */
    static List<ChainVerification.Fact> chain(int length) throws Exception {
        List<ChainVerification.Fact> facts = new ArrayList<>();
        String previous = FactChain.GENESIS;
        for (int i = 0; i < length; i++) {
            Object payload = read("{\"tablets\":" + (10 + i) + "}");
            String hash = FactChain.hash(previous, "dosing.AnlotinibDispensed", 1, "event-" + i, payload, WHO);
            Map<String, String> metadata = new HashMap<>(WHO);
            metadata.put(FactChain.PREVIOUS, previous);
            metadata.put(FactChain.HASH, hash);
            facts.add(new ChainVerification.Fact("trial.dosing.events", 0, i, "event-" + i,
                    "dosing.AnlotinibDispensed", 1, payload, metadata));
            previous = hash;
        }
        return facts;
    }

    private static Object read(String json) throws Exception {
        return JSON.readValue(json, Object.class);
    }

    private static String hash(String previous, Object payload, Map<String, String> metadata) {
        return FactChain.hash(previous, "dosing.AnlotinibDispensed", 1, "event-1", payload, metadata);
    }
}
