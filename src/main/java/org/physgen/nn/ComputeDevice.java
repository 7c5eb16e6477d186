package org.physgen.nn;

import java.util.Locale;
import java.util.function.Consumer;

import ai.djl.Device;

/**
 * The {@code device} parameter: {@code auto} (first GPU when there is one, else CPU), {@code cpu},
 * {@code gpu} (GPU 0) or {@code gpu:N}. A requested GPU that is not usable falls back to the CPU
 * with a warning; every decision is logged in one line.
 *
 * @param kind what was asked for
 * @param index GPU index (0 unless {@code gpu:N}; 0 for auto and cpu)
 */
public record ComputeDevice(Kind kind, int index) {

	/** The three forms of the parameter. */
	public enum Kind {
		AUTO, CPU, GPU
	}

	public static final ComputeDevice AUTO = new ComputeDevice(Kind.AUTO, 0);
	public static final ComputeDevice CPU = new ComputeDevice(Kind.CPU, 0);

	public ComputeDevice {
		if (kind == null || index < 0 || (kind != Kind.GPU && index != 0)) {
			throw new IllegalArgumentException("device must be auto, cpu or gpu:N with N >= 0, got " +
				kind + " " + index);
		}
	}

	/** GPU number {@code index}. */
	public static ComputeDevice gpu(final int index) {
		return new ComputeDevice(Kind.GPU, index);
	}

	/** @throws IllegalArgumentException naming {@code device} and the value when not understood */
	public static ComputeDevice parse(final String value) {
		final String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
		if (v.equals("auto")) return AUTO;
		if (v.equals("cpu")) return CPU;
		if (v.equals("gpu")) return gpu(0);
		if (v.startsWith("gpu:")) {
			try {
				final int index = Integer.parseInt(v.substring(4));
				if (index >= 0) return gpu(index);
			}
			catch (final NumberFormatException e) {
				// reported below with the accepted forms
			}
		}
		throw new IllegalArgumentException(
			"device must be auto, cpu, gpu or gpu:N (N = 0, 1, ...), got '" + value + "'");
	}

	/**
	 * Resolves against the GPUs of the DJL engine (loading it through {@link DjlRuntime}).
	 *
	 * @param log receives exactly one line: the device chosen, and why when it is not the one
	 *          asked for
	 */
	public Device resolve(final Consumer<String> log) {
		final int gpus = DjlRuntime.engine().getGpuCount();
		return resolve(gpus, DjlRuntime.library().bundled() ? "the bundled CPU build of libtorch is loaded; " +
			"set " + TorchLibrary.ENVIRONMENT + " to a CUDA build, or " + AllowDownload.ENVIRONMENT +
			"=true on Linux x86-64 with an NVIDIA driver" : "libtorch sees no CUDA device", log);
	}

	/** Resolves against {@code gpuCount} usable GPUs; see {@link #resolve(Consumer)}. */
	public Device resolve(final int gpuCount, final Consumer<String> log) {
		return resolve(gpuCount, "no CUDA build of PyTorch or no CUDA driver found", log);
	}

	private Device resolve(final int gpuCount, final String noGpu, final Consumer<String> log) {
		final Device device;
		final String reason;
		if (kind == Kind.CPU) {
			device = Device.cpu();
			reason = "";
		}
		else if (kind == Kind.AUTO) {
			device = gpuCount > 0 ? Device.gpu(0) : Device.cpu();
			reason = gpuCount > 0 ? " (" + gpuCount + " GPU(s) usable)" : " (no usable GPU)";
		}
		else if (gpuCount == 0) {
			device = Device.cpu();
			reason = ": no usable GPU (" + noGpu + "), running on the CPU";
		}
		else if (index >= gpuCount) {
			device = Device.cpu();
			reason = ": only " + gpuCount + " GPU(s) (gpu:0 to gpu:" + (gpuCount - 1) +
				"), running on the CPU";
		}
		else {
			device = Device.gpu(index);
			reason = "";
		}
		log.accept(reason.startsWith(":") ? "device " + this + reason
			: "device " + this + ": " + (device.isGpu() ? "gpu:" + device.getDeviceId() : "cpu") + reason);
		return device;
	}

	@Override
	public String toString() {
		return kind == Kind.GPU ? "gpu:" + index : kind.name().toLowerCase(Locale.ROOT);
	}
}
