package org.trialstream.platform.web;

import java.time.LocalDate;
import java.util.Map;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.trialstream.kernel.audit.AuditMetadata;

/** Sends a user's command and waits for its outcome; the clinical date the user gave travels as audit metadata. */
public class CommandSender {

    private final CommandGateway commands;

    public CommandSender(CommandGateway commands) {
        this.commands = commands;
    }

    public <R> R send(Object command, LocalDate clinicalDate) {
        CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command);
        if (clinicalDate != null) {
            message = message.andMetaData(Map.of(AuditMetadata.CLINICAL_DATE, clinicalDate.toString()));
        }
        return commands.sendAndWait(message);
    }
}
