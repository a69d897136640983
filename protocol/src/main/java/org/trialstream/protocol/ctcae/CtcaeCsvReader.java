package org.trialstream.protocol.ctcae;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the NCI term list exported as CSV (RFC 4180: quoted cells may hold commas and line breaks). Columns: MedDRA
 * code, MedDRA SOC, CTCAE term, grades 1-5, definition, navigational note, change note. It copes with the known
 * defects of the export, none of which appear in a clean release:
 * <ul>
 *   <li>grade headers with mangled trailing characters ({@code Grade 1 ??}): only the {@code Grade n} part is checked;</li>
 *   <li>a grade that does not exist is written {@code -} (with a leading space): the term has no such grade;</li>
 *   <li>a few cells lost a &ge;/&le; sign, shown as {@code ?}: these are restored from the NCI text (see
 *       {@link #REPAIRS}), in the file's own ASCII spelling {@code >=}.</li>
 * </ul>
 */
final class CtcaeCsvReader {

    private static final int COLUMNS = 11;
    private static final int FIRST_GRADE_COLUMN = 3;
    private static final int DEFINITION_COLUMN = 8;
    private static final String NOT_DEFINED = "-";
    private static final Pattern MEDDRA_CODE = Pattern.compile("\\d{8}");
    private static final String EXPECTED_HEADER = "MedDRA Code, MedDRA SOC, CTCAE Term, Grade 1 ... Grade 5, Definition,"
            + " Navigational Note, CTCAE v5.0 Change";
    private static final List<Pattern> HEADER = List.of(
            exactly("MedDRA Code"), exactly("MedDRA SOC"), exactly("CTCAE Term"),
            grade(1), grade(2), grade(3), grade(4), grade(5),
            exactly("Definition"), exactly("Navigational Note"), exactly("CTCAE v5.0 Change"));

    /** Characters lost in the development export, by MedDRA code and grade: damaged text, NCI text. */
    static final Map<String, List<String>> REPAIRS = Map.of(
            "10052015/3", List.of("hypoxia requiring ? 40% O2", "hypoxia requiring >=40% O2"),
            "10037032/1", List.of("urinary protein ?ULN", "urinary protein >=ULN"),
            "10020772/1", List.of("BP ?120/80", "BP >=120/80"),
            "10014184/1", List.of("symptoms;?additional", "symptoms; additional"));

    private CtcaeCsvReader() {
    }

    static List<CtcaeTerm> read(Path file) {
        List<CtcaeTerm> terms = new ArrayList<>();
        Map<String, Integer> codes = new HashMap<>();
        Map<String, Integer> names = new HashMap<>();
        CsvMapper mapper = CsvMapper.builder()
                .enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
                .build();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             MappingIterator<String[]> records = mapper.readerFor(String[].class).readValues(reader)) {
            if (!records.hasNext()) {
                throw fail(file, "is empty; expected a header and 837 terms");
            }
            checkHeader(file, records.next());
            int record = 1;
            while (records.hasNext()) {
                record++;
                int line = records.getCurrentLocation().getLineNr();
                String[] cells = records.next();
                CtcaeTerm term = term(file, record, line, cells);
                Integer sameCode = codes.putIfAbsent(term.meddraCode(), record);
                if (sameCode != null) {
                    throw fail(file, "record " + record + ": MedDRA code " + term.meddraCode()
                            + " repeats the one of record " + sameCode);
                }
                Integer sameName = names.putIfAbsent(CtcaeDictionary.normalise(term.term()), record);
                if (sameName != null) {
                    throw fail(file, "record " + record + ": term '" + term.term() + "' repeats the one of record " + sameName);
                }
                terms.add(term);
            }
        } catch (NoSuchFileException e) {
            throw fail(file, "not found; configure the path of the CTCAE v5.0 term list");
        } catch (IOException | RuntimeException e) {
            if (e instanceof CtcaeDictionaryException known) {
                throw known;
            }
            throw new CtcaeDictionaryException("CTCAE term list " + file + " cannot be read: " + e.getMessage(), e);
        }
        if (terms.isEmpty()) {
            throw fail(file, "has a header but no terms");
        }
        return terms;
    }

    private static void checkHeader(Path file, String[] header) {
        if (header.length > 0) {
            header[0] = header[0].replace("\uFEFF", "");
        }
        if (header.length != COLUMNS) {
            throw fail(file, "header has " + header.length + " columns, expected " + COLUMNS + ": " + EXPECTED_HEADER);
        }
        for (int i = 0; i < COLUMNS; i++) {
            if (!HEADER.get(i).matcher(header[i].trim()).matches()) {
                throw fail(file, "header column " + (i + 1) + " is '" + header[i] + "', expected " + EXPECTED_HEADER);
            }
        }
    }

    private static CtcaeTerm term(Path file, int record, int line, String[] cells) {
        String where = "record " + record + " (line " + line + ")";
        if (cells.length != COLUMNS) {
            throw fail(file, where + " has " + cells.length + " columns, expected " + COLUMNS);
        }
        String code = cells[0].trim();
        if (!MEDDRA_CODE.matcher(code).matches()) {
            throw fail(file, where + ": MedDRA code '" + code + "' is not an 8-digit code");
        }
        String soc = cells[1].trim();
        String name = cells[2].trim();
        if (soc.isEmpty() || name.isEmpty()) {
            throw fail(file, where + ": MedDRA SOC and CTCAE term must not be empty");
        }
        Map<CtcaeGrade, String> grades = new EnumMap<>(CtcaeGrade.class);
        for (CtcaeGrade grade : CtcaeGrade.values()) {
            String text = text(cells[FIRST_GRADE_COLUMN + grade.number() - 1]);
            if (text.isEmpty()) {
                throw fail(file, where + ": grade " + grade.number() + " of '" + name
                        + "' is empty; a grade that does not exist is written '-'");
            }
            if (!text.equals(NOT_DEFINED)) {
                grades.put(grade, repaired(code, grade, text));
            }
        }
        if (grades.isEmpty()) {
            throw fail(file, where + ": '" + name + "' has no grade");
        }
        String definition = text(cells[DEFINITION_COLUMN]);
        return new CtcaeTerm(code, soc, name, grades, definition.equals(NOT_DEFINED) ? "" : definition);
    }

    private static String text(String cell) {
        return cell.replace("\r\n", "\n").trim();
    }

    private static String repaired(String code, CtcaeGrade grade, String text) {
        List<String> repair = REPAIRS.get(code + "/" + grade.number());
        return repair == null ? text : text.replace(repair.get(0), repair.get(1));
    }

    private static Pattern exactly(String name) {
        return Pattern.compile(Pattern.quote(name), Pattern.CASE_INSENSITIVE);
    }

    private static Pattern grade(int number) {
        return Pattern.compile("Grade " + number + "(\\W.*)?", Pattern.CASE_INSENSITIVE);
    }

    private static CtcaeDictionaryException fail(Path file, String problem) {
        return new CtcaeDictionaryException("CTCAE term list " + file + ": " + problem);
    }
}
