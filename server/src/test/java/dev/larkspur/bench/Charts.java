package dev.larkspur.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

/** The report's PNG charts, drawn with XChart. */
final class Charts {
    private Charts() {}

    static final List<String> LOADS = List.of("send_chat10", "send_chat1000", "db_ceiling", "http_floor");

    /** Calls per second by concurrency: each send load beside the database ceiling and the HTTP floor. */
    static Path throughput(RunResult run, Path dir) throws IOException {
        CategoryChart chart = new CategoryChartBuilder()
                .width(900)
                .height(500)
                .title("Throughput by concurrency (" + run.database() + ")")
                .xAxisTitle("concurrent connections")
                .yAxisTitle("calls / s")
                .build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        for (String load : LOADS) {
            var points = run.loads().get(load);
            if (points == null || points.isEmpty()) {
                continue;
            }
            chart.addSeries(
                    load,
                    points.stream().map(p -> String.valueOf(p.concurrency())).toList(),
                    points.stream()
                            .map(p -> Math.max(1, p.latency().perSecond()))
                            .toList());
        }
        Path file = dir.resolve(run.database() + "-throughput.png");
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        return file;
    }

    /**
     * Send latency by percentile, one line per concurrency: the x axis is 1/(1-p) on a log scale, so
     * the tail (99%, 99.9%, 99.99%) is spread out as in HdrHistogram's plots.
     */
    static Path latency(RunResult run, String load, Path dir) throws IOException {
        XYChart chart = new XYChartBuilder()
                .width(900)
                .height(500)
                .title("Latency distribution, " + load + " (" + run.database() + ")")
                .xAxisTitle("1/(1-p): 2 = p50, 10 = p90, 100 = p99, 1000 = p99.9, 1E4 = p99.99")
                .yAxisTitle("ms")
                .build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        for (var point : run.loads().getOrDefault(load, List.of())) {
            var xs = new ArrayList<Double>();
            var ys = new ArrayList<Double>();
            point.latency().percentilesMs().forEach((label, ms) -> {
                double p = Double.parseDouble(label);
                if (p < 100) {
                    xs.add(1 / (1 - p / 100));
                    ys.add(Math.max(0.01, ms));
                }
            });
            chart.addSeries("c=" + point.concurrency(), xs, ys);
        }
        Path file = dir.resolve(run.database() + "-" + load + "-latency.png");
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
        return file;
    }
}
