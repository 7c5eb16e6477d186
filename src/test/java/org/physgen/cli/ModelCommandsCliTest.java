package org.physgen.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physgen.fiji.TinyModels;
import org.physgen.nn.ModelBundle;
import org.physgen.nn.PfgmProcess;
import org.physgen.volume.TiffVolumeWriter;
import org.physgen.volume.VolumeReader;

import ij.IJ;

/** The model commands as Fiji's --headless --run and scripts/physgen run them. */
class ModelCommandsCliTest {

	private static final String CPU = "device='cpu',threads=1,";
	/** The coarsest DSD sampler steps, to keep generation fast. */
	private static final String FAST = CPU + "tolerance=1.0,";

	@TempDir
	Path dir;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();
	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private int physgen(final String... args) {
		out.reset();
		err.reset();
		return new PhysGenCli(new PrintStream(out, true, StandardCharsets.UTF_8),
			new PrintStream(err, true, StandardCharsets.UTF_8)).execute(args);
	}

	private String stdout() {
		return out.toString(StandardCharsets.UTF_8);
	}

	private String stderr() {
		return err.toString(StandardCharsets.UTF_8);
	}

	@Test
	void trainThenGenerateSavesEveryVolumeWithExactCounts() throws Exception {
		final Path input = dir.resolve("rock.tif");
		TiffVolumeWriter.write(TinyModels.trainingVolume(), input);
		final Path model = dir.resolve("models/rock.physgen");
		assertEquals(0, physgen("run", "Train DSD Model", "input_file='" + input + "',model_file='" + model
			+ "',crop_size=8,steps=3,batch=2,channels=4,seed=2," + CPU), stderr());
		assertTrue(stdout().contains("saved: " + model.toAbsolutePath()), stdout());
		assertTrue(stdout().contains("summary: DSD model: 3 steps"), stdout());

		final Path outDir = dir.resolve("generated");
		assertEquals(0, physgen("run", "Generate Volumes", "model_file='" + model + "',count=2,size=8,"
			+ "fractions='0.25',seed=5," + FAST + "output_dir='" + outDir + "'"), stderr());
		for (int i = 1; i <= 2; i++) {
			final Path file = outDir.resolve("rock-5-" + i + ".tif");
			assertTrue(stdout().contains("saved: " + file.toAbsolutePath()), stdout());
			assertArrayEquals(new long[] { 384, 128 }, VolumeReader.read(file).phaseCounts());
		}
		assertTrue(stdout().contains("volumes: rock-5 (8 x 8 x 8)"), stdout());
		assertTrue(stdout().contains("Generate Volumes finished in"), stdout());
	}

	/** PFGM (D = 1) and small D through the headless runner: trained, saved, and generating exact counts. */
	@Test
	void pfgmTrainsAndGeneratesExactCountsAtSmallD() throws Exception {
		for (final String d : new String[] { "1", "4", "16" }) {
			final Path model = dir.resolve("pfgm-d" + d + ".physgen");
			assertEquals(0, physgen("run", "Train PFGM++ Model", "input_file='" + writeInput() + "',model_file='"
				+ model + "',aug_dim='" + d + "',crop_size=8,steps=2,batch=1,channels=4," + CPU), stderr());
			assertTrue(ModelBundle.read(model).metadata().process(PfgmProcess.class).augDim() == Double.parseDouble(d),
				"D = " + d);
			final Path outDir = dir.resolve("generated-d" + d);
			assertEquals(0, physgen("run", "Generate Volumes", "model_file='" + model + "',size=8,fractions='0.25',"
				+ "seed=3," + CPU + "output_dir='" + outDir + "'"), stderr());
			try (Stream<Path> files = Files.list(outDir)) {
				final Path volume = files.filter(f -> f.toString().endsWith(".tif")).findFirst().orElseThrow();
				assertArrayEquals(new long[] { 384, 128 }, VolumeReader.read(volume).phaseCounts(), "D = " + d);
			}
		}
	}

	@Test
	void pfgmTrainingTakesInfiniteD() {
		final Path model = dir.resolve("pfgm.physgen");
		assertEquals(0, physgen("run", "TrainPfgmModelCommand", "input_file='" + writeInput() + "',model_file='"
			+ model + "',aug_dim='inf',crop_size=8,steps=2,batch=1,channels=4," + CPU), stderr());
		assertTrue(Files.isRegularFile(model));
	}

	@Test
	void ldsmTrainsAndGeneratesHeadless() throws Exception {
		final Path model = dir.resolve("ldsm.physgen");
		assertEquals(0, physgen("run", "Train local-DSM Model", "input_file='" + writeInput() + "',model_file='"
			+ model + "',sampler='sde',crop_size=8,steps=2,batch=1,channels=4," + CPU), stderr());
		assertTrue(stdout().contains("summary: local-DSM model: 2 steps"), stdout());
		final Path outDir = dir.resolve("generated");
		assertEquals(0, physgen("run", "Generate Volumes", "model_file='" + model + "',size=8,fractions='0.25',"
			+ "steps=8,seed=3," + CPU + "output_dir='" + outDir + "'"), stderr());
		assertArrayEquals(new long[] { 384, 128 }, VolumeReader.read(outDir.resolve("ldsm-3-1.tif")).phaseCounts());
	}

