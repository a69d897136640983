package org.trialstream.support.audit;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.trialstream.kernel.audit.AuditMetadata;
import org.trialstream.support.security.Actor;
import org.trialstream.support.web.RequestIds;

/**
 * Stamps every command, as it is dispatched, with who sends it, when it was recorded (the service's UTC clock), and
 * the request, correlation and causation ids. A command sent by the service itself, outside any request, names the
 * service; so does a reaction to another context's fact, whose correlation and cause stay those of the fact.
 */
public class AuditCommandInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    /** The subject of the service itself, {@code system:<service>}: a reaction or a start-up command. */
    public static final String SYSTEM_PREFIX = "system:";

    private final Clock clock;
    private final String serviceName;

    public AuditCommandInterceptor(Clock clock, String serviceName) {
        this.clock = clock;
        this.serviceName = serviceName;
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        return (index, command) -> stamp(command);
    }

    private CommandMessage<?> stamp(CommandMessage<?> command) {
        if (isReaction()) {
            // The command inherited the triggering fact's actor: the reaction is the service's own act.
            Map<String, Object> metadata = new HashMap<>(command.getMetaData());
            metadata.keySet().removeAll(List.of(AuditMetadata.ACTOR_ROLE, AuditMetadata.ACTOR_SITE));
            metadata.put(AuditMetadata.ACTOR_SUBJECT, SYSTEM_PREFIX + serviceName);
            metadata.put(AuditMetadata.ACTOR_NAME, serviceName);
            metadata.put(AuditMetadata.RECORDED_AT, clock.instant().toString());
            return command.withMetaData(metadata);
        }
        return command.andMetaData(auditOf(command));
    }

    /** A command sent while a fact of the event stream is being handled: a reaction, not a user's request. */
    private static boolean isReaction() {
        return CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().getMessage() instanceof EventMessage<?>;
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
                audit.put(AuditMetadata.ACTOR_SUBJECT, SYSTEM_PREFIX + serviceName);
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
