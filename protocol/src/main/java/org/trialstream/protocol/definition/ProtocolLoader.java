package org.trialstream.protocol.definition;

import org.trialstream.kernel.contract.safety.Causality;
import org.trialstream.kernel.patient.ResectionMargin;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and validates the versioned protocol file (YAML). Any malformed or inconsistent value stops start-up with an
 * {@link InvalidProtocolException} naming the key path and the problem; unknown keys are refused too, so a misspelt
 * setting cannot be silently ignored.
 */
public final class ProtocolLoader {

    /** The protocol bundled with the application, on the class path. */
    public static final String DEFAULT_RESOURCE = "protocol/anlotinib-sts-ii.v1.yaml";

    private static final Pattern DAY_OR_RANGE = Pattern.compile("\\s*(\\d+)\\s*(?:-\\s*(\\d+)\\s*)?");
    /** The shortest span of {@code n} calendar months is at least 28 x n days; visit windows must not meet across it. */
    private static final int SHORTEST_MONTH_DAYS = 28;

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private ProtocolLoader() {
    }

    /** The bundled default protocol ({@value #DEFAULT_RESOURCE}). */
    public static Protocol loadDefault() {
        try (InputStream in = ProtocolLoader.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new InvalidProtocolException("classpath:" + DEFAULT_RESOURCE, "", "resource not found");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "classpath:" + DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new InvalidProtocolException("classpath:" + DEFAULT_RESOURCE, "", "cannot be read: " + e.getMessage(), e);
        }
    }

    /** A protocol file on disk, e.g. the one named in a service's configuration. */
    public static Protocol load(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (NoSuchFileException e) {
            throw new InvalidProtocolException(file.toString(), "", "file not found", e);
        } catch (IOException e) {
            throw new InvalidProtocolException(file.toString(), "", "cannot be read: " + e.getMessage(), e);
        }
    }

