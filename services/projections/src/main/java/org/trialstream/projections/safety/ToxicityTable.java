package org.trialstream.projections.safety;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.trialstream.projections.safety.ToxicityAnalysis.Grouping;
import org.trialstream.projections.safety.ToxicityViews.GradeCount;
import org.trialstream.projections.safety.ToxicityViews.TeaeRow;
import org.trialstream.projections.safety.ToxicityViews.TeaeView;
import org.trialstream.projections.web.Drawing;

/**
 * The TEAE incidence laid out as a paper's Table 2: a title with N and the data cut, a header row, then one row per
 * term (or organ class) with "n (%)" for any grade, each grade 1 to 5, and the protocol's severe grades; the
 * three rules of a journal table. The CSV export has the same header and cells.
 */
final class ToxicityTable implements Drawing {

    private static final Font TITLE = new Font("SansSerif", Font.BOLD, 15);
    private static final Font HEADER = new Font("SansSerif", Font.BOLD, 13);
    private static final Font BODY = new Font("SansSerif", Font.PLAIN, 13);
    private static final Font NOTE = new Font("SansSerif", Font.ITALIC, 11);
    private static final int MARGIN = 24;
    private static final int PADDING = 16;
    private static final int ROW = 24;
    private static final int RULE_GAP = 4;

    private final List<String> title;
    private final List<String> header;
    private final List<List<String>> rows;
    private final String note;
    private final int[] columnWidths;
    private final int width;
    private final int height;

    ToxicityTable(TeaeView view) {
        String rowsAre = Grouping.SOC.parameter().equals(view.by()) ? "system organ class" : "CTCAE term";
        this.title = List.of("Treatment-emergent adverse events by " + rowsAre,
                "Safety population N = " + view.n() + ", data cut " + view.dataCut()
                        + (view.asRecordedAt() == null ? "" : ", as recorded at " + view.asRecordedAt()));
        this.header = header(view);
        this.rows = new ArrayList<>();
        rows.add(cells(view.any()));
        view.rows().forEach(row -> rows.add(cells(row)));
        this.note = "n (%) of patients, each counted once per row at their worst grade (CTCAE v5.0).";

        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
        Graphics2D measure = scratch.createGraphics();
        try {
            columnWidths = new int[header.size()];
            for (int column = 0; column < header.size(); column++) {
                int widest = measure.getFontMetrics(HEADER).stringWidth(header.get(column));
                for (List<String> row : rows) {
                    widest = Math.max(widest, measure.getFontMetrics(BODY).stringWidth(row.get(column)));
                }
                columnWidths[column] = widest + PADDING;
            }
            int tableWidth = 0;
            for (int columnWidth : columnWidths) {
                tableWidth += columnWidth;
            }
            int titleWidth = title.stream().mapToInt(line -> measure.getFontMetrics(TITLE).stringWidth(line)).max()
                    .orElse(0);
            int noteWidth = measure.getFontMetrics(NOTE).stringWidth(note);
            this.width = 2 * MARGIN + Math.max(tableWidth, Math.max(titleWidth, noteWidth));
        } finally {
            measure.dispose();
        }
        this.height = 2 * MARGIN + (title.size() + rows.size() + 2) * ROW + ROW / 2 + RULE_GAP;
    }

    /** The header row: the row label with N, any grade, grades 1 to 5, and the severe grades. */
    static List<String> header(TeaeView view) {
        List<String> header = new ArrayList<>();
        header.add((Grouping.SOC.parameter().equals(view.by()) ? "System organ class" : "CTCAE term")
                + " (N = " + view.n() + ")");
        header.add("Any grade");
        for (int grade = 1; grade <= 5; grade++) {
            header.add("Grade " + grade);
        }
        header.add("Grade \u2265" + view.severeGradeFrom());
        return header;
    }

    /** One row's cells, each count as "n (%)". */
    static List<String> cells(TeaeRow row) {
        List<String> cells = new ArrayList<>();
        cells.add(row.name());
        cells.add(cell(row.anyGrade().n(), row.anyGrade().percent()));
        for (GradeCount grade : row.grades()) {
            cells.add(cell(grade.n(), grade.percent()));
        }
        cells.add(cell(row.severe().n(), row.severe().percent()));
        return cells;
    }

    private static String cell(int n, BigDecimal percent) {
        return percent == null ? String.valueOf(n) : n + " (" + percent.toPlainString() + ")";
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public void draw(Graphics2D graphics) {
        graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        graphics.setPaint(Color.WHITE);
        graphics.fillRect(0, 0, width, height);
        graphics.setPaint(Color.BLACK);

        int y = MARGIN;
        graphics.setFont(TITLE);
        for (String line : title) {
            y += ROW;
            graphics.drawString(line, MARGIN, y - baselineGap(graphics));
        }
        y += ROW / 2;
        int right = width - MARGIN;
        graphics.setStroke(new BasicStroke(1.5f));
        graphics.drawLine(MARGIN, y, right, y);
        y += ROW;
        drawRow(graphics, header, HEADER, y);
        graphics.setStroke(new BasicStroke(1f));
        graphics.drawLine(MARGIN, y + RULE_GAP / 2, right, y + RULE_GAP / 2);
        for (List<String> row : rows) {
            y += ROW;
            drawRow(graphics, row, BODY, y);
        }
        y += RULE_GAP;
        graphics.setStroke(new BasicStroke(1.5f));
        graphics.drawLine(MARGIN, y, right, y);
        y += ROW;
        graphics.setFont(NOTE);
        graphics.drawString(note, MARGIN, y - baselineGap(graphics));
    }

    /** The first column left-aligned, the counts centred in theirs. */
    private void drawRow(Graphics2D graphics, List<String> cells, Font font, int bottom) {
        graphics.setFont(font);
        FontMetrics metrics = graphics.getFontMetrics();
        int baseline = bottom - baselineGap(graphics);
        int x = MARGIN;
        for (int column = 0; column < cells.size(); column++) {
            String text = cells.get(column);
            int textX = column == 0 ? x : x + (columnWidths[column] - metrics.stringWidth(text)) / 2;
            graphics.drawString(text, textX, baseline);
            x += columnWidths[column];
        }
    }

    private static int baselineGap(Graphics2D graphics) {
        return graphics.getFontMetrics().getDescent() + 2;
    }
}
