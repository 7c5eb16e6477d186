package org.physgen.fiji;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physgen.ldsm.TimeSampling;
import org.physgen.nn.LocalDsmProcess;
import org.physgen.nn.ModelBundle;
import org.physgen.volume.LabelVolume;
import org.physgen.volume.TiffVolumeWriter;
import org.physgen.volume.VolumeReader;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.convert.ConvertService;

import ij.IJ;
import ij.ImagePlus;

/** ImageJ 1 macros reach the commands through their titles and options, as in Fiji. */
class MacroCommandsTest {

	private static Context context;

	@TempDir
	Path dir;

	@BeforeAll
	static void start() {
		System.setProperty("java.awt.headless", "true");
		context = new Context(CommandService.class, ConvertService.class);
		MacroBridge.install(context, SyntheticMicrostructureCommand.class, GenerateVolumesCommand.class,
			TrainDsdModelCommand.class, TrainPfgmModelCommand.class, TrainLdsmModelCommand.class,
			TrainYukawaModelCommand.class, InpaintRegionCommand.class,
			MicrostructureStatisticsCommand.class, CompareMicrostructuresCommand.class);
	}

	@AfterAll
	static void stop() {
		context.dispose();
	}

	@Test
	void macroOptionsReachTheCommandAndTheFileHasExactCounts() throws Exception {
		final Path file = dir.resolve("macro out/electrode.tif");
		MacroBridge.runMacro("""
			// an electrode: 40 percent active material, 15 percent carbon-binder
			run("Synthetic Microstructure", "kind=electrode size=24 fractions=0.40,0.15 seed=3 periodic output_file=[%s]");
			""".formatted(file));
		final CommandModule module = MacroBridge.lastModule();
		assertFalse(module.isCanceled(), module::getCancelReason);
		assertEquals(Boolean.TRUE, module.getInput("periodic"), "a ticked checkbox is the bare key");
		assertEquals(3L, module.getInput("seed"));
		final LabelVolume saved = VolumeReader.read(file);
		final long n = 24 * 24 * 24;
		assertArrayEquals(new long[] { n - Math.round(0.4 * n) - Math.round(0.15 * n), Math.round(0.4 * n),
			Math.round(0.15 * n) }, saved.phaseCounts());
	}

	@Test
	void leftOutOptionsTakeTheDeclaredDefaults() throws Exception {
		MacroBridge.runMacro("run(\"Synthetic Microstructure\", \"size=8\");");
		final CommandModule module = MacroBridge.lastModule();
		assertFalse(module.isCanceled(), module::getCancelReason);
		assertEquals("", module.getInput("fractions"), "blank: 0.2, or the reference's with correlation_length=auto");
		assertEquals("4.0", module.getInput("correlation_length"));
		assertEquals(Boolean.FALSE, module.getInput("periodic"));
		assertEquals(1L, module.getInput("seed"));
	}

	@Test
	void refusedInputStopsTheMacroWithTheReason() throws Exception {
		final Path file = dir.resolve("never.tif");
		MacroBridge.runMacro("run(\"Synthetic Microstructure\", \"kind=electrode size=8 fractions=0.7,0.6 output_file=["
			+ file + "]\");");
		final CommandModule module = MacroBridge.lastModule();
		assertTrue(module.isCanceled());
		assertTrue(module.getCancelReason().contains("fractions"), module.getCancelReason());
		assertFalse(Files.exists(file));
	}
	@Test
	void generateVolumesFromAMacroSavesExactCounts() throws Exception {
		final Path out = dir.resolve("generated volumes");
		MacroBridge.runMacro("""
			run("Generate Volumes", "model_file=[%s] count=1 size=8 fractions=0.25 seed=12 device=cpu threads=1 tolerance=1 output_dir=[%s]");
			""".formatted(TinyModels.dsd(), out));
		final CommandModule module = MacroBridge.lastModule();
		assertFalse(module.isCanceled(), module::getCancelReason);
		assertArrayEquals(new long[] { 384, 128 }, VolumeReader.read(out.resolve("tiny-dsd-12-1.tif")).phaseCounts());
	}

