package org.physgen.nn;

import java.nio.file.Path;
import java.util.Arrays;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The JVM {@link DownloadFallbackTest} starts: loads PyTorch with the NVIDIA driver folder of its
 * argument, then prints what was loaded, the properties the download attempt touched, and a 2×2
 * matrix product.
 */
public final class DownloadFallbackChild {

	private DownloadFallbackChild() {}

	/** @param args the folder standing in for {@value NvidiaGpus#DRIVER_FOLDER} */
	public static void main(final String[] args) {
		DjlRuntime.start(1, line -> System.out.println("log: " + line), Path.of(args[0]));
		System.out.println("origin: " + DjlRuntime.library().origin());
		for (final String name : CudaDownload.settings("cu128").keySet()) {
			System.out.println("property " + name + "=" + System.getProperty(name));
		}
		try (NDManager manager = DjlRuntime.engine().newBaseManager()) {
			final NDArray a = manager.create(new float[] { 1, 2, 3, 4 }, new Shape(2, 2));
			final NDArray b = manager.create(new float[] { 5, 6, 7, 8 }, new Shape(2, 2));
			System.out.println("product: " + Arrays.toString(a.matMul(b).toFloatArray()));
		}
	}
}
