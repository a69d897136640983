package org.trialstream.platform.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.junit.jupiter.api.Test;
import org.trialstream.kernel.contract.enrolment.PatientScreened;

class ContractSerializerTest {

    private final ContractSerializer serializer = ContractSerializer.create(new ObjectMapper().findAndRegisterModules());
    private final PatientScreened screened = new PatientScreened(UUID.randomUUID(), "S-001", "RJH",
            LocalDate.of(2026, 3, 1));

    record ServicePrivateFact(String note) {
    }

    @Test
    void namesAPublishedFactByItsContractNameAndVersionNeverItsJavaClass() {
        SerializedObject<byte[]> stored = serializer.serialize(screened, byte[].class);

        assertThat(stored.getType()).isEqualTo(new SimpleSerializedType("enrolment.PatientScreened", "1"));
        assertThat((Object) serializer.deserialize(stored)).isEqualTo(screened);
    }

    @Test
    void readsAFactStoredUnderTheClassNameTheFirstStoresUsed() {
        SerializedObject<byte[]> stored = serializer.serialize(screened, byte[].class);
        SerializedType legacy = new SimpleSerializedType("org.trialstream.kernel.contract.enrolment.PatientScreened",
                "1");

        Object read = serializer.deserialize(new SimpleSerializedObject<>(stored.getData(), byte[].class, legacy));

        assertThat(read).isEqualTo(screened);
    }

    @Test
    void refusesAStoredVersionItHasNoTypeOrUpcasterFor() {
        assertThatThrownBy(() -> serializer.classForType(new SimpleSerializedType("enrolment.PatientScreened", "9")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("enrolment.PatientScreened v9");
    }

    @Test
    void keepsTheClassNameOfAServicePrivateEvent() {
        assertThat(serializer.typeForClass(ServicePrivateFact.class).getName())
                .isEqualTo(ServicePrivateFact.class.getName());
    }
}
