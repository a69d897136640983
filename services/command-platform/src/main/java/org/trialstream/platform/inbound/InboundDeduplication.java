package org.trialstream.platform.inbound;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Lets each fact through once per processor. The ledger row is written in the processor's transaction, so it
 * commits or rolls back together with the reaction's events and the token: a redelivered fact (the topic is at least
 * once) finds its row and is passed over.
 */
class InboundDeduplication implements MessageHandlerInterceptor<EventMessage<?>> {

    private final JdbcTemplate jdbc;
    private final String processorName;

    InboundDeduplication(JdbcTemplate jdbc, String processorName) {
        this.jdbc = jdbc;
        this.processorName = processorName;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        String eventId = unitOfWork.getMessage().getIdentifier();
        int recorded = jdbc.update("INSERT INTO inbound_event (processor_name, event_id) SELECT ?, ? "
                + "WHERE NOT EXISTS (SELECT 1 FROM inbound_event WHERE processor_name = ? AND event_id = ?)",
                processorName, eventId, processorName, eventId);
        if (recorded == 0) {
            return null;
        }
        return interceptorChain.proceed();
    }
}
