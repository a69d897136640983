package org.trialstream.statistics.survival;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

/**
 * An exported time-to-event analysis data set: a CSV file (RFC 4180 quoting, comma-separated, first line a header)
 * with a {@code time} column (or {@code time_months}, as the endpoint API exports it), a {@code status} column
 * (1 = event, 0 = censored) and optionally a grouping column.
 * Groups keep the order in which they first appear in the file; without a grouping column all rows form the group
 * {@value #SINGLE_GROUP}.
 */
public final class AnalysisDataSet {

    static final String SINGLE_GROUP = "all";
    private static final String TIME = "time";
    private static final String TIME_MONTHS = "time_months";
    private static final String STATUS = "status";
    private static final CsvMapper CSV = new CsvMapper();

    private AnalysisDataSet() {
    }

    /** Reads the file, or fails with an {@link InvalidDataSetException} naming the line and the problem. */
    public static Map<String, List<Observation>> read(Path file, String groupColumn) {
        List<List<String>> records = records(readText(file), file);
        if (records.isEmpty()) {
            throw new InvalidDataSetException(file + ": the file is empty; expected a header with 'time' and 'status'");
        }
        List<String> header = records.get(0).stream().map(String::trim).toList();
        // The endpoint API's data.csv names its time columns time_days and time_months: months are the analysis time.
        int timeIndex = column(header, header.contains(TIME) || !header.contains(TIME_MONTHS) ? TIME : TIME_MONTHS,
                file);
        int statusIndex = column(header, STATUS, file);
        int groupIndex = groupColumn == null ? -1 : column(header, groupColumn, file);

        Map<String, List<Observation>> groups = new LinkedHashMap<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> record = records.get(r);
            int line = r + 1;
            if (record.size() == 1 && record.get(0).isBlank()) {
                continue;
            }
            if (record.size() != header.size()) {
                throw new InvalidDataSetException(file + ": record " + line + " has " + record.size()
                        + " fields, the header has " + header.size());
            }
            double time = time(record.get(timeIndex).trim(), file, line);
            boolean event = status(record.get(statusIndex).trim(), file, line);
            String group = groupIndex < 0 ? SINGLE_GROUP : record.get(groupIndex).trim();
            if (group.isEmpty()) {
                throw new InvalidDataSetException(file + ": record " + line + " has an empty '" + groupColumn + "' value");
            }
            groups.computeIfAbsent(group, g -> new ArrayList<>()).add(new Observation(time, event));
        }
        if (groups.isEmpty()) {
            throw new InvalidDataSetException(file + ": the file has a header but no data rows");
        }
        return groups;
    }

    /** RFC 4180 records (quoted fields, "" escapes, line breaks in quotes, CRLF or LF), by Jackson's CSV parser. */
    private static List<List<String>> records(String text, Path file) {
        try (MappingIterator<List<String>> rows = CSV.readerForListOf(String.class)
                .with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(text)) {
            return rows.readAll();
        } catch (IOException | RuntimeException e) {
            throw new InvalidDataSetException(file + ": not a readable CSV file (" + e.getMessage() + ")");
        }
    }

    private static String readText(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (NoSuchFileException e) {
            throw new InvalidDataSetException(file + ": no such file");
        } catch (IOException e) {
            throw new InvalidDataSetException(file + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    private static int column(List<String> header, String name, Path file) {
        int index = header.indexOf(name);
        if (index < 0) {
            throw new InvalidDataSetException(file + ": no '" + name + "' column; the header has " + header);
        }
        return index;
    }

    private static double time(String value, Path file, int line) {
        try {
            double time = Double.parseDouble(value);
            if (Double.isFinite(time) && time >= 0) {
                return time;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidDataSetException(file + ": record " + line + ": time '" + value
                + "' is not a finite, non-negative number");
    }

    private static boolean status(String value, Path file, int line) {
        return switch (value) {
            case "1" -> true;
            case "0" -> false;
            default -> throw new InvalidDataSetException(file + ": record " + line + ": status '" + value
                    + "' must be 1 (event) or 0 (censored)");
        };
    }

    /** The input cannot be analysed; the message says where and why. */
    public static final class InvalidDataSetException extends RuntimeException {
        public InvalidDataSetException(String message) {
            super(message);
        }
    }
}
