package org.trialstream.kernel.contract.safety;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.trialstream.kernel.contract.EventContract;
import org.trialstream.kernel.contract.TrialEvent;

/**
 * An adverse event is serious (ICH E2A), or a serious one got worse: the fact safety officers are alerted to. It
 * carries what an alert shows, and never a name.
 *
 * @param criteria  every seriousness criterion the event now meets
 * @param awareOn   the date the site became aware of this seriousness: day 0 of its report clock
 * @param susar     serious, unexpected and related to a study treatment
 * @param deadlines the reports now due, with their last on-time dates
 * @param upgrade   false the first time the event is serious; true when a serious event got worse
 */
@EventContract(name = "safety.SeriousAdverseEventReported", version = 1)
public record SeriousAdverseEventReported(UUID patientId, UUID adverseEventId, String siteId, String screeningNumber,
                                          String term, String meddraCode, int grade,
                                          List<SeriousnessCriterion> criteria, LocalDate awareOn, boolean expected,
                                          Attribution attribution, boolean susar, List<ReportDeadline> deadlines,
                                          boolean upgrade) implements TrialEvent {

    public SeriousAdverseEventReported {
        requireNonNull(patientId, "patientId");
        requireNonNull(adverseEventId, "adverseEventId");
        requireNonNull(siteId, "siteId");
        requireNonNull(screeningNumber, "screeningNumber");
        requireNonNull(term, "term");
        requireNonNull(meddraCode, "meddraCode");
        criteria = List.copyOf(requireNonNull(criteria, "criteria"));
        if (criteria.isEmpty()) {
            throw new IllegalArgumentException("a serious adverse event meets at least one criterion");
        }
        requireNonNull(awareOn, "awareOn");
        requireNonNull(attribution, "attribution");
        deadlines = List.copyOf(requireNonNull(deadlines, "deadlines"));
    }
}
