package org.symseg.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.symseg.image.TiffWriter;
import org.symseg.testing.Cli;
import org.symseg.testing.HeadlessChromium;

/**
 * The run report in a real headless Chromium: it loads without a console error, every image in
 * it decodes, names with markup characters appear as written (escaped, not interpreted), and
 * every link leads to a file of the run.
 */
class RunReportTest {

    /** A name that becomes an element, breaks an attribute or starts an entity if not escaped. */
    private static final String NASTY = "scan <b class=\"inj\">&amp; 'q'";

    private static final String PAGE_FACTS = """
            JSON.stringify({
              images: [...document.images].map(i => ({alt: i.alt, width: i.naturalWidth,
                  height: i.naturalHeight, declared: i.getAttribute('width') + 'x' + i.getAttribute('height')})),
              injected: document.querySelectorAll('.inj').length,
              text: document.body.innerText,
              links: [...document.querySelectorAll('a[href]')]
                  .map(a => decodeURIComponent(new URL(a.href).pathname)),
              svgs: document.querySelectorAll('svg polyline').length,
              scripts: document.scripts.length
            })""";

    @Test
    void reportLoadsInChromiumWithEveryImageAndEscapedNames(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.copy(Path.of("test-data/two-phase.tif"), in.resolve(NASTY + ".tif"));
        Files.copy(Path.of("test-data/two-phase-series.tif"), in.resolve("series.tif"));
        Files.writeString(in.resolve("broken <i>&\".tif"), "not an image");
        Path out = dir.resolve("out");

        Cli run = Cli.run("segment", in.toString(), "--out", out.toString(), "--k", "auto",
                "--k-max", "3", "--quiet");
        assertEquals(1, run.exitCode(), run.out() + run.err());
        Path report = out.resolve("report.html");
        assertTrue(Files.isRegularFile(report), run.err());

        JsonNode page;
        try (HeadlessChromium chromium = HeadlessChromium.start(dir.resolve("profile"))) {
            chromium.open(report.toUri());
            page = new ObjectMapper().readTree(chromium.evaluate(PAGE_FACTS).asText());
            assertEquals(List.of(), chromium.errors(), "console errors");
        }
        // overlay and label map of two inputs, and the fit's Fisher plot (OUT/diagnostics)
        assertEquals(5, page.get("images").size(), page.get("images").toString());
        assertEquals("Fisher separability", page.get("images").get(4).get("alt").asText());
        for (JsonNode image : page.get("images")) {
            assertTrue(image.get("width").asInt() > 0, "image does not decode: " + image);
            assertEquals(image.get("declared").asText(), image.get("width") + "x" + image.get("height"),
                    "decoded size differs from the page's: " + image);
        }
        assertEquals(0, page.get("injected").asInt(), "markup from a file name became an element");
        String text = page.get("text").asText();
        assertTrue(text.contains(in.resolve(NASTY + ".tif").toString()), text);
        assertTrue(text.contains(in.resolve("broken <i>&\".tif").toString()), text);
        assertTrue(text.contains("not a TIFF image"), text);
        assertEquals(2, page.get("svgs").asInt(), "one line per pattern over the series' frames");
        assertEquals(0, page.get("scripts").asInt());
        assertTrue(text.contains("Number of patterns"), "the scores of --k auto are shown");
        List<String> links = new ArrayList<>();
        page.get("links").forEach(link -> links.add(link.asText()));
        assertTrue(links.contains(out.resolve(NASTY + "/overlay.png").toString()), links.toString());
        for (String link : links) {
            assertTrue(Files.isRegularFile(Path.of(link)), "link to a missing file: " + link);
        }
    }

    @Test
    void bigImagesAreEmbeddedDownscaled(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("big.png");
        ImageIO.write(new BufferedImage(2500, 1200, BufferedImage.TYPE_INT_RGB), "png", png.toFile());
        Preview.Embedded preview = Preview.picture(png.toString(), RunReport.FULL_SIDE);
        assertEquals(List.of(1024, 491), List.of(preview.width(), preview.height()));
        BufferedImage decoded = decode(preview);
        assertEquals(List.of(1024, 491), List.of(decoded.getWidth(), decoded.getHeight()));
        Preview.Embedded thumb = Preview.picture(png.toString(), RunReport.THUMB_SIDE);
        assertEquals(256, thumb.width());
        assertEquals(256, decode(thumb).getWidth());
    }

    @Test
    void aSmallPngIsEmbeddedAsItsOwnBytes(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("small.png");
        ImageIO.write(new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB), "png", png.toFile());
        Preview.Embedded embedded = Preview.picture(png.toString(), RunReport.FULL_SIDE);
        assertEquals(List.of(300, 200), List.of(embedded.width(), embedded.height()));
        assertEquals("data:image/png;base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(png)),
                embedded.uri());
    }

    /**
     * Palette (up to 256 labels, in 8 or 16 bits: a run writes 8) or colour pixels (more), each
     * label shows its pattern colour.
     */
    @Test
    void labelMapsShowEachLabelInItsColour(@TempDir Path dir) throws Exception {
        int[][] cases = {{5, BufferedImage.TYPE_BYTE_GRAY}, {255, BufferedImage.TYPE_BYTE_GRAY},
            {5, BufferedImage.TYPE_USHORT_GRAY}, {300, BufferedImage.TYPE_USHORT_GRAY}};
        for (int[] c : cases) {
            int top = c[0];
            BufferedImage map = new BufferedImage(top + 1, 3, c[1]);
            for (int x = 0; x <= top; x++) {
                map.getRaster().setSample(x, 1, 0, x);
            }
            Path tif = dir.resolve("labels-" + top + "-" + c[1] + ".tif");
            try (OutputStream out = Files.newOutputStream(tif)) {
                TiffWriter.write(out, List.of(map));
            }
            BufferedImage shown = decode(Preview.labels(tif.toString(), RunReport.FULL_SIDE));
            for (int x = 0; x <= top; x++) {
                assertEquals(Overlay.colour(x), shown.getRGB(x, 1) & 0xffffff, "label " + x);
                assertEquals(Overlay.colour(0), shown.getRGB(x, 0) & 0xffffff, "label 0 above " + x);
            }
        }
    }

    private static BufferedImage decode(Preview.Embedded embedded) throws Exception {
        String base64 = embedded.uri().substring("data:image/png;base64,".length());
        return ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
    }

    @Test
    void textAndLinksAreEscaped() {
        assertEquals("&lt;b class=&quot;x&quot;&gt;&amp;amp; &#39;q&#39;", Html.text("<b class=\"x\">&amp; 'q'"));
        assertEquals("a%20%3Cb%3E%26%22/100%25%23x/overlay.png", Html.href("a <b>&\"/100%#x/overlay.png"));
    }
}