	@Test
	void growthFramesFromAMacroGiveOneHyperstackFilePerVolume() throws Exception {
		final Path out = dir.resolve("grown volumes");
		MacroBridge.runMacro("""
			run("Generate Volumes", "model_file=[%s] count=2 size=8 fractions=0.25 seed=6 frames=4 device=cpu threads=1 output_dir=[%s]");
			""".formatted(TinyModels.yukawa(), out));
		final CommandModule module = MacroBridge.lastModule();
		assertFalse(module.isCanceled(), module::getCancelReason);
		assertEquals(4, module.getInput("frames"));
		assertEquals(2, ((List<?>) module.getOutput("growth")).size());
		for (int i = 1; i <= 2; i++) {
			final ImagePlus growth = IJ.openImage(out.resolve("tiny-yukawa-6-" + i + "-growth.tif").toString());
			assertEquals(4, growth.getNFrames(), "volume " + i);
			assertEquals(8, growth.getNSlices());
			assertEquals("t = 0.333", growth.getStack().getSliceLabel(2 * 8 + 1));
		}
	}

	@Test
	void macroTrainsBothFamiliesAndInpaints() throws Exception {
		final Path input = dir.resolve("rock.tif");
		TiffVolumeWriter.write(TinyModels.trainingVolume(), input);
		final Path dsd = dir.resolve("rock-dsd.physgen"), pfgm = dir.resolve("rock-pfgm.physgen");
		final String tiny = "crop_size=8 steps=2 batch=1 channels=4 device=cpu threads=1";
		MacroBridge.runMacro("""
			run("Train DSD Model", "input_file=[%s] model_file=[%s] schedule=linear augment=false %s");
			""".formatted(input, dsd, tiny));
		assertFalse(MacroBridge.lastModule().isCanceled(), MacroBridge.lastModule()::getCancelReason);
		assertEquals("linear", MacroBridge.lastModule().getInput("schedule"));
		assertEquals(false, MacroBridge.lastModule().getInput("augment"));
		MacroBridge.runMacro("""
			run("Train PFGM++ Model", "input_file=[%s] model_file=[%s] aug_dim=inf %s");
			""".formatted(input, pfgm, tiny));
		assertFalse(MacroBridge.lastModule().isCanceled(), MacroBridge.lastModule()::getCancelReason);
		assertTrue(Files.isRegularFile(dsd) && Files.isRegularFile(pfgm));

		final Path inpainted = dir.resolve("inpainted.tif");
		MacroBridge.runMacro("""
			run("Inpaint Region (DSD)", "input_file=[%s] model_file=[%s] box=0,0,0,8,8,8 region_counts=200 device=cpu threads=1 tolerance=1 output_file=[%s]");
			""".formatted(input, dsd, inpainted));
		assertFalse(MacroBridge.lastModule().isCanceled(), MacroBridge.lastModule()::getCancelReason);
		final LabelVolume result = VolumeReader.read(inpainted);
		long ones = 0;
		for (int z = 0; z < 8; z++) {
			for (int y = 0; y < 8; y++) {
				for (int x = 0; x < 8; x++) ones += result.phaseAt(x, y, z);
			}
		}
		assertEquals(200, ones);
	}

	/** The two newer families: their own keys reach the command, and their volumes have exact counts. */
	@Test
	void macroTrainsLocalDsmAndYukawaModelsThatGenerateExactCounts() throws Exception {
		final Path input = dir.resolve("rock.tif");
		TiffVolumeWriter.write(TinyModels.trainingVolume(), input);
		final String tiny = "crop_size=8 steps=2 batch=1 channels=4 device=cpu threads=1 validation_every=0";
		final Path ldsm = dir.resolve("rock-ldsm.physgen"), yukawa = dir.resolve("rock-yukawa.physgen");
		MacroBridge.runMacro("""
			run("Train local-DSM Model", "input_file=[%s] model_file=[%s] sampler=sde delta=0.05 time_sampling=uniform %s");
			""".formatted(input, ldsm, tiny));
		assertFalse(MacroBridge.lastModule().isCanceled(), MacroBridge.lastModule()::getCancelReason);
		assertEquals("sde", MacroBridge.lastModule().getInput("sampler"));
		final LocalDsmProcess process = ModelBundle.read(ldsm).metadata().process(LocalDsmProcess.class);
		assertEquals(0.05, process.delta());
		assertEquals(0.1, process.tMin(), 1e-12);
		assertEquals(TimeSampling.UNIFORM, process.timeSampling());
		MacroBridge.runMacro("""
			run("Train Yukawa Model", "input_file=[%s] model_file=[%s] survival=blackout %s");
			""".formatted(input, yukawa, tiny));
		assertFalse(MacroBridge.lastModule().isCanceled(), MacroBridge.lastModule()::getCancelReason);
		assertEquals("blackout", MacroBridge.lastModule().getInput("survival"));
		for (final Path model : List.of(ldsm, yukawa)) {
			final Path out = dir.resolve("generated-" + model.getFileName());
			MacroBridge.runMacro("""
				run("Generate Volumes", "model_file=[%s] count=1 size=8 fractions=0.25 seed=3 steps=4 device=cpu threads=1 output_dir=[%s]");
				""".formatted(model, out));
			assertFalse(MacroBridge.lastModule().isCanceled(), MacroBridge.lastModule()::getCancelReason);
			try (Stream<Path> files = Files.list(out)) {
				final Path volume = files.filter(f -> f.toString().endsWith(".tif")).findFirst().orElseThrow();
				assertArrayEquals(new long[] { 384, 128 }, VolumeReader.read(volume).phaseCounts(), model.toString());
			}
		}
	}

