package org.physgen.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physgen.Families;
import org.physgen.lattice.Boundary;
import org.physgen.lattice.ScheduleKind;
import org.physgen.volume.PhaseTable;
import org.physgen.volume.VoxelSize;

class ModelBundleTest {

	private static final byte[] WEIGHTS = { 1, 2, 3, 4, 5, 6, 7, 8 };

	@TempDir
	Path dir;

	static TrainingData threePhaseData() {
		final List<double[]> crops = new ArrayList<>();
		for (int i = 0; i < 7; i++) crops.add(new double[] { 0.1 + 0.01 * i, 0.3 - 0.02 * i });
		return TrainingData.summarise("electrode.tif", "ab".repeat(32), crops);
	}

	static ModelMetadata dsdMetadata() {
		return ModelMetadata.builder(ModelFamily.DSD)
			.phases(new PhaseTable(new int[] { 0, 128, 255 }, new String[] { "pore", "binder", "active" }))
			.voxelSize(new VoxelSize(0.5, 0.5, 0.75, "µm")).cropSize(32).boundary(Boundary.REFLECTING)
			.network(new NetworkConfig(2, 12, 16, List.of(1, 2, 4), 1, 4, 0.1, true, 2, false)).process(new DsdProcess(256, ScheduleKind.BLACKOUT, 1000, 0.1)).trainingData(threePhaseData())
			.trainingSteps(1500).finalLoss(0.0123456789).softwareVersion("0.1.0")
			.timestamp(Instant.parse("2026-11-23T01:02:03.456Z")).build();
	}

	static ModelMetadata pfgmTorchScriptMetadata() {
		return ModelMetadata.builder(ModelFamily.PFGMPP).phases(PhaseTable.ofGreyValues(0, 255))
			.voxelSize(VoxelSize.isotropic(2.25, "µm")).cropSize(64).boundary(Boundary.PERIODIC)
			.torchScript(new NetworkIo(1, 1, 0, 8))
			.process(PfgmProcess.defaults(Double.POSITIVE_INFINITY)).build();
	}

	@Test
	void roundTripKeepsEveryDsdFieldAndExtraEntries() throws IOException {
		final ModelMetadata m = dsdMetadata();
		final Path file = dir.resolve("rock.physgen");
		final Map<String, byte[]> extra = new LinkedHashMap<>();
		extra.put("checkpoint/weights.params", new byte[] { 9, 9 });
		extra.put("checkpoint/state.json", "{\"step\": 1500}".getBytes(StandardCharsets.UTF_8));
		extra.put("loss.csv", "step,loss\n1,0.5\n".getBytes(StandardCharsets.UTF_8));
		ModelBundle.write(file, m, WEIGHTS, extra);

		final ModelBundle read = ModelBundle.read(file);
		final ModelMetadata r = read.metadata();
		assertEquals(m, r);
		assertEquals(1, r.formatVersion());
		assertEquals(ModelFamily.DSD, r.family());
		assertEquals(List.of("pore", "binder", "active"), r.phases().names());
		assertEquals(128, r.phases().greyValue(1));
		assertEquals(new VoxelSize(0.5, 0.5, 0.75, "µm"), r.voxelSize());
		assertEquals(32, r.cropSize());
		assertEquals(Boundary.REFLECTING, r.boundary());
		assertFalse(r.periodic());
		assertEquals(WeightsFormat.DJL, r.weightsFormat());
		assertEquals(new NetworkIo(2, 12, 2, 4), r.io());
		assertEquals(new NetworkConfig(2, 12, 16, List.of(1, 2, 4), 1, 4, 0.1, true, 2, false), r.network());
		assertEquals(new DsdProcess(256, ScheduleKind.BLACKOUT, 1000, 0.1), r.process());
		assertEquals(threePhaseData(), r.trainingData());
		assertEquals(7, r.trainingData().cropCount());
		assertEquals(7, r.trainingData().cropFractions().size());
		assertArrayEquals(new double[] { 0.16, 0.18 }, r.trainingData().cropFractions().get(6), 1e-15);
		assertEquals(1500, r.trainingSteps());
		assertEquals(0.0123456789, r.finalLoss());
		assertEquals("0.1.0", r.softwareVersion());
		assertEquals(Instant.parse("2026-11-23T01:02:03.456Z"), r.timestamp());

		assertArrayEquals(WEIGHTS, read.weights());
		assertArrayEquals(new byte[] { 9, 9 }, read.entry("checkpoint/weights.params").orElseThrow());
		assertEquals("step,loss\n1,0.5\n", new String(read.entry("loss.csv").orElseThrow(),
			StandardCharsets.UTF_8));
		assertTrue(read.entry("checkpoint/optimizer.params").isEmpty());
		assertEquals(List.of("model.json", "weights.params", "checkpoint/weights.params",
			"checkpoint/state.json", "loss.csv"), new ArrayList<>(read.entryNames()));
	}

