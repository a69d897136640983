package org.trialstream.platform;

import java.time.Clock;
import java.time.ZoneId;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.trialstream.platform.domain.ClinicalCalendar;
import org.trialstream.platform.web.CommandExceptionHandler;
import org.trialstream.platform.web.CommandSender;
import org.trialstream.protocol.definition.Protocol;

/** What a command service's aggregates and controllers use: the clinical calendar, sending, and refusals. */
@AutoConfiguration
public class CommandPlatformAutoConfiguration {

    /** Aggregates receive it as a handler parameter: "today" at the site, and the study's floor for dates. */
    @Bean
    ClinicalCalendar clinicalCalendar(Clock clock, @Value("${trial.clinical-time-zone}") ZoneId zone,
                                      Protocol protocol) {
        return new ClinicalCalendar(clock, zone, protocol.enrolment().clinicalDatesFrom());
    }

    @Bean
    CommandSender commandSender(CommandGateway commands) {
        return new CommandSender(commands);
    }

    @Bean
    CommandExceptionHandler commandExceptionHandler() {
        return new CommandExceptionHandler();
    }
}
