package org.trialstream.support.audit;

import java.time.Clock;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Audit metadata on every command and event of an Axon service. Configured before Axon's own auto-configuration,
 * whose default MessageOriginProvider steps back when another correlation data provider exists.
 */
@AutoConfiguration(beforeName = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration")
@ConditionalOnClass(CommandBus.class)
public class AuditAutoConfiguration {

    /** Replaces Axon's default MessageOriginProvider: the audit trail has its own correlation and causation ids. */
    @Bean
    CorrelationDataProvider auditCorrelationDataProvider() {
        return new AuditCorrelationDataProvider();
    }

    /** A dispatch interceptor bean: Axon's auto-configuration registers it on the command gateway, once. */
    @Bean
    @ConditionalOnMissingBean
    AuditCommandInterceptor auditCommandInterceptor(Clock clock, @Value("${spring.application.name}") String name) {
        return new AuditCommandInterceptor(clock, name);
    }
}
