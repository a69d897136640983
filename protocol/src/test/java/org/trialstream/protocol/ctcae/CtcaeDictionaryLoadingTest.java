package org.trialstream.protocol.ctcae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trialstream.protocol.SharedData;

/** Start-up refusals, on small files written for each case in the export's own layout. */
class CtcaeDictionaryLoadingTest {

    private static final String HEADER = "MedDRA Code,MedDRA SOC,CTCAE Term,Grade 1 ??,Grade 2 ??,Grade 3 ??,Grade 4 ??,"
            + "Grade 5 ??,Definition,Navigational Note,CTCAE v5.0 Change\r\n";
    private static final String ANEMIA = "10002272,Blood and lymphatic system disorders,Anemia,Mild,Moderate,Severe,"
            + "Life-threatening,Death,A disorder.,,\r\n";
    private static final String FATIGUE = "10016256,General disorders and administration site conditions,Fatigue,"
            + "Fatigue relieved by rest,\"Not relieved by rest;\r\nlimiting instrumental ADL\",\"Not relieved, limiting self care\", -, -, -,,\r\n";

    @TempDir
    Path dir;

    private Path file(String content) throws IOException {
        return Files.writeString(dir.resolve("ctcae.csv"), content);
    }

    @Test
    void readsTheExportsLayoutMangledHeadersDashesAndQuotedLineBreaks() throws IOException {
        CtcaeDictionary dictionary = CtcaeDictionary.load(file("\uFEFF" + HEADER + ANEMIA + FATIGUE));

        assertThat(dictionary.size()).isEqualTo(2);
        CtcaeTerm fatigue = dictionary.findByMeddraCode("10016256").orElseThrow();
        assertThat(fatigue.grades()).containsExactly(CtcaeGrade.GRADE_1, CtcaeGrade.GRADE_2, CtcaeGrade.GRADE_3);
        assertThat(fatigue.description(CtcaeGrade.GRADE_2)).hasValue("Not relieved by rest;\nlimiting instrumental ADL");
        assertThat(fatigue.description(CtcaeGrade.GRADE_3)).hasValue("Not relieved, limiting self care");
        assertThat(fatigue.definition()).isEmpty();
    }

    @Test
    void loadsTheFileNamedByTheConfiguration() {
        assertThat(CtcaeDictionary.fromConfiguredFile(SharedData.ctcaeFile().toString(), null).size()).isEqualTo(837);
        assertThat(CtcaeDictionary.fromConfiguredFile(null, SharedData.ctcaeFile().toString()).size()).isEqualTo(837);
    }

    @Test
    void stopsStartUpWhenNoFileIsConfigured() {
        assertThatThrownBy(() -> CtcaeDictionary.fromConfiguredFile(null, " "))
                .isInstanceOf(CtcaeDictionaryException.class)
                .hasMessageContaining("no CTCAE v5.0 term list configured")
                .hasMessageContaining("trial.ctcae.file")
                .hasMessageContaining("TRIAL_CTCAE_FILE");
    }

    @Test
    void stopsStartUpWhenTheFileIsMissing() {
        assertThatThrownBy(() -> CtcaeDictionary.load(dir.resolve("absent.csv")))
                .isInstanceOf(CtcaeDictionaryException.class)
                .hasMessageContaining("absent.csv")
                .hasMessageContaining("not found");
    }

    @Test
    void stopsStartUpWhenTheFileIsEmptyOrHasNoTerms() throws IOException {
        assertThatThrownBy(() -> CtcaeDictionary.load(file("")))
                .isInstanceOf(CtcaeDictionaryException.class).hasMessageContaining("is empty");
        assertThatThrownBy(() -> CtcaeDictionary.load(file(HEADER)))
                .isInstanceOf(CtcaeDictionaryException.class).hasMessageContaining("no terms");
    }

    @Test
    void stopsStartUpWhenTheHeaderIsWrong() throws IOException {
        assertThatThrownBy(() -> CtcaeDictionary.load(file(HEADER.replace("CTCAE Term", "Term") + ANEMIA)))
                .isInstanceOf(CtcaeDictionaryException.class)
                .hasMessageContaining("header column 3 is 'Term'");
        assertThatThrownBy(() -> CtcaeDictionary.load(file(HEADER.replace("Grade 4 ??", "Grade 6") + ANEMIA)))
                .isInstanceOf(CtcaeDictionaryException.class)
                .hasMessageContaining("header column 7 is 'Grade 6'");
        assertThatThrownBy(() -> CtcaeDictionary.load(file(HEADER.replace(",CTCAE v5.0 Change", "") + ANEMIA)))
                .isInstanceOf(CtcaeDictionaryException.class)
                .hasMessageContaining("header has 10 columns, expected 11");
    }

    @Test
    void stopsStartUpWhenARecordHasTheWrongNumberOfColumns() throws IOException {
        assertThatThrownBy(() -> CtcaeDictionary.load(file(HEADER + ANEMIA + ANEMIA.replace(",,\r\n", ",\r\n"))))
                .isInstanceOf(CtcaeDictionaryException.class)
                .hasMessageContaining("record 3 (line 3) has 10 columns, expected 11");
    }

    @Test
    void stopsStartUpWhenATermHasNoGrade() throws IOException {
        String noGrade = "10000001,Vascular disorders,Nothing, -, -, -, -, -,,,\r\n";

        assertThatThrownBy(() -> CtcaeDictionary.load(file(HEADER + ANEMIA + noGrade)))
                .isInstanceOf(CtcaeDictionaryException.class)
                .hasMessageContaining("record 3")
                .hasMessageContaining("'Nothing' has no grade");
    }

    @Test
    void stopsStartUpWhenAGradeCellIsEmpty() throws IOException {
        assertThatThrownBy(() -> CtcaeDictionary.load(file(HEADER + ANEMIA.replace("Moderate", ""))))
                .isInstanceOf(CtcaeDictionaryException.class)
                .hasMessageContaining("grade 2 of 'Anemia' is empty");
    }

    @Test
    void stopsStartUpWhenAMeddraCodeRepeats() throws IOException {
        assertThatThrownBy(() -> CtcaeDictionary.load(file(HEADER + ANEMIA + ANEMIA.replace("Anemia", "Anaemia"))))
                .isInstanceOf(CtcaeDictionaryException.class)
                .hasMessageContaining("record 3: MedDRA code 10002272 repeats the one of record 2");
    }

    @Test
    void stopsStartUpWhenATermRepeats() throws IOException {
        assertThatThrownBy(() -> CtcaeDictionary.load(file(HEADER + ANEMIA + ANEMIA.replace("10002272", "10002273"))))
                .isInstanceOf(CtcaeDictionaryException.class)
                .hasMessageContaining("term 'Anemia' repeats the one of record 2");
    }

    @Test
    void stopsStartUpWhenAMeddraCodeIsMalformed() throws IOException {
        assertThatThrownBy(() -> CtcaeDictionary.load(file(HEADER + ANEMIA.replace("10002272", "1000A272"))))
                .isInstanceOf(CtcaeDictionaryException.class)
                .hasMessageContaining("MedDRA code '1000A272' is not an 8-digit code");
    }

    @Test
    void stopsStartUpWhenAQuotedCellIsNeverClosed() throws IOException {
        assertThatThrownBy(() -> CtcaeDictionary.load(file(HEADER + ANEMIA.replace("Mild", "\"Mild"))))
                .isInstanceOf(CtcaeDictionaryException.class)
                .hasMessageContaining("cannot be read");
    }
}