	/** PFGM (D = 1) and D = 16 from a macro: the key reaches the command and the volumes have exact counts. */
	@Test
	void macroTrainsPfgmAtSmallDThatGeneratesExactCounts() throws Exception {
		final Path input = dir.resolve("rock.tif");
		TiffVolumeWriter.write(TinyModels.trainingVolume(), input);
		for (final String d : new String[] { "1", "16" }) {
			final Path model = dir.resolve("rock-pfgm-d" + d + ".physgen");
			MacroBridge.runMacro("""
				run("Train PFGM++ Model", "input_file=[%s] model_file=[%s] aug_dim=%s crop_size=8 steps=2 batch=1 channels=4 device=cpu threads=1 validation_every=0");
				""".formatted(input, model, d));
			assertFalse(MacroBridge.lastModule().isCanceled(), MacroBridge.lastModule()::getCancelReason);
			assertEquals(d, MacroBridge.lastModule().getInput("aug_dim"));
			final Path out = dir.resolve("generated-pfgm-d" + d);
			MacroBridge.runMacro("""
				run("Generate Volumes", "model_file=[%s] count=1 size=8 fractions=0.25 seed=3 device=cpu threads=1 output_dir=[%s]");
				""".formatted(model, out));
			assertFalse(MacroBridge.lastModule().isCanceled(), MacroBridge.lastModule()::getCancelReason);
			try (Stream<Path> files = Files.list(out)) {
				final Path volume = files.filter(f -> f.toString().endsWith(".tif")).findFirst().orElseThrow();
				assertArrayEquals(new long[] { 384, 128 }, VolumeReader.read(volume).phaseCounts(), "D = " + d);
			}
		}
	}

	@Test
	void wrongFamilyStopsTheMacro() throws Exception {
		final Path input = dir.resolve("rock.tif");
		TiffVolumeWriter.write(TinyModels.trainingVolume(), input);
		MacroBridge.runMacro("""
			run("Inpaint Region (DSD)", "input_file=[%s] model_file=[%s] box=0,0,0,8,8,8 device=cpu");
			""".formatted(input, TinyModels.pfgm()));
		final CommandModule module = MacroBridge.lastModule();
		assertTrue(module.isCanceled());
		assertTrue(module.getCancelReason().contains("inpainting needs a DSD model"), module.getCancelReason());
	}
	@Test
	void theBundledMacroRunsWithTheRealParameters() throws Exception {
		final Path model = Files.copy(TinyModels.dsd(), dir.resolve("tiny-dsd.physgen"));
		final String macro = Files.readString(Path.of("scripts/generate-volumes.ijm"));
		final String sizes = "count=4 size=64", porosities = "newArray(\"0.15\", \"0.20\", \"0.25\")";
		assertTrue(macro.contains(sizes) && macro.contains(porosities), "the settings this test shrinks");
		MacroBridge.runMacro(macro.replace(sizes, "count=1 size=8 tolerance=1").replace(porosities,
			"newArray(\"0.15\", \"0.25\")"), model.toString());
		assertArrayEquals(new long[] { 512 - 77, 77 }, VolumeReader.read(dir.resolve(
			"generated/porosity-0.15/tiny-dsd-100-1.tif")).phaseCounts());
		assertArrayEquals(new long[] { 512 - 128, 128 }, VolumeReader.read(dir.resolve(
			"generated/porosity-0.25/tiny-dsd-101-1.tif")).phaseCounts());
	}
	@Test
	void statisticsCommandsWriteTheirReportsFromAMacro() throws Exception {
		final Path rock = dir.resolve("rock.tif"), generated = dir.resolve("generated/rock-1.tif");
		TiffVolumeWriter.write(TinyModels.trainingVolume(), rock);
		Files.createDirectories(generated.getParent());
		Files.copy(rock, generated);
		MacroBridge.runMacro("""
			run("Microstructure Statistics", "input_file=[%s] metrics=fractions output_dir=[%s]");
			run("Compare Microstructures", "reference_file=[%s] generated=[%s] metrics=fractions output_dir=[%s]");
			""".formatted(rock, dir.resolve("statistics"), rock, generated.getParent(), dir.resolve("comparison")));
		assertFalse(MacroBridge.lastModule().isCanceled(), MacroBridge.lastModule()::getCancelReason);
		final long pore = TinyModels.trainingVolume().phaseCounts()[1];
		assertTrue(Files.readString(dir.resolve("statistics/scalars.csv")).contains("," + pore + ","),
			"the exact pore count is in the table");
		assertTrue(Files.exists(dir.resolve("comparison/report.html")));
	}

