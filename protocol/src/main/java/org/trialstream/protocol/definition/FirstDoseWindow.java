package org.trialstream.protocol.definition;

/** Study days (surgery = day 0) on which the first anlotinib dose may be given: 21-28 ("3-4 weeks after surgery"). */
public record FirstDoseWindow(int fromStudyDay, int toStudyDay) {

    public FirstDoseWindow {
        if (fromStudyDay < 1 || toStudyDay < fromStudyDay) {
            throw new IllegalArgumentException("the first-dose window must start after surgery and not end before it starts");
        }
    }

    public boolean contains(int studyDay) {
        return studyDay >= fromStudyDay && studyDay <= toStudyDay;
    }
}
