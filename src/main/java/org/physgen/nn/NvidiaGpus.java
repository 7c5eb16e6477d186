package org.physgen.nn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The NVIDIA GPUs the driver lists, found without loading libtorch or CUDA: the Linux driver makes
 * one entry per GPU under {@value #DRIVER_FOLDER}. No such folder (another system, no driver) means
 * no GPU.
 *
 * @param folder the folder that was read
 * @param driver whether the folder exists
 * @param entries the names of its entries (PCI addresses), sorted
 */
public record NvidiaGpus(Path folder, boolean driver, List<String> entries) {

	/** Where the Linux NVIDIA driver lists its GPUs. */
	public static final String DRIVER_FOLDER = "/proc/driver/nvidia/gpus";

	/** The GPUs listed in {@code folder}; none when the folder is missing or unreadable. */
	public static NvidiaGpus probe(final Path folder) {
		if (!Files.isDirectory(folder)) return new NvidiaGpus(folder, false, List.of());
		try (Stream<Path> list = Files.list(folder)) {
			return new NvidiaGpus(folder, true, list.map(entry -> entry.getFileName().toString()).sorted()
				.toList());
		}
		catch (final IOException | SecurityException e) {
			return new NvidiaGpus(folder, true, List.of());
		}
	}

	/** Whether the driver lists at least one GPU. */
	public boolean present() {
		return !entries.isEmpty();
	}

	/** One phrase for the log: what was found where. */
	public String describe() {
		if (!driver) return "no NVIDIA driver found (no folder " + folder + ")";
		return present() ? entries.size() + " NVIDIA GPU(s) in " + folder : "no NVIDIA GPU listed in " + folder;
	}
}
