package org.physgen.nn;

import org.physgen.nn.TorchLibrary.Origin;

/**
 * Which way to libtorch a start takes, decided before anything native loads: an installed libtorch
 * named by a setting wins; else DJL's download of the CUDA build when the user allows it, the
 * machine has an NVIDIA GPU and the platform is the one PhysGen's JNI library has CUDA for; else the
 * bundled CPU build.
 *
 * @param library the library to load ({@link TorchLibrary#download} for the download, which
 *          falls back to {@link TorchLibrary#BUNDLED} when it fails)
 * @param reason one line for the log when the choice is not what the settings alone suggest (the
 *          download allowed but not used), else empty
 */
public record LibtorchChoice(TorchLibrary library, String reason) {

	/** The only platform whose JNI library PhysGen ships with a CUDA flavour. */
	public static final String CUDA_PLATFORM = "linux-x86_64";

	/** The way this choice takes. */
	public Origin way() {
		return library.origin();
	}

	/**
	 * Decides.
	 *
	 * @param named the library the settings name ({@link TorchLibrary#select}), {@link TorchLibrary#BUNDLED}
	 *          when none
	 * @param allow whether the download is allowed, and by which setting
	 * @param gpus the NVIDIA GPUs the driver lists
	 * @param platform DJL's platform name of this machine, e.g. {@code linux-x86_64}
	 */
	public static LibtorchChoice decide(final TorchLibrary named, final AllowDownload allow,
		final NvidiaGpus gpus, final String platform)
	{
		if (!named.bundled()) {
			return new LibtorchChoice(named, allow.allowed() ? allow.setting() + " = true is not used: the " +
				named.describe() + " named by " + named.setting() + " wins" : "");
		}
		if (!allow.allowed()) return new LibtorchChoice(TorchLibrary.BUNDLED, "");
		final String unused = allow.setting() + " = true, but DJL's download of the " +
			TorchLibrary.DOWNLOAD_FLAVOR + " build of libtorch is not used: ";
		if (!platform.equals(CUDA_PLATFORM)) {
			return new LibtorchChoice(TorchLibrary.BUNDLED, unused + "PhysGen's JNI library has CUDA only on " +
				CUDA_PLATFORM + ", this is " + platform + "; running on the bundled CPU build");
		}
		if (!gpus.present()) {
			return new LibtorchChoice(TorchLibrary.BUNDLED, unused + gpus.describe() +
				"; running on the bundled CPU build");
		}
		return new LibtorchChoice(TorchLibrary.download(allow.setting()), "");
	}
}
