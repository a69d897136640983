package org.trialstream.support.audit;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.trialstream.kernel.audit.AuditMetadata;
import org.trialstream.support.security.Actor;
import org.trialstream.support.web.RequestIds;

/**
 * Stamps every command, as it is dispatched, with who sends it, when it was recorded (the service's UTC clock), and
 * the request, correlation and causation ids. A command sent by the service itself, outside any request, names the service.
 */
public class AuditCommandInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    private final Clock clock;
    private final String serviceName;

    public AuditCommandInterceptor(Clock clock, String serviceName) {
        this.clock = clock;
        this.serviceName = serviceName;
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        return (index, command) -> command.andMetaData(auditOf(command));
    }

    private Map<String, Object> auditOf(CommandMessage<?> command) {
        Map<String, Object> audit = new HashMap<>();
        Actor.current().ifPresentOrElse(actor -> {
            audit.put(AuditMetadata.ACTOR_SUBJECT, actor.subject());
            audit.put(AuditMetadata.ACTOR_NAME, actor.name());
            if (actor.role() != null) {
                audit.put(AuditMetadata.ACTOR_ROLE, actor.role().name());
            }
            if (actor.site() != null) {
                audit.put(AuditMetadata.ACTOR_SITE, actor.site());
            }
        }, () -> {
            if (!command.getMetaData().containsKey(AuditMetadata.ACTOR_SUBJECT)) {
                audit.put(AuditMetadata.ACTOR_SUBJECT, "system:" + serviceName);
                audit.put(AuditMetadata.ACTOR_NAME, serviceName);
            }
        });
        RequestIds.current().ifPresent(ids -> {
            audit.put(AuditMetadata.REQUEST_ID, ids.requestId());
            audit.put(AuditMetadata.CORRELATION_ID, ids.correlationId());
            // A user's request causes the command; commands sent while handling a message name that message.
            audit.put(AuditMetadata.CAUSATION_ID, ids.requestId());
        });
        if (!audit.containsKey(AuditMetadata.CORRELATION_ID)
                && !command.getMetaData().containsKey(AuditMetadata.CORRELATION_ID)) {
            audit.put(AuditMetadata.CORRELATION_ID, command.getIdentifier());
        }
        audit.put(AuditMetadata.RECORDED_AT, clock.instant().toString());
        return audit;
    }
}