	/** frames=5 through the runner: the growth hyperstack is reported and saved beside the volume. */
	@Test
	void yukawaGrowthFramesAreReportedAndSaved() {
		final Path outDir = dir.resolve("growth");
		assertEquals(0, physgen("run", "Generate Volumes", "model_file='" + TinyModels.yukawa() + "',size=8,"
			+ "fractions='0.25',seed=3,frames=5," + CPU + "output_dir='" + outDir + "'"), stderr());
		assertTrue(stdout().contains("growth: tiny-yukawa-3-1-growth (8 x 8 x 8), 5 frames"), stdout());
		final Path growth = outDir.resolve("tiny-yukawa-3-1-growth.tif").toAbsolutePath();
		assertTrue(stdout().contains("saved: " + growth + "\n"), stdout());
		assertEquals(5, IJ.openImage(growth.toString()).getNFrames());
	}

	private Path writeInput() {
		final Path input = dir.resolve("input.tif");
		try {
			TiffVolumeWriter.write(TinyModels.trainingVolume(), input);
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
		return input;
	}

	@Test
	void refusedInputsExitWithTheReason() {
		final Path missing = dir.resolve("missing.physgen");
		assertEquals(1, physgen("run", "Generate Volumes", "model_file='" + missing + "',size=8"));
		assertTrue(stderr().contains("model_file '" + missing.toAbsolutePath() + "' does not exist"), stderr());

		final String dsd = TinyModels.dsd().toString();
		final int multiple = TinyModels.sizeMultiple(TinyModels.dsd());
		assertEquals(1, physgen("run", "Generate Volumes", "model_file='" + dsd + "',size=" + (multiple + 1) + ","
			+ CPU));
		assertTrue(stderr().contains("size = " + (multiple + 1) + " is not a multiple of " + multiple), stderr());

		assertEquals(2, physgen("run", "Generate Volumes", "model_file='" + dsd + "',size=0"));
		assertTrue(stderr().contains("size=0 is below the minimum 1"), stderr());

		final Path outDir = dir.resolve("never");
		assertEquals(1, physgen("run", "Generate Volumes", "model_file='" + dsd + "',size=8,fractions='0.7,0.6',"
			+ CPU + "output_dir='" + outDir + "'"));
		assertTrue(stderr().contains("fractions"), stderr());
		assertFalse(Files.exists(outDir.resolve("tiny-dsd-1-1.tif")));

		assertEquals(1, physgen("run", "Inpaint Region (DSD)", "input_file='" + writeInput() + "',model_file='"
			+ TinyModels.pfgm() + "',box='0,0,0,8,8,8'," + FAST));
		assertTrue(stderr().contains("holds a PFGM++ model, which cannot inpaint; inpainting needs a DSD model"), stderr());
	}

	@Test
	void listShowsEveryCommand() {
		assertEquals(0, physgen("list"));
		for (final String title : new String[] { "Train DSD Model", "Train PFGM++ Model", "Train local-DSM Model",
			"Generate Volumes",
			"Inpaint Region (DSD)", "Compare Microstructures", "Microstructure Statistics", "Synthetic Microstructure" })
		{
			assertTrue(stdout().contains(title + "  (org.physgen.fiji."), title);
		}
		assertTrue(stdout().contains("aug_dim"), stdout());
		assertTrue(stdout().contains("menu: Plugins > PhysGen > Train PFGM++ Model"), stdout());
	}
	@Test
	void statisticsCommandsRunAsWithRun() throws Exception {
		final Path rock = writeInput();
		final Path generated = Files.createDirectories(dir.resolve("generated"));
		Files.copy(rock, generated.resolve("copy.tif"));
		assertEquals(0, physgen("run", "Microstructure Statistics", "input_file='" + rock + "',metrics='fractions',"
			+ "output_dir='" + dir.resolve("statistics") + "'"), stderr());
		assertTrue(stdout().contains("report: " + dir.resolve("statistics/report.html")), stdout());
		assertEquals(0, physgen("run", "Compare Microstructures", "reference_file='" + rock + "',generated='"
			+ generated + "',metrics='fractions,s2',output_dir='" + dir.resolve("comparison") + "'"), stderr());
		assertTrue(Files.exists(dir.resolve("comparison/comparison.csv")));
		assertEquals(1, physgen("run", "Compare Microstructures", "reference_file='" + rock + "',generated='"
			+ dir.resolve("nothing-here") + "'"));
		assertTrue(stderr().contains("generated"), stderr());
	}
}
