package org.trialstream.kernel.contract;

/** The contexts that publish facts; each owns exactly one topic, {@code trial.<context>.events}. */
public enum BoundedContext {
    ENROLMENT("enrolment"),
    DOSING("dosing"),
    RADIOTHERAPY("radiotherapy"),
    SAFETY("safety"),
    FOLLOW_UP("follow-up");

    private final String id;

    BoundedContext(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The topic naming rule: every context publishes to {@code trial.<context>.events}. */
    public String topic() {
        return "trial." + id + ".events";
    }

    public static BoundedContext ofId(String id) {
        for (BoundedContext context : values()) {
            if (context.id.equals(id)) {
                return context;
            }
        }
        throw new IllegalArgumentException("no bounded context '" + id + "'");
    }
}
