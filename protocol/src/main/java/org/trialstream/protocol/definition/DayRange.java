package org.trialstream.protocol.definition;

/** Days {@code first} to {@code last} (inclusive) of a cycle, counted from 1. */
public record DayRange(int first, int last) {

    public DayRange {
        if (first < 1 || last < first) {
            throw new IllegalArgumentException("a day range runs from day 1 or later to a day not before it, was "
                    + first + "-" + last);
        }
    }

    public boolean contains(int day) {
        return day >= first && day <= last;
    }

    public int length() {
        return last - first + 1;
    }

    @Override
    public String toString() {
        return first == last ? Integer.toString(first) : first + "-" + last;
    }
}
