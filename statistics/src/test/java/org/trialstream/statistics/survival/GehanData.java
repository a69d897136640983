package org.trialstream.statistics.survival;

import java.util.List;
import java.util.Map;

/** Freireich's 6-MP trial (R's {@code gehan}), read from the shared reference file and its published estimates. */
final class GehanData {

    private GehanData() {
    }

    static Map<String, List<Observation>> groups() {
        return AnalysisDataSet.read(SharedData.file("data/km/gehan_6mp_data.csv"), "group");
    }

    static List<Observation> sixMp() {
        return groups().get("6-MP");
    }

    static List<Observation> placebo() {
        return groups().get("placebo");
    }
}
