package org.symseg.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.symseg.dataset.Failure;
import org.symseg.dataset.Json;
import org.symseg.image.Storage;
import org.symseg.model.KSelection;

/**
 * {@code OUT/report.html}: one self-contained page per run that a person opens from disk, offline.
 * Images are embedded as PNG data URIs (downscaled past {@link #FULL_SIDE} pixels a side, or
 * {@link #THUMB_SIDE} when the run has more than {@link #FULL_INPUTS} inputs, so the page stays a
 * few megabytes; each links to its full file), plots are inline SVG, styles inline; there is no
 * script and nothing external.
 * Every string a user chose is escaped ({@link Html}).
 */
public final class RunReport {

    public static final String FILE = "report.html";
    /** Where the Fisher separability plot is written, when a run makes one. */
    public static final String FISHER = "diagnostics/fisher.png";
    static final int FULL_SIDE = 1024;
    static final int THUMB_SIDE = 256;
    static final int FULL_INPUTS = 16;

    private static final String STYLE = """
            body{font:14px/1.45 system-ui,sans-serif;margin:24px auto;max-width:1180px;padding:0 16px;color:#222}
            h1{font-size:22px}h2{font-size:18px;margin-top:32px;border-bottom:1px solid #ddd}
            h3{font-size:15px}table{border-collapse:collapse;margin:8px 0}
            td,th{border:1px solid #ddd;padding:3px 8px;text-align:left;vertical-align:top}
            td.num{text-align:right;font-variant-numeric:tabular-nums}
            .figs{display:flex;flex-wrap:wrap;gap:16px}figure{margin:0}
            figure img{max-width:560px;height:auto;border:1px solid #ccc;image-rendering:auto}
            figure img.labels{image-rendering:pixelated}
            .swatch{display:inline-block;width:12px;height:12px;margin-right:6px;vertical-align:middle}
            .status-failed{color:#b00020}.status-skipped{color:#666}.path{font-family:monospace;word-break:break-all}
            .plot .grid{stroke:#ddd}.plot .tick{font-size:11px;fill:#555}.chosen{font-weight:bold}
            """;

    private RunReport() {
    }

    /** Builds the page and writes it to {@code OUT/report.html}, atomically. */
    public static void write(RunSummary run) throws IOException {
        Json.writeBytes(Storage.child(run.outDir(), FILE), html(run).getBytes(StandardCharsets.UTF_8));
    }

