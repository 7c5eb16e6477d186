package org.physgen.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physgen.Families;
import org.physgen.lattice.Boundary;
import org.physgen.lattice.ScheduleKind;
import org.physgen.volume.PhaseTable;
import org.physgen.volume.VoxelSize;

import ai.djl.Device;

class TorchScriptImportTest {

	static {
		DjlRuntime.start(1, line -> {});
	}

	@TempDir
	Path dir;

	private static ModelMetadata dsdImport() {
		return ModelMetadata.builder(ModelFamily.DSD).phases(PhaseTable.named("pore", "solid"))
			.torchScript(Families.of(ModelFamily.DSD).io(PhaseTable.named("pore", "solid").phaseCount(), false, 2))
			.voxelSize(VoxelSize.isotropic(1.5, "µm")).cropSize(16).boundary(Boundary.REFLECTING).process(new DsdProcess(64, ScheduleKind.BLACKOUT, 500, 0.1)).build();
	}

	@Test
	void importWritesABundleThatEvaluatesTheModule() throws IOException {
		final Path pt = dir.resolve("exported.pt");
		TorchScriptFunctionTest.dsdFixture().write(pt);
		final Path bundleFile = dir.resolve("imported.physgen");
		final ModelMetadata written = TorchScriptImport.importFile(pt, dsdImport(), bundleFile, Device.cpu());

		final ModelBundle bundle = ModelBundle.read(bundleFile, ModelFamily.DSD);
		final ModelMetadata m = bundle.metadata();
		assertEquals(written, m);
		assertEquals(WeightsFormat.TORCHSCRIPT, m.weightsFormat());
		assertEquals(new NetworkIo(1, 6, 0, 2), m.io());
		assertNull(m.network());
		assertEquals(new DsdProcess(64, ScheduleKind.BLACKOUT, 500, 0.1), m.process());
		assertEquals(16, m.cropSize());
		assertEquals(Boundary.REFLECTING, m.boundary());
		assertArrayEquals(Files.readAllBytes(pt), bundle.entry("model.pt").orElseThrow());

		final float[] x = new float[8];
		for (int v = 0; v < 8; v++) x[v] = v;
		final float[] out = new float[48];
		try (TorchScriptFunction f = TorchScriptFunction.load(bundle, Device.cpu())) {
			assertEquals("imported.physgen", f.source());
			f.evaluate(1, 2, 2, 2, x, new float[] { 0.75f }, null, out);
		}
		for (int c = 0; c < 6; c++) {
			for (int v = 0; v < 8; v++) assertEquals(v * 0.75f + 0.5f, out[c * 8 + v]);
		}
	}

	@Test
	void moduleWithWrongChannelsIsRejectedAndNothingIsWritten() throws IOException {
		final Path pt = dir.resolve("dsd_net.pt");
		TorchScriptFunctionTest.dsdFixture().write(pt);
		final ModelMetadata pfgm = ModelMetadata.builder(ModelFamily.PFGMPP).phases(PhaseTable.named("pore", "binder", "active"))
			.torchScript(Families.of(ModelFamily.PFGMPP).io(PhaseTable.named("pore", "binder", "active").phaseCount(), false, 4)).cropSize(32).process(PfgmProcess.defaults(128))
			.build();
		final Path bundleFile = dir.resolve("pfgm.physgen");
		final ModelFileException e = assertThrows(ModelFileException.class,
			() -> TorchScriptImport.importFile(pt, pfgm, bundleFile, Device.cpu()));
		assertEquals(pt + ": does not fit a PFGM++ model with 3 phases (input_channels 3, output_channels 3, " +
			"condition_dim 0): TorchScript model dsd_net.pt returned shape (1, 18, 4, 4, 4) for input " +
			"[(1, 3, 4, 4, 4), (1)], expected (1, 3, 4, 4, 4) [N, output_channels, D, H, W]", e.getMessage());
		assertFalse(Files.exists(bundleFile));
	}

	@Test
	void fileThatIsNotTorchScriptIsNamed() throws IOException {
		final Path pt = dir.resolve("weights.pth");
		Files.write(pt, new byte[] { (byte) 0x80, 2, 'N', '.' });
		final Path bundleFile = dir.resolve("x.physgen");
		final ModelFileException e = assertThrows(ModelFileException.class,
			() -> TorchScriptImport.importFile(pt, dsdImport(), bundleFile, Device.cpu()));
		assertEquals(pt + ": cannot load as a TorchScript module: PytorchStreamReader failed reading zip " +
			"archive: not a ZIP archive. This is a torch.save() pickle (weights or a Python object), not " +
			"TorchScript. Export the model with torch.jit.save(torch.jit.script(model), path) or " +
			"torch.jit.trace.", e.getMessage());
		assertFalse(Files.exists(bundleFile));
	}

	@Test
	void weightsOnlyZipIsRecognised() throws IOException {
		final Path pt = dir.resolve("state_dict.pt");
		final byte[] archive = new TorchScriptArchive(List.of("x", "t"), "return x").bytes();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(archive));
			ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(pt)))
		{
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				if (entry.getName().contains("/code/")) continue;
				out.putNextEntry(new ZipEntry(entry.getName()));
				out.write(in.readAllBytes());
			}
		}
		final ModelFileException e = assertThrows(ModelFileException.class,
			() -> TorchScriptImport.importFile(pt, dsdImport(), dir.resolve("x.physgen"), Device.cpu()));
		assertTrue(e.getMessage().startsWith(pt + ": cannot load as a TorchScript module: Unknown type name " +
			"'__torch__.Fixture'. This zip archive has no TorchScript code: it is probably a " +
			"torch.save() checkpoint (weights only). "), e.getMessage());
	}

	@Test
	void djlMetadataIsRefused() throws IOException {
		final Path pt = dir.resolve("exported.pt");
		TorchScriptFunctionTest.dsdFixture().write(pt);
		final ModelMetadata djl = ModelBundleTest.dsdMetadata();
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> TorchScriptImport.importFile(pt, djl, dir.resolve("x.physgen"), Device.cpu()));
		assertEquals("imported models need weights_format torchscript, got djl", e.getMessage());
	}

	@Test
	void metadataHelperGivesTheFamilysChannels() {
		assertEquals(new NetworkIo(2, 12, 2, 4), ModelMetadata.builder(ModelFamily.DSD).phases(PhaseTable.named("a", "b", "c"))
			.torchScript(Families.of(ModelFamily.DSD).io(PhaseTable.named("a", "b", "c").phaseCount(), true, 4)).cropSize(8).process(new DsdProcess(16, ScheduleKind.LINEAR, 10, 0.1)).build()
			.io());
		assertEquals(new NetworkIo(1, 1, 0, 1), ModelMetadata.builder(ModelFamily.PFGMPP).phases(PhaseTable.named("a", "b"))
			.torchScript(Families.of(ModelFamily.PFGMPP).io(PhaseTable.named("a", "b").phaseCount(), false, 1)).cropSize(8).process(PfgmProcess.defaults(64)).build().io());
		assertEquals(new NetworkIo(4, 4, 0, 1), ModelMetadata.builder(ModelFamily.PFGMPP).phases(PhaseTable.named("a", "b", "c", "d"))
			.torchScript(Families.of(ModelFamily.PFGMPP).io(PhaseTable.named("a", "b", "c", "d").phaseCount(), false, 1)).cropSize(8).process(PfgmProcess.defaults(64)).build().io());
	}
}