	@Test
	void roundTripOfTorchScriptPfgmWithInfiniteAugDim() throws IOException {
		final ModelMetadata m = pfgmTorchScriptMetadata();
		final Path file = dir.resolve("pfgm.physgen");
		ModelBundle.write(file, m, WEIGHTS);
		final String json = jsonOf(file);
		assertTrue(json.contains("\"aug_dim\": \"inf\""), json);
		assertTrue(json.contains("\"weights_format\": \"torchscript\""), json);
		assertTrue(json.contains("\"network\": null"), json);
		assertTrue(json.contains("\"final_loss\": null"), json);

		final ModelBundle read = ModelBundle.read(file, ModelFamily.PFGMPP);
		final ModelMetadata r = read.metadata();
		assertEquals(m, r);
		assertEquals(Double.POSITIVE_INFINITY, r.process(PfgmProcess.class).augDim());
		assertEquals(new PfgmProcess(Double.POSITIVE_INFINITY, 0.002, 80, 7, 18), r.process());
		assertNull(r.network());
		assertNull(r.trainingData());
		assertTrue(Double.isNaN(r.finalLoss()));
		assertEquals(new NetworkIo(1, 1, 0, 8), r.io());
		assertEquals("model.pt", r.weightsEntry());
		assertArrayEquals(WEIGHTS, read.entry("model.pt").orElseThrow());
	}

	@Test
	void finiteAugDimIsWrittenAsNumber() throws IOException {
		final ModelMetadata m = pfgmTorchScriptMetadata().toBuilder().process(PfgmProcess.defaults(2048)).build();
		final Path file = dir.resolve("d2048.physgen");
		ModelBundle.write(file, m, WEIGHTS);
		assertTrue(jsonOf(file).contains("\"aug_dim\": 2048.0"));
		assertEquals(2048, ModelBundle.read(file).metadata().process(PfgmProcess.class).augDim());
	}

	@Test
	void aBundleReplacesOnlyAnotherBundle() throws IOException {
		final Path scan = dir.resolve("rock.physgen");
		Files.writeString(scan, "a scan, not a model");
		final ModelFileException refused = assertThrows(ModelFileException.class,
			() -> ModelBundle.write(scan, dsdMetadata(), WEIGHTS));
		assertTrue(refused.getMessage().contains("exists and is not a PhysGen model, so it is not replaced"),
			refused.getMessage());
		assertEquals("a scan, not a model", Files.readString(scan));
		final Path model = dir.resolve("model.physgen");
		ModelBundle.write(model, dsdMetadata(), WEIGHTS);
		ModelBundle.write(model, dsdMetadata(), new byte[] { 9 });
		assertArrayEquals(new byte[] { 9 }, ModelBundle.read(model).weights());
		assertEquals(dir.resolve("model-loss.png"), ModelBundle.lossCurveFile(model));
	}

