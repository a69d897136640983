package org.trialstream.projections.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.trialstream.kernel.contract.ContractRecordHeaders;
import org.trialstream.kernel.contract.EventContract;
import org.trialstream.kernel.contract.EventContracts;
import org.trialstream.kernel.contract.TrialEvent;
import org.trialstream.kernel.contract.enrolment.PatientScreened;

class ContractRecordReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final Path GOLDEN = Path.of("../../shared-kernel/src/test/resources/contracts");
    private static final UUID PATIENT = UUID.fromString("6f1c2a9e-3b7d-4c1e-9a55-0d2f8e4b7a10");

    /** A test-only second version of PatientScreened: the screening visit gains a kind. */
    @EventContract(name = "enrolment.PatientScreened", version = 2)
    record PatientScreenedV2(UUID patientId, String screeningNumber, String siteId, LocalDate screenedOn,
                             String visitKind) implements TrialEvent {
    }

    /** v1 had no visit kind: every screening of v1 was an in-person visit. */
    static final Upcaster SCREENED_V1_TO_V2 = new Upcaster() {
        @Override
        public String contract() {
            return "enrolment.PatientScreened";
        }

        @Override
        public int fromVersion() {
            return 1;
        }

        @Override
        public ObjectNode upcast(ObjectNode payload) {
            return payload.put("visitKind", "IN_PERSON");
        }
    };

    @Test
    void readsTheOldAndTheNewVersionOfAContractAsTheNewOne() throws Exception {
        ContractRecordReader reader = new ContractRecordReader(JSON, List.of(PatientScreenedV2.class),
                List.of(SCREENED_V1_TO_V2));
        byte[] v1 = JSON.writeValueAsBytes(new PatientScreened(PATIENT, "S-001", "RJH", LocalDate.of(2026, 3, 2)));
        byte[] v2 = JSON.writeValueAsBytes(new PatientScreenedV2(PATIENT, "S-002", "RJH", LocalDate.of(2026, 3, 3),
                "TELEPHONE"));

        assertThat(reader.read(record("enrolment.PatientScreened", 1, v1)).orElseThrow().payload())
                .isEqualTo(new PatientScreenedV2(PATIENT, "S-001", "RJH", LocalDate.of(2026, 3, 2), "IN_PERSON"));
        assertThat(reader.read(record("enrolment.PatientScreened", 2, v2)).orElseThrow().payload())
                .isEqualTo(new PatientScreenedV2(PATIENT, "S-002", "RJH", LocalDate.of(2026, 3, 3), "TELEPHONE"));
    }

    @Test
    void refusesToStartWithoutAnUpcasterForEveryOlderVersion() {
        assertThatThrownBy(() -> new ContractRecordReader(JSON, List.of(PatientScreenedV2.class), List.of()))
                .hasMessageContaining("no upcaster from enrolment.PatientScreened v1 to v2");
    }

    @Test
    void stopsAtAVersionNewerThanItReads() {
        ContractRecordReader reader = new ContractRecordReader(JSON, List.of());
        assertThatThrownBy(() -> reader.read(record("enrolment.PatientScreened", 9, "{}".getBytes())))
                .hasMessageContaining("enrolment.PatientScreened v9")
                .hasMessageContaining("reads up to v1");
    }

    @Test
    void skipsAContractItDoesNotKnowAtAll() {
        ContractRecordReader reader = new ContractRecordReader(JSON, List.of());
        assertThat(reader.read(record("dosing.SomethingNew", 1, "{}".getBytes()))).isEmpty();
    }

    static Stream<Path> goldenFiles() throws IOException {
        try (Stream<Path> files = Files.walk(GOLDEN)) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    /** Every version ever published stays readable: the topics keep every record for ever. */
    @ParameterizedTest
    @MethodSource("goldenFiles")
    void readsEveryGoldenVersionEverPublished(Path golden) throws IOException {
        Matcher name = Pattern.compile("(\\w+)\\.v(\\d+)\\.json").matcher(golden.getFileName().toString());
        assertThat(name.matches()).isTrue();
        String contract = golden.getParent().getFileName() + "." + name.group(1);
        ContractRecordReader reader = new ContractRecordReader(JSON, List.of());

        ContractEvent fact = reader.read(record(contract, Integer.parseInt(name.group(2)),
                Files.readAllBytes(golden))).orElseThrow();

        assertThat(fact.type()).isEqualTo(contract);
        assertThat(EventContracts.contractOf(fact.payload().getClass())).isPresent();
    }

    private static ConsumerRecord<String, byte[]> record(String type, int version, byte[] value) {
        RecordHeaders headers = new RecordHeaders();
        new ContractRecordHeaders(type, version, UUID.randomUUID().toString(), Instant.parse("2026-03-04T09:00:00Z"),
                null, Map.of()).toHeaders().forEach(headers::add);
        return new ConsumerRecord<>("trial.enrolment.events", 0, 7L, ConsumerRecord.NO_TIMESTAMP,
                TimestampType.NO_TIMESTAMP_TYPE, ConsumerRecord.NULL_SIZE, ConsumerRecord.NULL_SIZE, "key", value,
                headers, java.util.Optional.empty());
    }
}