    /** Protocol text; {@code source} names it in error messages. */
    public static Protocol parse(String yaml, String source) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new InvalidProtocolException(source, "", "not valid YAML: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidProtocolException(source, "", "must be a YAML mapping with id, version and the protocol sections");
        }
        YamlNode top = new YamlNode(root, "", source)
                .allowing("id", "version", "title", "enrolment", "anlotinib", "radiotherapy", "followUp", "endpoints",
                        "safety");
        EndpointDefinitions endpoints = endpoints(top.object("endpoints"));
        return new Protocol(
                top.text("id"),
                top.integer("version", 1),
                top.text("title"),
                enrolment(top.object("enrolment")),
                anlotinib(top.object("anlotinib")),
                radiotherapy(top.object("radiotherapy")),
                followUp(top.object("followUp"), endpoints),
                endpoints,
                safety(top.object("safety")));
    }

    private static EnrolmentRules enrolment(YamlNode node) {
        node.allowing("cap", "clinicalDatesFrom");
        return new EnrolmentRules(node.integer("cap", 1), node.date("clinicalDatesFrom"));
    }

    private static AnlotinibRegimen anlotinib(YamlNode node) {
        node.allowing("startDoseMg", "doseLevelsMg", "cycleLengthDays", "cycles", "schedule", "firstDose");
        List<Integer> levels = new ArrayList<>();
        for (JsonNode level : node.list("doseLevelsMg")) {
            if (!level.isIntegralNumber() || !level.canConvertToInt() || level.intValue() < 1) {
                throw node.problem("doseLevelsMg", "'" + level.asText() + "' is not a whole, positive number of milligrams");
            }
            if (!levels.isEmpty() && level.intValue() >= levels.get(levels.size() - 1)) {
                throw node.problem("doseLevelsMg", "levels must go down one step at a time, highest first; "
                        + level.intValue() + " mg follows " + levels.get(levels.size() - 1) + " mg");
            }
            levels.add(level.intValue());
        }
        int startDose = node.integer("startDoseMg", 1);
        if (startDose != levels.get(0)) {
            throw node.problem("startDoseMg", "must be the first level of doseLevelsMg (" + levels.get(0) + " mg), was "
                    + startDose + " mg");
        }
        int cycleLength = node.integer("cycleLengthDays", 1);
        int cycles = node.integer("cycles", 1);
        DosingSchedule schedule = schedule(node.object("schedule"), cycleLength);
        YamlNode window = node.object("firstDose").allowing("fromStudyDay", "toStudyDay");
        int from = window.integer("fromStudyDay", 1);
        int to = window.integer("toStudyDay", 1);
        if (to < from) {
            throw window.problem("toStudyDay", "must not be before fromStudyDay (" + from + "), was " + to);
        }
        return new AnlotinibRegimen(startDose, levels, cycleLength, cycles, schedule, new FirstDoseWindow(from, to));
    }

    private static DosingSchedule schedule(YamlNode node, int cycleLength) {
        node.allowing("onDays", "pattern");
        if (node.has("onDays") == node.has("pattern")) {
            throw node.problem(null, "give exactly one of onDays (e.g. [\"1-14\"]) or pattern (e.g. {daysOn: 2, daysOff: 1})");
        }
        if (node.has("pattern")) {
            YamlNode pattern = node.object("pattern").allowing("daysOn", "daysOff");
            int daysOn = pattern.integer("daysOn", 1);
            int daysOff = pattern.integer("daysOff", 0);
            if (daysOn + daysOff > cycleLength) {
                throw pattern.problem(null, "a block of " + daysOn + " on and " + daysOff + " off days must fit in the "
                        + cycleLength + "-day cycle");
            }
            return new DosingSchedule.RepeatingPattern(daysOn, daysOff);
        }
        List<DayRange> ranges = new ArrayList<>();
        for (JsonNode item : node.list("onDays")) {
            Matcher matcher = DAY_OR_RANGE.matcher(item.asText());
            if (!item.isValueNode() || !matcher.matches()) {
                throw node.problem("onDays", "'" + item.asText() + "' is not a day or a day range such as 1-14");
            }
            int first = Integer.parseInt(matcher.group(1));
            int last = matcher.group(2) == null ? first : Integer.parseInt(matcher.group(2));
            if (first < 1 || last > cycleLength) {
                throw node.problem("onDays", "must lie within the " + cycleLength + "-day cycle, '" + item.asText()
                        + "' does not");
            }
            if (last < first) {
                throw node.problem("onDays", "'" + item.asText() + "' ends before it starts");
            }
            DayRange range = new DayRange(first, last);
            for (DayRange other : ranges) {
                if (range.first() <= other.last() && other.first() <= range.last()) {
                    throw node.problem("onDays", "ranges " + other + " and " + range + " overlap");
                }
            }
            ranges.add(range);
        }
        return new DosingSchedule.OnDays(ranges);
    }

    private static RadiotherapyRules radiotherapy(YamlNode node) {
        node.allowing("baseDoseGy", "fractions", "dosePerFractionGy", "boostGyByMargin", "fractionsPerDay",
                "gapToleranceWorkingDays");
        BigDecimal baseDose = node.decimal("baseDoseGy");
        int fractions = node.integer("fractions", 1);
        BigDecimal perFraction = node.decimal("dosePerFractionGy");
        if (perFraction.signum() == 0) {
            throw node.problem("dosePerFractionGy", "must be positive");
        }
        if (perFraction.multiply(BigDecimal.valueOf(fractions)).compareTo(baseDose) != 0) {
            throw node.problem("baseDoseGy", gy(baseDose) + " is not " + fractions + " fractions of " + gy(perFraction));
        }
        YamlNode boosts = node.object("boostGyByMargin").allowing("R0", "R1", "R2");
        Map<ResectionMargin, BoostRange> byMargin = new EnumMap<>(ResectionMargin.class);
        for (ResectionMargin margin : ResectionMargin.values()) {
            YamlNode range = boosts.object(margin.name()).allowing("minGy", "maxGy");
            BigDecimal min = range.decimal("minGy");
            BigDecimal max = range.decimal("maxGy");
            if (max.compareTo(min) < 0) {
                throw range.problem("maxGy", "must not be below minGy (" + gy(min) + "), was " + gy(max));
            }
            byMargin.put(margin, new BoostRange(min, max));
        }
        return new RadiotherapyRules(baseDose, fractions, perFraction, byMargin, node.integer("fractionsPerDay", 1),
                node.integer("gapToleranceWorkingDays", 0));
    }

    private static String gy(BigDecimal dose) {
        return dose.stripTrailingZeros().toPlainString() + " Gy";
    }

    private static FollowUpSchedule followUp(YamlNode node, EndpointDefinitions endpoints) {
        node.allowing("basis", "everyMonths", "windowDays", "untilMonth");
        FollowUpSchedule.Basis basis = node.enumValue("basis", FollowUpSchedule.Basis.class);
        int everyMonths = node.integer("everyMonths", 1);
        int windowDays = node.integer("windowDays", 0);
        int untilMonth = node.integer("untilMonth", 1);
        if (2 * windowDays >= SHORTEST_MONTH_DAYS * everyMonths) {
            throw node.problem("windowDays", "windows of +/-" + windowDays + " days around visits every " + everyMonths
                    + " month(s) would overlap");
        }
        if (untilMonth < endpoints.horizonMonths()) {
            throw node.problem("untilMonth", "must reach the endpoint horizon (month " + endpoints.horizonMonths()
                    + "), was " + untilMonth);
        }
        if (untilMonth < everyMonths) {
            throw node.problem("untilMonth", "leaves no visit: the first is due at month " + everyMonths);
        }
        return new FollowUpSchedule(basis, everyMonths, windowDays, untilMonth);
    }

    private static EndpointDefinitions endpoints(YamlNode node) {
        node.allowing("timeOrigin", "horizonMonths", "daysPerMonth", "lrfs", "mfs", "os");
        BigDecimal daysPerMonth = node.decimal("daysPerMonth");
        if (daysPerMonth.compareTo(BigDecimal.valueOf(28)) < 0 || daysPerMonth.compareTo(BigDecimal.valueOf(31)) > 0) {
            throw node.problem("daysPerMonth", "must be a month's length in days (28-31), was "
                    + daysPerMonth.toPlainString());
        }
        return new EndpointDefinitions(
                node.enumValue("timeOrigin", EndpointDefinitions.TimeOrigin.class),
                node.integer("horizonMonths", 1),
                daysPerMonth.doubleValue(),
                endpoint(node.object("lrfs")),
                endpoint(node.object("mfs")),
                endpoint(node.object("os")));
    }

    private static EndpointDefinitions.Endpoint endpoint(YamlNode node) {
        node.allowing("name", "event", "deathIsEvent");
        return new EndpointDefinitions.Endpoint(node.text("name"),
                node.enumValue("event", EndpointDefinitions.EventType.class),
                node.has("deathIsEvent") && node.bool("deathIsEvent"));
    }

    private static SafetyRules safety(YamlNode node) {
        node.allowing("relatedCausalities", "doseDecision", "expeditedReports", "toxicity");
        Set<Causality> related = EnumSet.noneOf(Causality.class);
        for (JsonNode causality : node.list("relatedCausalities")) {
            try {
                related.add(Causality.valueOf(causality.asText()));
            } catch (IllegalArgumentException e) {
                throw node.problem("relatedCausalities", "'" + causality.asText() + "' is none of "
                        + Arrays.toString(Causality.values()));
            }
        }
        if (related.isEmpty()) {
            throw node.problem("relatedCausalities", "must name at least one attribution that counts as related");
        }
        YamlNode doseDecision = node.object("doseDecision")
                .allowing("relatedGradeFrom", "relatedGradeTo", "intolerableGrade");
        int relatedFrom = grade(doseDecision, "relatedGradeFrom");
        int relatedTo = grade(doseDecision, "relatedGradeTo");
        if (relatedTo < relatedFrom) {
            throw doseDecision.problem("relatedGradeTo", "must not be below relatedGradeFrom (" + relatedFrom + ")");
        }
        YamlNode reports = node.object("expeditedReports")
                .allowing("initialReportDays", "fatalSusarDays", "fatalSusarFollowUpDays", "otherSusarDays");
        YamlNode toxicity = node.object("toxicity").allowing("severeGradeFrom");
        return new SafetyRules(related, relatedFrom, relatedTo, grade(doseDecision, "intolerableGrade"),
                reports.integer("initialReportDays", 1), reports.integer("fatalSusarDays", 1),
                reports.integer("fatalSusarFollowUpDays", 1), reports.integer("otherSusarDays", 1),
                grade(toxicity, "severeGradeFrom"));
    }

    private static int grade(YamlNode node, String key) {
        int grade = node.integer(key, 1);
        if (grade > 5) {
            throw node.problem(key, "CTCAE grades run from 1 to 5, was " + grade);
        }
        return grade;
    }
}
