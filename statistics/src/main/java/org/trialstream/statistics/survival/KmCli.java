package org.trialstream.statistics.survival;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code trial km --input FILE.csv [--group COLUMN]}: re-computes Kaplan-Meier tables from an exported analysis data
 * set, with no service or broker running. Prints, as CSV on standard output:
 * <pre>
 * group,time,n_risk,n_event,surv,std_err,lower95,upper95    one row per event time, as summary(survfit(...)) prints
 * median,&lt;group&gt;,&lt;value&gt;,&lt;lower&gt;,&lt;upper&gt;                  one line per group
 * logrank,&lt;chisq&gt;,&lt;df&gt;,&lt;p&gt;                              only with exactly two groups
 * </pre>
 * Estimates have 6 decimals, the chi-square 4 and p 4 significant digits; an undefined standard error prints as
 * {@code NaN} and an undefined bound or median as {@code NA}, as in R. Exit status: 0 done, 1 bad input, 2 bad usage.
 */
public final class KmCli {

    static final int OK = 0;
    static final int BAD_INPUT = 1;
    static final int BAD_USAGE = 2;
    private static final String USAGE = "usage: trial km --input FILE.csv [--group COLUMN]";

    private KmCli() {
    }

    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        System.out.flush();
        if (status != OK) {
            System.exit(status);
        }
    }

    /** Runs the command; returns the exit status instead of exiting, so that tests can call it. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        String input = null;
        String group = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if ((arg.equals("--input") || arg.equals("--group")) && i + 1 < args.length) {
                if (arg.equals("--input")) {
                    input = args[++i];
                } else {
                    group = args[++i];
                }
            } else if (arg.equals("--help") || arg.equals("-h")) {
                out.println(USAGE);
                return OK;
            } else {
                err.println("km: unexpected argument '" + arg + "'");
                err.println(USAGE);
                return BAD_USAGE;
            }
        }
        if (input == null) {
            err.println("km: --input is required");
            err.println(USAGE);
            return BAD_USAGE;
        }
        Map<String, List<Observation>> groups;
        try {
            groups = AnalysisDataSet.read(Path.of(input), group);
        } catch (AnalysisDataSet.InvalidDataSetException e) {
            err.println("km: " + e.getMessage());
            return BAD_INPUT;
        }
        print(groups, out);
        if (groups.size() != 2 && group != null) {
            err.println("km: the log-rank test needs exactly two groups, '" + group + "' has " + groups.size());
        }
        return OK;
    }

    private static void print(Map<String, List<Observation>> groups, PrintStream out) {
        out.println("group,time,n_risk,n_event,surv,std_err,lower95,upper95");
        List<String> medians = new ArrayList<>();
        for (Map.Entry<String, List<Observation>> entry : groups.entrySet()) {
            SurvivalCurve curve = KaplanMeier.estimate(entry.getValue());
            String group = csvField(entry.getKey());
            for (SurvivalRow row : curve.eventRows()) {
                out.println(String.join(",", group, time(row.time()), Integer.toString(row.nRisk()),
                        Integer.toString(row.nEvent()), estimate(row.survival()), standardError(row.stdErr()),
                        estimate(row.lower95()), estimate(row.upper95())));
            }
            QuantileEstimate median = curve.median();
            medians.add(String.join(",", "median", group, time(median.value()),
                    time(median.lower95()), time(median.upper95())));
        }
        medians.forEach(out::println);
        if (groups.size() == 2) {
            List<List<Observation>> pair = List.copyOf(groups.values());
            LogRankResult test = LogRankTest.compare(pair.get(0), pair.get(1));
            out.println(String.join(",", "logrank", String.format(Locale.ROOT, "%.4f", test.chiSquare()),
                    Integer.toString(test.degreesOfFreedom()), String.format(Locale.ROOT, "%.3e", test.p())));
        }
    }

    private static String csvField(String value) {
        boolean needsQuotes = value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r");
        return needsQuotes ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    private static String time(double value) {
        return Double.isNaN(value) ? "NA" : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String estimate(double value) {
        return Double.isNaN(value) ? "NA" : String.format(Locale.ROOT, "%.6f", value);
    }

    private static String standardError(double value) {
        return Double.isNaN(value) ? "NaN" : String.format(Locale.ROOT, "%.6f", value);
    }
}
