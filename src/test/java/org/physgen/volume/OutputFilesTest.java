package org.physgen.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFilesTest {

	@TempDir
	Path dir;

	private static String refusal(final Runnable check) {
		return assertThrows(IllegalArgumentException.class, check::run).getMessage();
	}

	@Test
	void aFolderThatIsARegularFileIsRefused() throws IOException {
		final Path file = Files.writeString(dir.resolve("notes.txt"), "mine");
		assertEquals("output_dir '" + file + "' is a file, not a folder",
			refusal(() -> OutputFiles.requireWritableFolder("output_dir", file)));
		assertEquals("output_dir '" + file.resolve("out") + "': the folder cannot be created: Not a directory",
			refusal(() -> OutputFiles.requireWritableFolder("output_dir", file.resolve("out"))));
		assertEquals("model_file '" + file.resolve("rock.physgen") + "' cannot be written: a part of the path is a"
			+ " file, not a folder", refusal(() -> OutputFiles.requireWritableFile("model_file", file.resolve(
				"rock.physgen"))));
		assertEquals("mine", Files.readString(file));
	}

	@Test
	void aMissingFolderIsProbedAndRemovedAgainSoThatARefusedRunLeavesNothing() throws IOException {
		final Path folder = dir.resolve("runs").resolve("today");
		OutputFiles.requireWritableFolder("output_dir", folder);
		assertFalse(Files.exists(dir.resolve("runs")), "the folders the check created are removed");
		OutputFiles.requireWritableFile("model_file", dir.resolve("models").resolve("rock.physgen"));
		assertFalse(Files.exists(dir.resolve("models")));
		Files.createDirectories(folder);
		OutputFiles.requireWritableFolder("output_dir", folder);
		try (Stream<Path> files = Files.list(folder)) {
			assertEquals(List.of(), files.toList(), "an existing folder stays, without the probe file");
		}
	}

	@Test
	void aPseudoFileSystemIsRefusedWithTheSystemsReason() {
		assumeTrue(Files.isDirectory(Path.of("/proc/self")), "no /proc on this system");
		final Path folder = Path.of("/proc/physgen-output");
		assertEquals("output_dir '" + folder + "': the folder cannot be created: no such file or folder",
			refusal(() -> OutputFiles.requireWritableFolder("output_dir", folder)));
		final Path model = Path.of("/proc/self/rock.physgen");
		assertEquals("model_file '" + model + "' cannot be written: no such file or folder",
			refusal(() -> OutputFiles.requireWritableFile("model_file", model)));
	}

	@Test
	void aReadOnlyFolderIsRefusedWithTheSystemsReason() throws IOException {
		final Path folder = Files.createDirectory(dir.resolve("locked"));
		Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
		try {
			assumeTrue(!Files.isWritable(folder), "the permissions of a read-only folder do not bind this user");
			assertEquals("output_dir '" + folder + "': cannot write in this folder: permission denied",
				refusal(() -> OutputFiles.requireWritableFolder("output_dir", folder)));
			final Path model = folder.resolve("rock.physgen");
			assertEquals("model_file '" + model + "' cannot be written: permission denied",
				refusal(() -> OutputFiles.requireWritableFile("model_file", model)));
		}
		finally {
			Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
		}
	}

	@Test
	void aReadOnlyFileIsNotReplaced() throws IOException {
		final Path model = Files.writeString(dir.resolve("rock.physgen"), "kept");
		Files.setPosixFilePermissions(model, PosixFilePermissions.fromString("r--r--r--"));
		assumeTrue(!Files.isWritable(model), "the permissions of a read-only file do not bind this user");
		assertEquals("model_file '" + model + "' is read-only; PhysGen does not replace a file that you"
			+ " protected", refusal(() -> OutputFiles.requireWritableFile("model_file", model)));
	}

	@Test
	void aFileSystemThatRefusesNewFilesIsNamed() {
		final Path sys = Path.of("/sys");
		assumeTrue(Files.isDirectory(sys.resolve("kernel")), "no sysfs on this system");
		final String message = refusal(() -> OutputFiles.requireWritableFile("output_file", sys.resolve(
			"rock.tif")));
		assertTrue(message.startsWith("output_file '/sys/rock.tif' cannot be written: "), message);
		assertTrue(message.endsWith("permission denied") || message.endsWith("Operation not permitted")
			|| message.endsWith("Read-only file system"), message);
	}

	@Test
	void anOutputFileThatIsAFolderIsRefused() {
		assertEquals("output_file '" + dir + "' is a folder, not a file",
			refusal(() -> OutputFiles.requireWritableFile("output_file", dir)));
	}

	@Test
	void onlyFilesOfTheKindPhysGenWritesMayBeReplaced() throws IOException {
		final Path text = Files.writeString(dir.resolve("rock-loss.png"), "my notes");
		assertEquals("model_file: '" + text + "' exists and is not a PNG image; PhysGen replaces only files it"
			+ " wrote: choose another name, or move that file away", refusal(() -> OutputFiles.requireReplaceable(
				"model_file", text, "PNG image", OutputFiles::isPng)));
		final Path png = Files.write(dir.resolve("plot.png"), new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n',
			0x1a, '\n', 0 });
		OutputFiles.requireReplaceable("output_dir", png, "PNG image", OutputFiles::isPng);
		OutputFiles.requireReplaceable("output_dir", dir.resolve("absent.png"), "PNG image", OutputFiles::isPng);
	}

	@Test
	void anOutputThatIsTheInputIsRefused() throws IOException {
		final Path input = Files.writeString(dir.resolve("rock.tif"), "scan");
		final Path sameByAnotherName = dir.resolve("sub").resolve("..").resolve("rock.tif");
		Files.createDirectory(dir.resolve("sub"));
		assertEquals("model_file '" + sameByAnotherName.toAbsolutePath() + "' is the input_file; writing it would"
			+ " destroy the input: choose another model_file", refusal(() -> OutputFiles.requireDistinct("model_file",
				sameByAnotherName, "input_file", input)));
		OutputFiles.requireDistinct("model_file", dir.resolve("rock.physgen"), "input_file", input);
	}

	@Test
	void theTiffWriterReplacesOnlyVolumesPhysGenWrote() throws IOException {
		final LabelVolume volume = TestVolumes.random(4, 3, 2, PhaseTable.identity(2), VoxelSize.DEFAULT, 1);
		final Path scan = dir.resolve("scan.tif");
		Files.write(scan, new TinyTiffWriter(4, 3, 8, TinyTiffWriter.NONE, 3).write(List.of(new int[12],
			new int[12])));
		final byte[] before = Files.readAllBytes(scan);
		assertThrows(FileAlreadyExistsException.class, () -> TiffVolumeWriter.write(volume, scan));
		assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(scan)), "the scan is left as it was");
		final Path generated = dir.resolve("generated.tif");
		TiffVolumeWriter.write(volume, generated);
		assertTrue(TiffVolumeWriter.isPhysGenVolume(generated));
		TiffVolumeWriter.write(volume, generated);
		TestVolumes.assertSameLabels(volume, VolumeReader.read(generated));
	}

	@Test
	void newVolumesGetFreshNames() throws IOException {
		final LabelVolume volume = TestVolumes.random(4, 3, 2, PhaseTable.identity(2), VoxelSize.DEFAULT, 1);
		assertEquals(dir.resolve("rock-7-1.tif").toAbsolutePath(), TiffVolumeWriter.writeNew(volume, dir,
			"rock-7-1"));
		assertEquals(dir.resolve("rock-7-1_2.tif").toAbsolutePath(), TiffVolumeWriter.writeNew(volume, dir,
			"rock-7-1"));
		TestVolumes.assertSameLabels(volume, VolumeReader.read(dir.resolve("rock-7-1_2.tif")));
	}
}