    public static String html(RunSummary run) {
        StringBuilder page = new StringBuilder(1 << 16);
        page.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width\">")
                // an empty icon, so a browser asks for no favicon file
                .append("<link rel=\"icon\" href=\"data:,\">")
                .append("<title>symseg run: ").append(Html.text(run.outDir())).append("</title>")
                .append("<style>").append(STYLE).append("</style></head><body>\n");
        page.append("<h1>symseg run</h1>\n<p>Output <span class=\"path\">")
                .append(Html.text(run.outDir())).append("</span>, created ")
                .append(Html.text(run.created())).append(". ").append(Html.text(counts(run)))
                .append(".</p>\n");
        if (run.model() != null) {
            page.append("<p>Model ").append(Html.text(run.model().source())).append(", ")
                    .append(run.model().patterns()).append(" patterns, hash <code>")
                    .append(Html.text(run.model().hash().substring(0, Math.min(12, run.model().hash().length()))))
                    .append("</code>.</p>\n");
        }
        int side = run.inputs().size() > FULL_INPUTS ? THUMB_SIDE : FULL_SIDE;
        for (int i = 0; i < run.inputs().size(); i++) {
            input(page, run, run.inputs().get(i), i, side);
        }
        kSelection(page, run.kSelection());
        fisher(page, run.outDir());
        keyValues(page, "Configuration", run.configuration(), "");
        keyValues(page, "Timings", run.timingsMs(), " ms");
        failures(page, run);
        keyValues(page, "Versions", run.versions(), "");
        return page.append("</body></html>\n").toString();
    }

    private static String counts(RunSummary run) {
        long written = run.inputs().stream().filter(i -> "written".equals(i.status())).count();
        long skipped = run.inputs().stream().filter(i -> "skipped".equals(i.status())).count();
        return written + " written, " + skipped + " skipped, " + run.failures().size() + " failed";
    }

    private static void input(StringBuilder page, RunSummary run, RunSummary.Input input, int index,
            int side) {
        page.append("<h2 id=\"input-").append(index).append("\"><span class=\"path\">")
                .append(Html.text(input.path())).append("</span></h2>\n<p class=\"status-")
                .append(Html.text(input.status())).append("\">").append(Html.text(input.status()));
        if (input.width() > 0) {
            page.append(", ").append(input.width()).append(" x ").append(input.height())
                    .append(input.frames() > 1 ? ", " + input.frames() + " frames" : "");
        }
        if (input.reason() != null) {
            page.append(": ").append(Html.text(input.reason()));
        }
        page.append("</p>\n");
        if (!input.hasOutputs()) {
            return;
        }
        page.append("<div class=\"figs\">");
        figure(page, run.outDir(), input.outputName() + "/overlay.png", "overlay (frame 0)", side, false);
        figure(page, run.outDir(), input.outputName() + "/labels.tif", "label map (frame 0)", side, true);
        page.append("</div>\n");
        fractions(page, input.fractions());
    }

    /** An embedded picture linked to its full file; a file that cannot be read is said so. */
    private static void figure(StringBuilder page, String outDir, String file, String caption,
            int side, boolean labels) {
        String full = Storage.child(outDir, file);
        page.append("<figure>");
        try {
            Preview.Embedded image = labels ? Preview.labels(full, side) : Preview.picture(full, side);
            page.append("<a href=\"").append(Html.href(file)).append("\"><img src=\"")
                    .append(image.uri()).append("\" width=\"").append(image.width())
                    .append("\" height=\"").append(image.height()).append("\" alt=\"")
                    .append(Html.text(caption)).append('"').append(labels ? " class=\"labels\"" : "")
                    .append("></a>");
        } catch (IOException | RuntimeException e) {
            page.append("<p class=\"status-failed\">").append(Html.text(file)).append(" could not be shown: ")
                    .append(Html.text(Failure.reasonOf(e))).append("</p>");
        }
        page.append("<figcaption>").append(Html.text(caption)).append(", <a href=\"")
                .append(Html.href(file)).append("\">").append(Html.text(file.substring(file.lastIndexOf('/') + 1)))
                .append("</a></figcaption></figure>");
    }

    private static void fractions(StringBuilder page, double[][] fractions) {
        int patterns = fractions.length == 0 ? 0 : fractions[0].length;
        page.append("<h3>Pattern fractions</h3>\n");
        if (fractions.length > 1) {
            page.append(FractionSvg.render(fractions)).append('\n');
        }
        page.append("<table><tr><th>pattern</th>").append(fractions.length > 1
                ? "<th>min</th><th>mean</th><th>max</th>" : "<th>area fraction</th>").append("</tr>");
        for (int p = 0; p < patterns; p++) {
            double min = 1;
            double max = 0;
            double sum = 0;
            for (double[] frame : fractions) {
                min = Math.min(min, frame[p]);
                max = Math.max(max, frame[p]);
                sum += frame[p];
            }
            page.append("<tr><td><span class=\"swatch\" style=\"background:")
                    .append(FractionSvg.css(Overlay.colour(p))).append("\"></span>").append(p).append("</td>");
            if (fractions.length > 1) {
                page.append(number(min)).append(number(sum / fractions.length)).append(number(max));
            } else {
                page.append(number(sum));
            }
            page.append("</tr>");
        }
        page.append("</table>\n");
    }

    private static void kSelection(StringBuilder page, KSelection selection) {
        if (selection == null) {
            return;
        }
        page.append("<h2>Number of patterns</h2>\n<p>Chosen by ").append(Html.text(selection.method()))
                .append(" (higher is better): k = ").append(selection.chosen()).append(".</p>\n")
                .append("<table><tr><th>k</th><th>score</th></tr>");
        selection.scores().forEach((k, score) -> page.append("<tr")
                .append(k == selection.chosen() ? " class=\"chosen\"" : "").append("><td>").append(k)
                .append("</td>").append(number(score)).append("</tr>"));
        page.append("</table>\n");
    }

    private static void fisher(StringBuilder page, String outDir) {
        String path = Storage.child(outDir, FISHER);
        try {
            if (!Storage.exists(path)) {
                return;
            }
        } catch (IOException e) {
            return;
        }
        page.append("<h2>Separability</h2>\n<div class=\"figs\">");
        figure(page, outDir, FISHER, "Fisher separability", FULL_SIDE, false);
        page.append("</div>\n");
    }

    private static void keyValues(StringBuilder page, String title, Map<String, ?> values, String unit) {
        page.append("<h2>").append(Html.text(title)).append("</h2>\n<table>");
        values.forEach((key, value) -> page.append("<tr><th>").append(Html.text(key))
                .append("</th><td>").append(Html.text(value)).append(Html.text(unit)).append("</td></tr>"));
        page.append("</table>\n");
    }

    private static void failures(StringBuilder page, RunSummary run) {
        page.append("<h2>Failures</h2>\n");
        if (run.failures().isEmpty()) {
            page.append("<p>None.</p>\n");
            return;
        }
        page.append("<table><tr><th>input</th><th>reason</th></tr>");
        for (Failure failure : run.failures()) {
            page.append("<tr><td class=\"path\">").append(Html.text(failure.path())).append("</td><td>")
                    .append(Html.text(failure.reason())).append("</td></tr>");
        }
        page.append("</table>\n");
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "<td class=\"num\">%.4f</td>", value);
    }
}
