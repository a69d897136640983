package org.trialstream.kernel.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ContractRecordHeadersTest {

    private static final ContractRecordHeaders HEADERS = new ContractRecordHeaders("enrolment.PatientEnrolled", 1,
            "e-1", Instant.parse("2026-03-04T09:15:00Z"), 2L,
            Map.of("actorSubject", "investigator-1", "correlationId", "c-1"));

    @Test
    void writesEveryContractHeaderAndTheMetadataUnderItsPrefix() {
        Map<String, byte[]> written = HEADERS.toHeaders();

        assertThat(written.keySet()).containsExactly("event-type", "event-version", "event-id", "event-timestamp",
                "record-version", "meta-actorSubject", "meta-correlationId");
        assertThat(new String(written.get("event-timestamp"), StandardCharsets.UTF_8))
                .isEqualTo("2026-03-04T09:15:00Z");
    }

    @Test
    void readsBackWhatItWrote() {
        assertThat(read(new ArrayList<>(HEADERS.toHeaders().entrySet()))).isEqualTo(HEADERS);
    }

    @Test
    void theLastOfARepeatedHeaderCounts() {
        List<Map.Entry<String, byte[]>> headers = new ArrayList<>(HEADERS.toHeaders().entrySet());
        headers.add(Map.entry("event-version", "2".getBytes(StandardCharsets.UTF_8)));

        assertThat(read(headers).eventVersion()).isEqualTo(2);
    }

    @Test
    void refusesARecordWithoutAnEventIdNamingTheHeader() {
        List<Map.Entry<String, byte[]>> headers = new ArrayList<>(HEADERS.toHeaders().entrySet());
        headers.removeIf(header -> header.getKey().equals("event-id"));

        assertThatThrownBy(() -> read(headers)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the record has no event-id header");
    }

    @Test
    void refusesAMalformedVersion() {
        List<Map.Entry<String, byte[]>> headers = new ArrayList<>(HEADERS.toHeaders().entrySet());
        headers.add(Map.entry("event-version", "one".getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> read(headers)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("malformed contract header");
    }

    private static ContractRecordHeaders read(List<Map.Entry<String, byte[]>> headers) {
        return ContractRecordHeaders.read(headers, Map.Entry::getKey, Map.Entry::getValue);
    }
}
