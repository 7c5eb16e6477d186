package org.physgen.metrics.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

class ReportWriterTest {

	@TempDir
	Path dir;

	private static VolumeStatistics volume(final String name, final double porosity, final double s2At1) {
		return volume(name, 20, porosity, s2At1);
	}

	private static VolumeStatistics volume(final String name, final int size, final double porosity,
		final double s2At1)
	{
		final long voxels = (long) size * size * size;
		return new VolumeStatistics(name, new GridSize(size, size, size),
			List.of(new Scalar("volume fraction", "pore", "", porosity, ""),
				new Scalar("mean chord length", "pore", "z", 10 * porosity, "voxels"),
				new Scalar("voxel count", "pore", "", Math.round(porosity * voxels), "voxels", true)),
			List.of(new Curve("two-point correlation S2", "pore", "z", "r (voxels)", "S2", new double[] { 0, 1, 2 },
				new double[] { porosity, s2At1, 0.05 })),
			Map.of("volume fraction", "phase voxels / all voxels"), List.of());
	}

	private final Comparison comparison = new Comparison(volume("ketton", 0.2, 0.15),
		List.of(volume("gen-1", 0.21, 0.16), volume("gen-2", 0.23, 0.14)));

	@Test
	void rowsHoldMeanSampleSdAndRelativeDifference() {
		final ComparisonRow row = comparison.rows().get(0);
		assertEquals("volume fraction [pore]", row.key());
		assertEquals(0.22, row.mean(), 1e-12);
		assertEquals(Math.sqrt(0.0002), row.sd(), 1e-12);
		assertEquals(0.1, row.relativeDifference(), 1e-12);
		assertEquals(2, row.count());
		assertEquals("mean chord length [pore] (z)", comparison.rows().get(1).key());
		final ComparisonRow count = comparison.rows().get(2);
		assertTrue(count.comparable(), "volumes of equal size compare counts");
		assertEquals((1760 - 1600) / 1600.0, count.relativeDifference(), 1e-12);
		assertTrue(comparison.warnings().isEmpty());
	}

	@Test
	void extensiveRowsOfVolumesOfOtherSizesAreFlaggedNotCompared() throws Exception {
		final Comparison sizes = new Comparison(volume("reference", 32, 0.25, 0.2),
			List.of(volume("gen-1", 16, 0.25, 0.2), volume("gen-2", 16, 0.25, 0.2)));
		final ComparisonRow fraction = sizes.rows().get(0);
		assertTrue(fraction.comparable());
		assertEquals(0.0, fraction.relativeDifference(), 1e-12);
		final ComparisonRow count = sizes.rows().get(2);
		assertEquals(8192, count.reference());
		assertEquals(1024, count.mean());
		assertTrue(Double.isNaN(count.relativeDifference()), "not -0.875 from the size alone");
		assertEquals(ComparisonRow.NOT_COMPARABLE, count.note());
		assertEquals(List.of("the reference is 32 x 32 x 32 voxels, generated volumes 16 x 16 x 16: extensive"
			+ " quantities (voxel counts, Euler characteristics, cluster counts) are not compared; compare their"
			+ " per-volume densities"), sizes.warnings());
		ReportWriter.write(sizes, dir);
		assertEquals("voxel count [pore],voxels,8192,1024,0,2,," + ComparisonRow.NOT_COMPARABLE,
			Files.readAllLines(dir.resolve("comparison.csv")).get(3));
		assertTrue(Files.readString(dir.resolve("report.html")).contains("generated volumes 16 x 16 x 16"));
	}

	@Test
	void writesCsvJsonPlotsAndAPageThatEmbedsThem() throws Exception {
		final Path html = ReportWriter.write(comparison, dir);
		final List<String> comparisonCsv = Files.readAllLines(dir.resolve("comparison.csv"));
		assertEquals("\"volume fraction [pore]\",,0.200000,0.220000,0.0141421,2,0.100000,".replace("\"", ""),
			comparisonCsv.get(1));
		assertEquals(10, Files.readAllLines(dir.resolve("scalars.csv")).size());
		assertEquals(10, Files.readAllLines(dir.resolve("curves.csv")).size());

		final JsonObject json = JsonParser.parseString(Files.readString(dir.resolve("statistics.json"))).getAsJsonObject();
		assertEquals(2, json.getAsJsonArray("generated").size());
		assertEquals(0.22, json.getAsJsonArray("comparison").get(0).getAsJsonObject().get("generated_mean").getAsDouble(), 1e-12);

		final Path png = dir.resolve("plots/two-point-correlation-s2-pore-z.png");
		final BufferedImage image = ImageIO.read(png.toFile());
		assertEquals(640, image.getWidth());
		final String page = Files.readString(html);
		assertTrue(page.contains("data:image/png;base64,"));
		assertTrue(page.contains("+10.0 %"), "relative difference shown as a percentage");
		assertTrue(page.contains("phase voxels / all voxels"), "definitions are part of the page");
		final BufferedImage embedded = ImageIO.read(new ByteArrayInputStream(java.util.Base64.getDecoder()
			.decode(page.replaceAll("(?s).*base64,([^\"]+)\".*", "$1"))));
		assertEquals(420, embedded.getHeight());
		try (Stream<Path> files = Files.list(dir)) {
			assertTrue(files.map(p -> p.getFileName().toString()).collect(Collectors.toList()).stream()
				.noneMatch(n -> n.endsWith(".tmp")), "no temporary files left");
		}
	}

