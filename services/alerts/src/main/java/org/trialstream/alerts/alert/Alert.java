package org.trialstream.alerts.alert;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What a safety officer is alerted to: a serious adverse event (or its upgrade), or a report to the sponsor that is
 * overdue. Patients appear only by study identifiers. The id is the id of the safety fact it comes from, so that a
 * fact read twice is one alert.
 *
 * @param raisedAt when safety recorded the fact
 * @param storedAt when this service stored the alert: from then on no subscriber can miss it
 * @param deadlines the reports due for a serious event; for an overdue report, that one report
 */
public record Alert(String id, Kind kind, boolean upgrade, String patientId, String screeningNumber, String siteId,
                    String adverseEventId, String term, Integer grade, List<String> criteria, LocalDate awareOn,
                    boolean susar, List<Deadline> deadlines, Instant raisedAt, Instant storedAt, State state,
                    Instant escalatedAt, String acknowledgedBy, Instant acknowledgedAt) {

    /** A new, open alert read from a fact; {@link #storedAt} is set when it is stored. */
    static Alert raised(String id, Kind kind, boolean upgrade, String patientId, String screeningNumber,
                        String siteId, String adverseEventId, String term, Integer grade, List<String> criteria,
                        LocalDate awareOn, boolean susar, List<Deadline> deadlines, Instant raisedAt) {
        return new Alert(id, kind, upgrade, patientId, screeningNumber, siteId, adverseEventId, term, grade, criteria,
                awareOn, susar, deadlines, raisedAt, null, State.OPEN, null, null, null);
    }

    Alert storedAt(Instant at) {
        return new Alert(id, kind, upgrade, patientId, screeningNumber, siteId, adverseEventId, term, grade, criteria,
                awareOn, susar, deadlines, raisedAt, at, state, escalatedAt, acknowledgedBy, acknowledgedAt);
    }

    public enum Kind {
        SERIOUS_ADVERSE_EVENT,
        REPORT_OVERDUE
    }

    /** Open until acknowledged; escalated when nobody acknowledged it in time, and open still. */
    public enum State {
        OPEN,
        ESCALATED,
        ACKNOWLEDGED
    }

    public record Deadline(String kind, LocalDate dueOn) {
    }
}
