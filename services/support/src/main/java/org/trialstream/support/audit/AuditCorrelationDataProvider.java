package org.trialstream.support.audit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.trialstream.kernel.audit.AuditMetadata;

/**
 * Carries the audit metadata of the message being handled onto every message it causes (the events an aggregate
 * applies, the commands a handler sends), and names their cause.
 */
public class AuditCorrelationDataProvider implements CorrelationDataProvider {

    private static final List<String> PROPAGATED = List.of(AuditMetadata.ACTOR_SUBJECT, AuditMetadata.ACTOR_NAME,
            AuditMetadata.ACTOR_ROLE, AuditMetadata.ACTOR_SITE, AuditMetadata.RECORDED_AT,
            AuditMetadata.CLINICAL_DATE, AuditMetadata.CORRELATION_ID, AuditMetadata.REQUEST_ID);

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        for (String key : PROPAGATED) {
            Object value = message.getMetaData().get(key);
            if (value != null) {
                data.put(key, value);
            }
        }
        data.put(AuditMetadata.CAUSATION_ID, causeOf(message));
        return data;
    }

    /**
     * Commands are never recorded, so a fact names what caused its command: the user's request, or the fact of
     * another context the service reacted to. A message that names no cause of its own is the cause.
     */
    private static Object causeOf(Message<?> message) {
        Object cause = message.getMetaData().get(AuditMetadata.CAUSATION_ID);
        return message instanceof CommandMessage<?> && cause != null ? cause : message.getIdentifier();
    }
}
