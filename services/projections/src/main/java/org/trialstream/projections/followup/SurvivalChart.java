package org.trialstream.projections.followup;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Line2D;
import java.time.LocalDate;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationStepRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.trialstream.projections.web.Drawing;
import org.trialstream.statistics.survival.SurvivalCurve;
import org.trialstream.statistics.survival.SurvivalRow;

/**
 * A Kaplan-Meier plot as a trial report shows it: the survival steps with their shaded 95 % interval, a tick at each
 * censoring, the months from surgery on the x axis up to the endpoint horizon, and the numbers at risk under the axis.
 */
final class SurvivalChart implements Drawing {

    static final String X_LABEL = "Months since surgery";
    private static final int WIDTH = 900;
    private static final int HEIGHT = 600;
    private static final Color CURVE = new Color(0x1F, 0x4E, 0x79);

    static {
        // Rotated labels (the y axis) as text rather than glyph outlines, so that the SVG keeps them as text.
        TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    private final JFreeChart chart;

    SurvivalChart(String name, LocalDate dataCut, SurvivalCurve curve, int horizonMonths, int riskEveryMonths) {
        YIntervalSeries steps = new YIntervalSeries(name);
        XYSeries censored = new XYSeries("Censored");
        steps.add(0, 1, 1, 1);
        for (SurvivalRow row : curve.rows()) {
            if (row.hasEvents()) {
                double lower = Double.isNaN(row.lower95()) ? row.survival() : row.lower95();
                double upper = Double.isNaN(row.upper95()) ? row.survival() : row.upper95();
                steps.add(row.time(), row.survival(), lower, upper);
            }
            if (row.nCensor() > 0) {
                censored.add(row.time(), row.survival());
            }
        }
        if (curve.lastTime() > steps.getX(steps.getItemCount() - 1).doubleValue()) {
            int last = steps.getItemCount() - 1;
            steps.add(curve.lastTime(), steps.getYValue(last), steps.getYLowValue(last), steps.getYHighValue(last));
        }

        DeviationStepRenderer stepRenderer = new DeviationStepRenderer();
        stepRenderer.setSeriesPaint(0, CURVE);
        stepRenderer.setSeriesFillPaint(0, CURVE);
        stepRenderer.setAlpha(0.2f);
        stepRenderer.setSeriesStroke(0, new BasicStroke(2f));
        stepRenderer.setDefaultShapesVisible(false);

        XYLineAndShapeRenderer tickRenderer = new XYLineAndShapeRenderer(false, true);
        tickRenderer.setSeriesShape(0, new Line2D.Double(0, -5, 0, 5));
        tickRenderer.setSeriesOutlineStroke(0, new BasicStroke(1.5f));
        tickRenderer.setSeriesPaint(0, CURVE);
        tickRenderer.setUseOutlinePaint(true);
        tickRenderer.setSeriesOutlinePaint(0, CURVE);
        tickRenderer.setDrawOutlines(true);
        tickRenderer.setUseFillPaint(false);

        NumberAxis months = new NumberAxis(X_LABEL);
        // A little room at both ends, so that the first and last numbers at risk are not cut.
        months.setRange(-horizonMonths * 0.02, horizonMonths * 1.02);
        months.setTickUnit(new NumberTickUnit(riskEveryMonths));
        NumberAxis probability = new NumberAxis(name + " probability");
        probability.setRange(0, 1.02);
        probability.setTickUnit(new NumberTickUnit(0.2));

        XYPlot survival = new XYPlot();
        survival.setRangeAxis(probability);
        YIntervalSeriesCollection interval = new YIntervalSeriesCollection();
        interval.addSeries(steps);
        survival.setDataset(0, interval);
        survival.setRenderer(0, stepRenderer);
        survival.setDataset(1, new XYSeriesCollection(censored));
        survival.setRenderer(1, tickRenderer);
        style(survival);

        // The numbers at risk as a strip under the curve, each number under its month tick.
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(months);
        plot.setGap(4);
        plot.add(survival, 6);
        plot.add(riskTable(curve, horizonMonths, riskEveryMonths), 1);

        chart = new JFreeChart(name + " (data cut " + dataCut + ", n = " + curve.subjects() + ", events = "
                + curve.events() + ")", new Font("SansSerif", Font.BOLD, 16), plot, false);
        chart.setBackgroundPaint(Color.WHITE);
    }

    private static XYPlot riskTable(SurvivalCurve curve, int horizonMonths, int everyMonths) {
        NumberAxis row = new NumberAxis("At risk");
        row.setRange(0, 1);
        row.setTickLabelsVisible(false);
        row.setTickMarksVisible(false);
        row.setLabelFont(new Font("SansSerif", Font.PLAIN, 12));
        XYPlot table = new XYPlot(new XYSeriesCollection(), null, row, new XYLineAndShapeRenderer(false, false));
        for (int month = 0; month <= horizonMonths; month += everyMonths) {
            XYTextAnnotation count = new XYTextAnnotation(String.valueOf(curve.numberAtRisk(month)), month, 0.5);
            count.setFont(new Font("SansSerif", Font.PLAIN, 12));
            count.setTextAnchor(TextAnchor.CENTER);
            table.addAnnotation(count);
        }
        table.setBackgroundPaint(Color.WHITE);
        table.setOutlineVisible(false);
        table.setDomainGridlinesVisible(false);
        table.setRangeGridlinesVisible(false);
        return table;
    }

    private static void style(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
        plot.setRangeGridlinePaint(new Color(0xDD, 0xDD, 0xDD));
    }

    @Override
    public int width() {
        return WIDTH;
    }

    @Override
    public int height() {
        return HEIGHT;
    }

    @Override
    public void draw(Graphics2D graphics) {
        chart.draw(graphics, new Rectangle(0, 0, WIDTH, HEIGHT));
    }
}