	@Test
	void referenceCurveIsDrawnInBlackAndGeneratedInColour() throws Exception {
		final byte[] png = LinePlot.png("S2", comparison.curvesByKey().values().iterator().next(), "reference", 2);
		final BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
		boolean black = false, coloured = false;
		for (int y = 40; y < 360; y++) {
			for (int x = 75; x < 600; x++) {
				final int rgb = image.getRGB(x, y) & 0xffffff;
				final int r = rgb >> 16, g = rgb >> 8 & 0xff, b = rgb & 0xff;
				if (r < 40 && g < 40 && b < 40) black = true;
				if (r > 150 && b < 120 && r - b > 60) coloured = true;
			}
		}
		assertTrue(black, "reference curve");
		assertTrue(coloured, "generated curves");
	}

	@Test
	void aSingleVolumeReportHasValuesOnly() throws Exception {
		final Comparison single = new Comparison(volume("ketton", 0.2, 0.15), List.of());
		final Path html = ReportWriter.write(single, dir);
		final String page = Files.readString(html);
		assertTrue(page.contains("Microstructure statistics: ketton"));
		assertTrue(!page.contains("generated mean"));
	}

	/** The natural-spread table leads the page; a reference without spread gives z = inf, not within. */
	@Test
	void fidelityIsWrittenWithItsHeadlineFirst() throws Exception {
		final Fidelity fidelity = new Fidelity("8 disjoint 16 x 16 x 16 sub-volumes of rock", 8, new GridSize(16, 16,
			16), List.of(new FidelityRow("volume fraction [pore]", "", 0.2, 0.02, 8, 0.23, 0.01, 2),
				new FidelityRow("spanning fraction (6-connected) [pore]", "", 1, 0, 8, 0.9, 0.1, 2)));
		final Comparison withSpread = new Comparison(volume("rock", 32, 0.2, 0.15), List.of(volume("gen-1", 16, 0.22,
			0.16), volume("gen-2", 16, 0.24, 0.14)), fidelity, List.of());
		ReportWriter.write(withSpread, dir);
		assertEquals(List.of(ReportWriter.FIDELITY_COLUMNS, "volume fraction [pore],,0.200000,0.0200000,8,0.230000,"
			+ "0.0100000,2,1.50000,true", "spanning fraction (6-connected) [pore],,1,0,8,0.900000,0.100000,2,-inf,false"),
			Files.readAllLines(dir.resolve("fidelity.csv")));
		final String page = Files.readString(dir.resolve("report.html"));
		final int headline = page.indexOf("1 of 2 statistics within natural variability (|z| &lt;= 2) of 8 disjoint"
			+ " 16 x 16 x 16 sub-volumes of rock");
		assertTrue(headline > 0 && headline < page.indexOf("<h2>Scalars</h2>"), "headline before the scalars");
		final JsonObject json = JsonParser.parseString(Files.readString(dir.resolve("statistics.json"))).getAsJsonObject();
		assertEquals(1, json.getAsJsonObject("fidelity").get("matched").getAsInt());
		assertTrue(Files.notExists(dir.resolve("sub").resolve("fidelity.csv")));
		ReportWriter.write(comparison, dir.resolve("sub"));
		assertTrue(Files.notExists(dir.resolve("sub").resolve("fidelity.csv")), "no spread, no fidelity.csv");
	}

	@Test
	void aCurveBandIsTheMeanAndSampleSdOverTheCommonRange() {
		final CurveBand band = CurveBand.of(List.of(new Curve("S2", "pore", "z", "r", "S2", new double[] { 0, 1, 2 },
			new double[] { 1, 2, 3 }), new Curve("S2", "pore", "z", "r", "S2", new double[] { 0, 1 }, new double[] { 3,
				4 })));
		assertEquals(List.of(0.0, 1.0), java.util.Arrays.stream(band.x()).boxed().toList());
		assertEquals(List.of(2.0, 3.0), java.util.Arrays.stream(band.mean()).boxed().toList());
		assertEquals(Math.sqrt(2), band.sd()[1], 1e-12);
		assertEquals(null, CurveBand.of(List.of(comparison.reference().curves().get(0))), "no spread of one curve");
	}

	@Test
	void theReferenceBandIsDrawnInGrey() throws Exception {
		final List<Curve> curves = comparison.curvesByKey().values().iterator().next();
		final CurveBand band = new CurveBand(new double[] { 0, 1, 2 }, new double[] { 0.2, 0.15, 0.05 },
			new double[] { 0.05, 0.05, 0.05 });
		assertTrue(greyPixels(LinePlot.png("S2", curves, "reference", 2, band)) > 1000);
		assertTrue(greyPixels(LinePlot.png("S2", curves, "reference", 2)) < 200, "only antialiased edges");
	}

	/** Pixels of the band's grey over white inside the plot area (grid lines are lighter). */
	private static int greyPixels(final byte[] png) throws Exception {
		final BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
		int grey = 0;
		for (int y = 40; y < 360; y++) {
			for (int x = 75; x < 420; x++) {
				final int rgb = image.getRGB(x, y) & 0xffffff;
				final int r = rgb >> 16, g = rgb >> 8 & 0xff, b = rgb & 0xff;
				if (r == g && g == b && r > 180 && r < 215) grey++;
			}
		}
		return grey;
	}
}