	@Test
	void theTemporaryOfAKilledCheckpointIsDeletedByTheNextOne() throws IOException {
		final Path model = dir.resolve("rock.physgen");
		final Path stale = dir.resolve(".rock.physgen.0b4c8a57-3f49-4d1e-9a43-5f1d0c2e6b71.tmp");
		Files.write(stale, new byte[] { 'P', 'K' });
		Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minusSeconds(3600)));
		ModelBundle.write(model, dsdMetadata(), WEIGHTS);
		assertFalse(Files.exists(stale));
		try (Stream<Path> files = Files.list(dir)) {
			assertEquals(List.of(model), files.toList());
		}
	}

	@Test
	void jsonIsPrettyPrintedWithSnakeCaseKeys() throws IOException {
		final Path file = dir.resolve("keys.physgen");
		ModelBundle.write(file, dsdMetadata(), WEIGHTS);
		final JsonObject o = JsonParser.parseString(jsonOf(file)).getAsJsonObject();
		assertEquals(List.of("format_version", "family", "phases", "voxel_size", "crop_size", "boundary",
			"weights_format", "io", "network", "dsd", "training_data", "training_steps", "final_loss",
			"software_version", "timestamp"), new ArrayList<>(o.keySet()));
		assertEquals("dsd", o.get("family").getAsString());
		assertEquals("2026-11-23T01:02:03.456Z", o.get("timestamp").getAsString());
		final JsonObject data = o.getAsJsonObject("training_data");
		assertEquals(5, data.getAsJsonArray("fraction_quantiles").size());
		assertEquals(7, data.get("crop_count").getAsInt());
		assertTrue(o.getAsJsonObject("network").has("res_blocks"));
		assertTrue(jsonOf(file).contains("\n  \"crop_size\": 32,\n"));
	}

	@Test
	void withProgressUpdatesStepsLossAndTimeOnly() {
		final ModelMetadata m = dsdMetadata();
		final ModelMetadata later = m.withProgress(3000, 0.002);
		assertEquals(3000, later.trainingSteps());
		assertEquals(0.002, later.finalLoss());
		assertTrue(later.timestamp().isAfter(m.timestamp()));
		assertEquals(m, later.toBuilder().trainingSteps(1500).finalLoss(0.0123456789).timestamp(m.timestamp())
			.build());
	}

	@Test
	void summariseComputesMeanSdQuantilesAndSubsample() {
		final List<double[]> crops = new ArrayList<>();
		for (final double f : new double[] { 0.5, 0.1, 0.4, 0.2, 0.3 }) crops.add(new double[] { f, 1 - f });
		final TrainingData d = TrainingData.summarise("x", "", crops);
		assertArrayEquals(new double[] { 0.3, 0.7 }, d.fractionMean(), 1e-15);
		assertArrayEquals(new double[] { Math.sqrt(0.025), Math.sqrt(0.025) }, d.fractionSd(), 1e-15);
		final double[][] q = d.fractionQuantiles();
		assertArrayEquals(new double[] { 0.12, 0.2, 0.3, 0.4, 0.48 },
			Arrays.stream(q).mapToDouble(row -> row[0]).toArray(), 1e-12);
		assertArrayEquals(new double[] { 0.52, 0.6, 0.7, 0.8, 0.88 },
			Arrays.stream(q).mapToDouble(row -> row[1]).toArray(), 1e-12);
		assertEquals(5, d.cropFractions().size());

		final List<double[]> many = new ArrayList<>();
		for (int i = 0; i < 2500; i++) many.add(new double[] { i / 2500.0 });
		final TrainingData big = TrainingData.summarise("x", "", many);
		assertEquals(2500, big.cropCount());
		assertEquals(1000, big.cropFractions().size());
		assertEquals(0.0, big.cropFractions().get(0)[0]);
		assertEquals(2.0 / 2500, big.cropFractions().get(1)[0]);
		assertEquals(2497.0 / 2500, big.cropFractions().get(999)[0]);
		assertEquals(0.5 * 2499 / 2500, big.fractionMean()[0], 1e-12);
	}

	@Test
	void phaseTableCheckNamesBothTables() {
		final ModelMetadata m = dsdMetadata();
		m.requireSamePhases(new PhaseTable(new int[] { 0, 128, 255 }, new String[] { "a", "b", "c" }));
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> m.requireSamePhases(PhaseTable.ofGreyValues(0, 255)));
		assertEquals("phase-table mismatch: model has phases [0 = pore (grey 0), 1 = binder (grey 128), " +
			"2 = active (grey 255)], volume has [0 = value 0 (grey 0), 1 = value 255 (grey 255)]", e.getMessage());
	}

	@Test
	void missingFileIsNamed() {
		final Path file = dir.resolve("absent.physgen");
		final ModelFileException e = assertThrows(ModelFileException.class, () -> ModelBundle.read(file));
		assertEquals(file + ": model file not found", e.getMessage());
		assertEquals(file, e.file());
	}

	@Test
	void textFileIsNotAZip() throws IOException {
		final Path file = dir.resolve("notes.physgen");
		Files.writeString(file, "these are my notes, not a model\n");
		final ModelFileException e = assertThrows(ModelFileException.class, () -> ModelBundle.read(file));
		assertTrue(e.getMessage().startsWith(file + ": not a PhysGen model file: not a zip archive, or " +
			"truncated"), e.getMessage());
	}

	@Test
	void truncatedFileIsRejected() throws IOException {
		final Path file = dir.resolve("cut.physgen");
		ModelBundle.write(file, dsdMetadata(), new byte[4096]);
		final byte[] whole = Files.readAllBytes(file);
		Files.write(file, Arrays.copyOf(whole, whole.length / 2));
		final ModelFileException e = assertThrows(ModelFileException.class, () -> ModelBundle.read(file));
		assertTrue(e.getMessage().startsWith(file + ": not a PhysGen model file: not a zip archive, or " +
			"truncated"), e.getMessage());
	}

	@Test
	void damagedEntryIsNamed() throws IOException {
		final byte[] weights = new byte[4096];
		new Random(7).nextBytes(weights);
		final Path file = dir.resolve("flipped.physgen");
		ModelBundle.write(file, dsdMetadata(), weights);
		final byte[] bytes = Files.readAllBytes(file);
		final int at = indexOf(bytes, Arrays.copyOfRange(weights, 2000, 2032));
		assertTrue(at > 0, "random weights are stored verbatim inside the deflate stream");
		bytes[at + 5] ^= 0x10;
		Files.write(file, bytes);
		assertProblem(file, "entry weights.params is damaged (checksum mismatch)");
	}

	@Test
	void missingModelJsonIsNamed() throws IOException {
		final Path file = dir.resolve("nojson.physgen");
		Files.write(file, zip(Map.of("weights.params", WEIGHTS)));
		assertProblem(file, "not a PhysGen model file: the zip has no model.json (entries: [weights.params])");
	}

	@Test
	void unparseableJsonIsReported() throws IOException {
		final Path file = dir.resolve("badjson.physgen");
		Files.write(file, zip(Map.of("model.json", "{\"format_version\": 1,, }".getBytes(StandardCharsets.UTF_8),
			"weights.params", WEIGHTS)));
		final ModelFileException e = assertThrows(ModelFileException.class, () -> ModelBundle.read(file));
		assertTrue(e.getMessage().startsWith(file + ": model.json: not valid JSON: "),
			e.getMessage());
	}

	@Test
	void missingWeightsEntryIsNamed() throws IOException {
		final Path file = dir.resolve("noweights.physgen");
		Files.write(file, zip(Map.of("model.json", jsonBytes(dsdMetadata(), o -> {}))));
		assertProblem(file, "the weights entry weights.params is missing (weights_format djl)");
		final Path ts = dir.resolve("nopt.physgen");
		Files.write(ts, zip(Map.of("model.json", jsonBytes(pfgmTorchScriptMetadata(), o -> {}),
			"weights.params", WEIGHTS)));
		assertProblem(ts, "the weights entry model.pt is missing (weights_format torchscript)");
	}

	@Test
	void unsupportedFormatVersionSaysFoundAndSupported() throws IOException {
		final Path file = edited("v2", dsdMetadata(), o -> o.addProperty("format_version", 2));
		assertProblem(file, "model.json: unsupported format_version 2 (this PhysGen reads format_version 1)");
	}

	@Test
	void unknownFamilyIsNamed() throws IOException {
		final Path file = edited("gan", dsdMetadata(), o -> o.addProperty("family", "gan"));
		assertProblem(file, "model.json: unknown model family 'gan' (expected dsd or pfgmpp or ldsm or yukawa)");
	}

	@Test
	void invalidPhasesAreReported() throws IOException {
		assertProblem(edited("one", dsdMetadata(), o -> setPhases(o, new int[] { 0 }, "pore")),
			"model.json: phases invalid: a segmented volume needs at least 2 phases, found 1 distinct value(s) [0]");
		assertProblem(edited("nine", dsdMetadata(), o -> setPhases(o, new int[] { 0, 1, 2, 3, 4, 5, 6, 7, 8 },
			"a", "b", "c", "d", "e", "f", "g", "h", "i")),
			"model.json: phases invalid: too many labels: 9 distinct values, at most 8 phases are supported " +
				"(is this a grey-scale image rather than a segmentation?)");
		assertProblem(edited("names", dsdMetadata(), o -> setPhases(o, new int[] { 0, 128, 255 }, "a", "b")),
			"model.json: phases invalid: 2 phase names for 3 phases");
	}

	@Test
	void ioInconsistentWithNetworkIsReported() throws IOException {
		final Path file = edited("io", dsdMetadata(), o -> o.getAsJsonObject("io").addProperty("condition_dim", 0));
		assertProblem(file, "model.json: io (input_channels 2, output_channels 12, condition_dim 0, " +
			"size_multiple 4) is inconsistent with the network config, which has (input_channels 2, " +
			"output_channels 12, condition_dim 2, size_multiple 4)");
	}

	@Test
	void ioThatDoesNotFitTheFamilyIsReportedByTheFamily() throws IOException {
		final Path file = edited("pfgmio", pfgmTorchScriptMetadata(),
			o -> o.getAsJsonObject("io").addProperty("output_channels", 6));
		final ModelMetadata read = ModelBundle.read(file).metadata();
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> Families.of(read.family()).requireFits(read));
		assertEquals("io (input_channels 1, output_channels 6, condition_dim 0, size_multiple 8) does not " +
			"fit a PFGM++ model with 2 phases, which needs input_channels 1 and output_channels 1", e.getMessage());
	}

	@Test
	void missingFieldIsNamed() throws IOException {
		final Path file = edited("nocrop", dsdMetadata(), o -> o.remove("crop_size"));
		assertProblem(file, "model.json: 'crop_size' is missing");
		final Path text = edited("textcrop", dsdMetadata(), o -> o.addProperty("crop_size", "big"));
		assertProblem(text, "model.json: 'crop_size' must be a number, got \"big\"");
	}

	@Test
	void wrongFamilyIsRejected() throws IOException {
		final Path file = dir.resolve("pfgm.physgen");
		ModelBundle.write(file, pfgmTorchScriptMetadata(), WEIGHTS);
		final ModelFileException e = assertThrows(ModelFileException.class,
			() -> ModelBundle.read(file, ModelFamily.DSD));
		assertEquals(file + ": is a PFGM++ model; this needs a DSD model", e.getMessage());
	}

	@Test
	void writeIsAtomicAndLeavesNoTemporaryFiles() throws IOException {
		final Path file = dir.resolve("model.physgen");
		ModelBundle.write(file, dsdMetadata(), WEIGHTS);
		final ModelMetadata later = dsdMetadata().withProgress(2000, 0.01);
		ModelBundle.write(file, later, new byte[] { 42 });
		assertEquals(List.of(file), listDir());
		assertEquals(2000, ModelBundle.read(file).metadata().trainingSteps());

		final Map<String, byte[]> broken = new HashMap<>();
		broken.put("loss.csv", null);
		assertThrows(NullPointerException.class,
			() -> ModelBundle.write(file, dsdMetadata().withProgress(2500, 0.005), WEIGHTS, broken));
		assertEquals(List.of(file), listDir());
		final ModelBundle kept = ModelBundle.read(file);
		assertEquals(2000, kept.metadata().trainingSteps());
		assertArrayEquals(new byte[] { 42 }, kept.weights());
	}

	@Test
	void extraEntriesCannotShadowOwnEntries() {
		final Path file = dir.resolve("x.physgen");
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> ModelBundle.write(file, dsdMetadata(), WEIGHTS, Map.of("model.json", WEIGHTS)));
		assertEquals("extra entry 'model.json' would replace the bundle's own entry of that name", e.getMessage());
		assertFalse(Files.exists(file));
	}

	@Test
	void metadataRejectsInconsistentFields() {
		final IllegalArgumentException family = assertThrows(IllegalArgumentException.class,
			() -> dsdMetadata().toBuilder().process(PfgmProcess.defaults(128)).build());
		assertEquals("a DSD model has no PFGM++ settings", family.getMessage());
		final IllegalArgumentException crop = assertThrows(IllegalArgumentException.class,
			() -> dsdMetadata().toBuilder().cropSize(30).build());
		assertEquals("crop_size 30 is not a multiple of size_multiple 4", crop.getMessage());
	}

	private static int indexOf(final byte[] haystack, final byte[] needle) {
		for (int i = 0; i + needle.length <= haystack.length; i++) {
			if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) return i;
		}
		return -1;
	}

	private List<Path> listDir() throws IOException {
		try (Stream<Path> s = Files.list(dir)) {
			return s.toList();
		}
	}

	private static void assertProblem(final Path file, final String problem) {
		final ModelFileException e = assertThrows(ModelFileException.class, () -> ModelBundle.read(file));
		assertEquals(file + ": " + problem, e.getMessage());
	}

	private static void setPhases(final JsonObject o, final int[] grey, final String... names) {
		final JsonObject phases = new JsonObject();
		final JsonArray g = new JsonArray();
		for (final int v : grey) g.add(v);
		final JsonArray n = new JsonArray();
		for (final String s : names) n.add(s);
		phases.add("grey_values", g);
		phases.add("names", n);
		o.add("phases", phases);
	}

	private Path edited(final String name, final ModelMetadata m, final Consumer<JsonObject> edit)
		throws IOException
	{
		final Path file = dir.resolve(name + ".physgen");
		Files.write(file, zip(Map.of("model.json", jsonBytes(m, edit), m.weightsEntry(), WEIGHTS)));
		return file;
	}

	private static byte[] jsonBytes(final ModelMetadata m, final Consumer<JsonObject> edit) {
		final JsonObject o = JsonParser.parseString(ModelJson.write(m)).getAsJsonObject();
		edit.accept(o);
		return o.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static String jsonOf(final Path file) throws IOException {
		return new String(ModelBundle.read(file).entry("model.json").orElseThrow(), StandardCharsets.UTF_8);
	}

	private static byte[] zip(final Map<String, byte[]> entries) throws IOException {
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			for (final Map.Entry<String, byte[]> e : entries.entrySet()) {
				zip.putNextEntry(new ZipEntry(e.getKey()));
				zip.write(e.getValue());
				zip.closeEntry();
			}
		}
		return bytes.toByteArray();
	}
}
