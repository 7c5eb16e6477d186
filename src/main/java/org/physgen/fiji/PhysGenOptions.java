package org.physgen.fiji;

import java.io.File;

import org.physgen.nn.AllowDownload;
import org.physgen.nn.DjlRuntime;
import org.physgen.nn.TorchLibrary;
import org.scijava.options.OptionsPlugin;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Edit &gt; Options &gt; PhysGen: the folder of an installed libtorch 2.7.1 (for a GPU, the
 * {@code torch/lib} folder of a PyTorch 2.7.1 CUDA installation), used when neither
 * {@value TorchLibrary#PROPERTY} nor {@value TorchLibrary#ENVIRONMENT} names one, and whether DJL may
 * download the CUDA build of libtorch when no folder is named (used when neither
 * {@value AllowDownload#PROPERTY} nor {@value AllowDownload#ENVIRONMENT} is set). PyTorch loads once
 * per Fiji session, so a change takes effect before the first PhysGen command or after a restart.
 */
@Plugin(type = OptionsPlugin.class, menuPath = "Edit>Options>PhysGen...", label = "PhysGen")
public class PhysGenOptions extends OptionsPlugin {

	@Parameter(label = "Installed libtorch folder (optional)", style = "directory", required = false,
		description = "torch/lib of a PyTorch 2.7.1 installation (CUDA build for a GPU); empty: the " +
			"bundled CPU build. Takes effect before the first PhysGen command of a session")
	private File libtorch_folder;

	@Parameter(label = "Allow DJL to download the CUDA build of libtorch (about 2 GB, once)",
		required = false, description = "Only with an NVIDIA GPU on Linux x86-64 and no libtorch folder " +
			"above; needs the network once, then runs from DJL's cache. Falls back to the CPU build when " +
			"the download fails. Takes effect before the first PhysGen command of a session")
	private boolean allow_download;

	/** The folder, or null when none is set. */
	public File libtorchFolder() {
		return libtorch_folder;
	}

	public void setLibtorchFolder(final File folder) {
		libtorch_folder = folder;
	}

	/** Whether DJL may download the CUDA build of libtorch. */
	public boolean allowDownload() {
		return allow_download;
	}

	public void setAllowDownload(final boolean allowed) {
		allow_download = allowed;
	}

	@Override
	public void run() {
		super.run();
		apply();
	}

	/** Hands the folder and the download checkbox to the runtime, for when PyTorch has not loaded yet. */
	void apply() {
		DjlRuntime.setOptionsLibtorch(libtorch_folder == null ? null : libtorch_folder.getPath());
		DjlRuntime.setOptionsAllowDownload(allow_download);
	}
}
