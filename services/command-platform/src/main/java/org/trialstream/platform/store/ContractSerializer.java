package org.trialstream.platform.store;

import java.util.Optional;

import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.trialstream.kernel.contract.EventContract;
import org.trialstream.kernel.contract.EventContracts;

/**
 * Names a published fact in the event store by its contract name and version ({@code enrolment.PatientEnrolled},
 * revision {@code 1}), never by its Java class, so that a contract record can move or be renamed in the kernel
 * without making stored events unloadable. Axon's upcasters key on that name and revision.
 * <p>
 * Stores written before contract naming hold {@code org.trialstream.kernel.contract.<contract name>}: those names
 * still load, whatever the class is called today. Service-private events (which never leave their service) keep
 * Jackson's class names.
 */
public class ContractSerializer extends JacksonSerializer {

    /** The payload type names the first stores were written with: the kernel package before the contract name. */
    static final String LEGACY_PREFIX = "org.trialstream.kernel.contract.";

    ContractSerializer(Builder builder) {
        super(builder);
    }

    public static ContractSerializer create(com.fasterxml.jackson.databind.ObjectMapper objectMapper) {
        return new ContractSerializer(JacksonSerializer.builder().objectMapper(objectMapper));
    }

    @Override
    public SerializedType typeForClass(Class type) {
        if (type != null) {
            Optional<EventContract> contract = EventContracts.contractOf(type);
            if (contract.isPresent()) {
                return new SimpleSerializedType(contract.get().name(), String.valueOf(contract.get().version()));
            }
        }
        return super.typeForClass(type);
    }

    @Override
    public Class classForType(SerializedType type) {
        String name = type.getName();
        String contractName = name.startsWith(LEGACY_PREFIX) ? name.substring(LEGACY_PREFIX.length()) : name;
        if (EventContracts.knowsName(contractName)) {
            int version = versionOf(type);
            return EventContracts.typeOf(contractName, version).orElseThrow(() -> new SerializationException(
                    "stored " + contractName + " v" + version + " has no Java type here and no upcaster to one: "
                            + "add the upcaster before this service reads it"));
        }
        return super.classForType(type);
    }

    private static int versionOf(SerializedType type) {
        try {
            return type.getRevision() == null ? 1 : Integer.parseInt(type.getRevision());
        } catch (NumberFormatException e) {
            throw new SerializationException("stored " + type.getName() + " has revision '" + type.getRevision()
                    + "', which is no contract version");
        }
    }
}
