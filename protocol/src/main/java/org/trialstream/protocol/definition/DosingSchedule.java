package org.trialstream.protocol.definition;

import java.util.List;

/**
 * Which days of an anlotinib cycle are dosing ("on") days. Protocol configuration, not code: the labelled schedule
 * (days 1-14 on, 15-21 off) and the registry record's literal "2 days on / 1 day off" are both written in the file.
 */
public sealed interface DosingSchedule {

    /** Whether day {@code cycleDay} (1-based) of a cycle is a dosing day. */
    boolean isOnDay(int cycleDay);

    /** Explicit on-day ranges within the cycle, e.g. {@code onDays: ["1-14"]}. */
    record OnDays(List<DayRange> ranges) implements DosingSchedule {

        public OnDays {
            ranges = List.copyOf(ranges);
            if (ranges.isEmpty()) {
                throw new IllegalArgumentException("at least one on-day range is needed");
            }
        }

        @Override
        public boolean isOnDay(int cycleDay) {
            return ranges.stream().anyMatch(range -> range.contains(cycleDay));
        }
    }

    /**
     * A block of {@code daysOn} dosing days followed by {@code daysOff} rest days, repeated from day 1 of every cycle
     * (the block restarts with each cycle), e.g. {@code pattern: {daysOn: 2, daysOff: 1}}.
     */
    record RepeatingPattern(int daysOn, int daysOff) implements DosingSchedule {

        public RepeatingPattern {
            if (daysOn < 1 || daysOff < 0) {
                throw new IllegalArgumentException("a pattern needs at least one on-day and no negative off-days");
            }
        }

        @Override
        public boolean isOnDay(int cycleDay) {
            return (cycleDay - 1) % (daysOn + daysOff) < daysOn;
        }
    }
}
