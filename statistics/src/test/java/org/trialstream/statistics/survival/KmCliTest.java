package org.trialstream.statistics.survival;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KmCliTest {

    @TempDir
    Path tempDir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int km(String... args) {
        return KmCli.run(args, new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8));
    }

    private List<String> stdout() {
        return out.toString(UTF_8).lines().toList();
    }

    private Path csv(String content) throws IOException {
        return Files.writeString(tempDir.resolve("analysis.csv"), content);
    }

    @Test
    void reproducesThePublishedGehanTableByGroup() throws IOException {
        int status = km("--input", SharedData.file("data/km/gehan_6mp_data.csv").toString(), "--group", "group");

        assertThat(status).isEqualTo(KmCli.OK);
        List<String> lines = stdout();
        assertThat(lines.get(0)).isEqualTo("group,time,n_risk,n_event,surv,std_err,lower95,upper95");
        List<String> published = Files.readAllLines(SharedData.file("data/km/gehan_expected.csv")).stream()
                .skip(1).filter(line -> !line.isBlank()).toList();
        List<String> table = lines.subList(1, 1 + published.size());
        for (int i = 0; i < published.size(); i++) {
            String[] expected = published.get(i).split(",");
            String[] actual = table.get(i).split(",");
            assertThat(actual).hasSize(8);
            assertThat(actual[0]).isEqualTo(expected[0]);
            assertThat(actual[1]).isEqualTo(expected[1]);
            assertThat(actual[2]).isEqualTo(expected[2]);
            assertThat(actual[3]).isEqualTo(expected[3]);
            for (int column = 4; column < 8; column++) {
                String description = expected[0] + " week " + expected[1] + " column " + column;
                if (expected[column].equals("NA") || expected[column].equals("NaN")) {
                    assertThat(actual[column]).as(description).isEqualTo(expected[column]);
                } else {
                    PublishedValue.assertMatches(description, Double.parseDouble(actual[column]), expected[column]);
                }
            }
        }
        assertThat(err.toString(UTF_8)).isEmpty();
    }

    @Test
    void printsTheGehanMediansWithTheirIntervalsAndTheLogRankLine() {
        km("--input", SharedData.file("data/km/gehan_6mp_data.csv").toString(), "--group", "group");

        assertThat(stdout()).endsWith(
                "median,6-MP,23,16,NA",
                "median,placebo,8,4,12",
                "logrank,16.7929,1,4.169e-05");
    }

    @Test
    void treatsAllRowsAsOneGroupWithoutAGroupColumn() throws IOException {
        Path input = csv("time,status\n1,1\n2,0\n3,1\n4,1\n");

        int status = km("--input", input.toString());

        assertThat(status).isEqualTo(KmCli.OK);
        assertThat(stdout()).containsExactly(
                "group,time,n_risk,n_event,surv,std_err,lower95,upper95",
                "all,1,4,1,0.750000,0.216506,0.425932,1.000000",
                "all,3,2,1,0.375000,0.286411,0.083930,1.000000",
                "all,4,1,1,0.000000,NaN,NA,NA",
                "median,all,3,1,NA");
    }

    @Test
    void readsTheEndpointApisDataSetWithItsTimeInMonths() throws IOException {
        Path input = csv("patientId,time_days,time_months,status\na,30,1,1\nb,61,2,0\nc,91,3,1\nd,122,4,1\n");

        int status = km("--input", input.toString());

        assertThat(status).isEqualTo(KmCli.OK);
        assertThat(stdout()).contains("all,1,4,1,0.750000,0.216506,0.425932,1.000000", "median,all,3,1,NA");
    }

    @Test
    void readsQuotedFieldsCarriageReturnsAndColumnsInAnyOrder() throws IOException {
        Path input = csv("\uFEFF\"status\",id,time,arm\r\n1,a,\"2.5\",\"x, y\"\r\n0,b,4,\"x, y\"\r\n\r\n1,c,1,z\r\n1,d,3,z\r\n");

        int status = km("--input", input.toString(), "--group", "arm");

        assertThat(status).isEqualTo(KmCli.OK);
        assertThat(stdout()).contains("\"x, y\",2.5,2,1,0.500000,0.353553,0.125049,1.000000")
                .contains("median,\"x, y\",3.25,2.5,NA")
                .contains("median,z,2,1,NA")
                .anySatisfy(line -> assertThat(line).startsWith("logrank,"));
    }

    @Test
    void printsNoLogRankLineUnlessThereAreExactlyTwoGroups() throws IOException {
        Path input = csv("time,status,arm\n1,1,a\n2,1,b\n3,1,c\n");

        int status = km("--input", input.toString(), "--group", "arm");

        assertThat(status).isEqualTo(KmCli.OK);
        assertThat(stdout()).noneMatch(line -> line.startsWith("logrank"));
        assertThat(err.toString(UTF_8)).contains("exactly two groups");
    }

    @Test
    void failsWithAMessageWhenTheInputFileIsMissing() {
        int status = km("--input", tempDir.resolve("absent.csv").toString());

        assertThat(status).isEqualTo(KmCli.BAD_INPUT);
        assertThat(err.toString(UTF_8)).contains("absent.csv").contains("no such file");
        assertThat(out.toString(UTF_8)).isEmpty();
    }

    @Test
    void failsWithAMessageWhenTheStatusColumnIsMissing() throws IOException {
        int status = km("--input", csv("time,event\n1,1\n").toString());

        assertThat(status).isEqualTo(KmCli.BAD_INPUT);
        assertThat(err.toString(UTF_8)).contains("no 'status' column");
    }

    @Test
    void failsWithAMessageWhenTheGroupColumnIsMissing() throws IOException {
        int status = km("--input", csv("time,status\n1,1\n").toString(), "--group", "arm");

        assertThat(status).isEqualTo(KmCli.BAD_INPUT);
        assertThat(err.toString(UTF_8)).contains("no 'arm' column");
    }

    @Test
    void failsWithAMessageWhenAStatusIsNeitherZeroNorOne() throws IOException {
        int status = km("--input", csv("time,status\n1,1\n2,2\n").toString());

        assertThat(status).isEqualTo(KmCli.BAD_INPUT);
        assertThat(err.toString(UTF_8)).contains("record 3").contains("status '2' must be 1 (event) or 0 (censored)");
    }

    @Test
    void failsWithAMessageWhenATimeIsNotANonNegativeNumber() throws IOException {
        assertThat(km("--input", csv("time,status\nNA,1\n").toString())).isEqualTo(KmCli.BAD_INPUT);
        assertThat(km("--input", csv("time,status\n-2,1\n").toString())).isEqualTo(KmCli.BAD_INPUT);
        assertThat(err.toString(UTF_8)).contains("time 'NA'").contains("time '-2'");
    }

    @Test
    void failsWithAMessageWhenARecordHasTheWrongNumberOfFields() throws IOException {
        int status = km("--input", csv("time,status\n1,1,extra\n").toString());

        assertThat(status).isEqualTo(KmCli.BAD_INPUT);
        assertThat(err.toString(UTF_8)).contains("record 2 has 3 fields, the header has 2");
    }

    @Test
    void failsWithAMessageWhenThereAreNoDataRows() throws IOException {
        assertThat(km("--input", csv("time,status\n").toString())).isEqualTo(KmCli.BAD_INPUT);
        assertThat(km("--input", csv("").toString())).isEqualTo(KmCli.BAD_INPUT);
        assertThat(err.toString(UTF_8)).contains("no data rows").contains("empty");
    }

    @Test
    void failsWithUsageWhenInputIsNotGiven() {
        assertThat(km("--group", "arm")).isEqualTo(KmCli.BAD_USAGE);
        assertThat(km("--input")).isEqualTo(KmCli.BAD_USAGE);
        assertThat(km("--input", "a.csv", "--bogus")).isEqualTo(KmCli.BAD_USAGE);
        assertThat(err.toString(UTF_8)).contains("usage: trial km --input FILE.csv [--group COLUMN]");
    }

    @Test
    void exitsNonZeroFromAPlainJvmWithoutAnyFramework() throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KmCli.class.getName(), "--input", tempDir.resolve("absent.csv").toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), UTF_8);

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(KmCli.BAD_INPUT);
        assertThat(output).contains("no such file");
    }
}
