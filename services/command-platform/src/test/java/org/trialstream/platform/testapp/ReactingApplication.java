package org.trialstream.platform.testapp;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;
import org.trialstream.kernel.contract.enrolment.PatientEnrolled;
import org.trialstream.platform.inbound.InboundFacts;
import org.trialstream.support.audit.AuditCommandInterceptor;

/** A minimal command service on the platform: it plans a course for every patient enrolment publishes. */
@SpringBootApplication
public class ReactingApplication {

    public record PlanCourseCommand(@TargetAggregateIdentifier UUID patientId, LocalDate surgeryDate) {
    }

    /** Service-private: never published. */
    public record CoursePlanned(UUID patientId, LocalDate surgeryDate) {
    }

    @Aggregate
    static class Course {
        @AggregateIdentifier
        private UUID patientId;

        Course() {
        }

        @CommandHandler
        Course(PlanCourseCommand command) {
            AggregateLifecycle.apply(new CoursePlanned(command.patientId(), command.surgeryDate()));
        }

        @EventSourcingHandler
        void on(CoursePlanned event) {
            patientId = event.patientId();
        }
    }

    @Component
    @ProcessingGroup(InboundFacts.PROCESSING_GROUP)
    static class EnrolmentReactions {
        private final CommandGateway commands;

        EnrolmentReactions(CommandGateway commands) {
            this.commands = commands;
        }

        @EventHandler
        void on(PatientEnrolled enrolled) {
            commands.sendAndWait(new PlanCourseCommand(enrolled.patientId(), enrolled.surgeryDate()));
        }
    }

    /** The audit interceptor, counting how often it stamps a command. */
    public static class CountingAuditInterceptor extends AuditCommandInterceptor {
        public final AtomicInteger stamped = new AtomicInteger();

        CountingAuditInterceptor(Clock clock) {
            super(clock, "dosing");
        }

        @Override
        public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
                List<? extends CommandMessage<?>> messages) {
            BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> stamp = super.handle(messages);
            return (index, command) -> {
                stamped.incrementAndGet();
                return stamp.apply(index, command);
            };
        }
    }

    @Bean
    CountingAuditInterceptor auditCommandInterceptor(Clock clock) {
        return new CountingAuditInterceptor(clock);
    }
}