	@Test
	void voxelSpacingDoesNotShadowSize() throws Exception {
		MacroBridge.runMacro("run(\"Synthetic Microstructure\", \"voxel_spacing=2 size=20\");");
		final CommandModule module = MacroBridge.lastModule();
		assertFalse(module.isCanceled(), module::getCancelReason);
		final ImagePlus volume = (ImagePlus) module.getOutput("volume");
		assertArrayEquals(new int[] { 20, 20, 20 }, new int[] { volume.getWidth(), volume.getHeight(),
			volume.getNSlices() });
		assertEquals(2.0, volume.getCalibration().pixelWidth);
	}

	@Test
	void resumeWorksAsBareFlagAndAsResumeTrue() throws Exception {
		final Path input = dir.resolve("rock.tif"), model = dir.resolve("rock.physgen");
		TiffVolumeWriter.write(TinyModels.trainingVolume(), input);
		final String tiny = "input_file=[%s] model_file=[%s] crop_size=8 batch=1 channels=4 device=cpu threads=1"
			.formatted(input, model);
		MacroBridge.runMacro("run(\"Train DSD Model\", \"" + tiny + " steps=2\");");
		assertFalse(MacroBridge.lastModule().isCanceled(), MacroBridge.lastModule()::getCancelReason);
		MacroBridge.runMacro("run(\"Train DSD Model\", \"" + tiny + " steps=3 resume\");");
		assertEquals(Boolean.TRUE, MacroBridge.lastModule().getInput("resume"), "the bare key, as ImageJ records it");
		assertTrue(((String) MacroBridge.lastModule().getOutput("summary")).contains("3 steps"),
			(String) MacroBridge.lastModule().getOutput("summary"));
		MacroBridge.runMacro("run(\"Train DSD Model\", \"" + tiny + " steps=4 resume=true\");");
		assertEquals(Boolean.TRUE, MacroBridge.lastModule().getInput("resume"));
		assertTrue(((String) MacroBridge.lastModule().getOutput("summary")).contains("4 steps"),
			(String) MacroBridge.lastModule().getOutput("summary"));
	}

	@Test
	void unreadableNumbersStopTheMacroNamingTheParameter() throws Exception {
		MacroBridge.runMacro("run(\"Synthetic Microstructure\", \"size=8 seed=abc\");");
		assertTrue(MacroBridge.lastModule().isCanceled(), "SciJava would read abc as 0");
		assertEquals("seed=abc is not a valid long (a whole number)", MacroBridge.lastModule().getCancelReason());
		MacroBridge.runMacro("run(\"Synthetic Microstructure\", \"size=8.5\");");
		assertEquals("size=8.5 is not a valid int (a whole number)", MacroBridge.lastModule().getCancelReason());
		MacroBridge.runMacro("run(\"Synthetic Microstructure\", \"size=8 periodic=yes\");");
		assertEquals("periodic='yes' must be true or false", MacroBridge.lastModule().getCancelReason());
	}
}
