package org.trialstream.platform.domain;

import org.axonframework.messaging.MetaData;
import org.trialstream.kernel.audit.AuditMetadata;
import org.trialstream.kernel.security.Role;

/**
 * Who may act on a patient's record, decided inside the aggregate from the command's audit metadata. It denies by
 * default: site staff only at their own site, the other roles everywhere, a service's own reaction
 * ({@code system:<context>}, no role) everywhere, and anyone else (no actor, a missing or unknown role) nowhere.
 */
public final class PatientAccess {

    public static final String SYSTEM_PREFIX = "system:";

    private PatientAccess() {
    }

    /** Throws {@link NotFound} when the actor may not see a patient of {@code patientSite}. */
    public static void requireVisible(MetaData metaData, String patientSite) {
        if (!mayAct(metaData, patientSite)) {
            throw NotFound.patient();
        }
    }

    static boolean mayAct(MetaData metaData, String patientSite) {
        String subject = text(metaData, AuditMetadata.ACTOR_SUBJECT);
        String role = text(metaData, AuditMetadata.ACTOR_ROLE);
        if (role == null) {
            return subject != null && subject.startsWith(SYSTEM_PREFIX);
        }
        return Role.named(role)
                .map(acting -> acting.maySee(text(metaData, AuditMetadata.ACTOR_SITE), patientSite))
                .orElse(false);
    }

    private static String text(MetaData metaData, String key) {
        Object value = metaData.get(key);
        return value == null ? null : value.toString();
    }
}
