package org.trialstream.kernel.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each contract version is pinned by a JSON sample under {@code contracts/<context>/<Fact>.v<version>.json}: the JSON
 * the services publish must read back into an equal event, and an event must write out as that JSON.
 */
class ContractGoldenFileTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    static Stream<TrialEvent> samples() {
        return ContractSamples.ALL.stream();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void goldenSampleReadsBackIntoTheSameEvent(TrialEvent sample) throws IOException {
        assertThat(JSON.readValue(golden(sample.getClass()), sample.getClass())).isEqualTo(sample);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void eventWritesExactlyTheGoldenJson(TrialEvent sample) throws IOException {
        JsonNode expected = JSON.readTree(golden(sample.getClass()));
        JsonNode actual = JSON.valueToTree(sample);
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void everyPublishedContractHasASample() {
        assertThat(ContractSamples.ALL).extracting(Object::getClass)
                .containsExactlyInAnyOrderElementsOf(EventContracts.all());
    }

    private static InputStream golden(Class<?> type) {
        EventContract contract = type.getAnnotation(EventContract.class);
        String context = EventContracts.contextOf(contract).id();
        String fact = contract.name().substring(contract.name().indexOf('.') + 1);
        String path = "/contracts/" + context + "/" + fact + ".v" + contract.version() + ".json";
        InputStream in = ContractGoldenFileTest.class.getResourceAsStream(path);
        assertThat(in).as("golden sample %s", path).isNotNull();
        return in;
    }
}
