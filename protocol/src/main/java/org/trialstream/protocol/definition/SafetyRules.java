package org.trialstream.protocol.definition;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.trialstream.kernel.contract.safety.Causality;
import org.trialstream.kernel.contract.safety.ExpeditedReportKind;
import org.trialstream.kernel.contract.safety.ReportDeadline;

/**
 * The protocol's safety rules: what counts as related, which adverse events require a dose decision, when reports
 * of serious events are due, and the "severe" threshold of the toxicity tables.
 *
 * @param relatedCausalities          attributions that count as related to a study treatment
 * @param doseDecisionGradeFrom       the lowest grade of an anlotinib-related event that requires a dose decision
 * @param doseDecisionGradeTo         the highest such grade (grade 5 is death: nothing is left to decide)
 * @param intolerableGrade            the grade at which an event the patient cannot tolerate requires one too
 * @param initialReportDays           days after awareness (day 0) by which the initial SAE report is due
 * @param fatalSusarDays              the same for a fatal or life-threatening SUSAR's expedited report
 * @param fatalSusarFollowUpDays      days after that by which its follow-up report is due
 * @param otherSusarDays              the same for any other SUSAR's expedited report
 * @param severeGradeFrom             the lowest grade of the tables' "grade 3 or higher" columns
 */
public record SafetyRules(Set<Causality> relatedCausalities, int doseDecisionGradeFrom, int doseDecisionGradeTo,
                          int intolerableGrade,
                          int initialReportDays, int fatalSusarDays, int fatalSusarFollowUpDays, int otherSusarDays,
                          int severeGradeFrom) {

    public SafetyRules {
        relatedCausalities = Set.copyOf(EnumSet.copyOf(Objects.requireNonNull(relatedCausalities,
                "relatedCausalities")));
    }

    public boolean isRelated(Causality causality) {
        return relatedCausalities.contains(causality);
    }

    /** A grade 3-4 event related to anlotinib, or an intolerable grade 2 (with the protocol's numbers). */
    public boolean requiresDoseDecision(int grade, Causality anlotinib, boolean intolerable) {
        boolean relatedAndSevere = isRelated(anlotinib) && grade >= doseDecisionGradeFrom && grade <= doseDecisionGradeTo;
        return relatedAndSevere || intolerable && grade == intolerableGrade;
    }

    public boolean isSevere(int grade) {
        return grade >= severeGradeFrom;
    }

    /**
     * The reports a serious adverse event requires, counted from the day the site became aware of it (day 0): the
     * initial report; for a SUSAR also the expedited report, and for a fatal or life-threatening SUSAR its follow-up.
     */
    public List<ReportDeadline> reportsDue(LocalDate awareOn, boolean susar, boolean fatalOrLifeThreatening) {
        List<ReportDeadline> due = new ArrayList<>();
        due.add(new ReportDeadline(ExpeditedReportKind.INITIAL, awareOn.plusDays(initialReportDays)));
        if (susar && fatalOrLifeThreatening) {
            LocalDate expedited = awareOn.plusDays(fatalSusarDays);
            due.add(new ReportDeadline(ExpeditedReportKind.EXPEDITED, expedited));
            due.add(new ReportDeadline(ExpeditedReportKind.FOLLOW_UP, expedited.plusDays(fatalSusarFollowUpDays)));
        } else if (susar) {
            due.add(new ReportDeadline(ExpeditedReportKind.EXPEDITED, awareOn.plusDays(otherSusarDays)));
        }
        return List.copyOf(due);
    }
}
