package org.physgen.volume;

import java.util.Locale;

/**
 * Java heap and array-length limits, checked before a piece of work starts, so that an impossible
 * size is refused at once with the estimate and a size that fits instead of ending in an
 * {@link OutOfMemoryError} or an overflowing index minutes later. All size arithmetic here is in
 * double precision, so no product of edge lengths can overflow.
 */
public final class HeapBudget {

	/** The longest Java array the JVM allocates (a few elements short of Integer.MAX_VALUE). */
	public static final long MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

	/** Heap kept for everything else a run holds: the SciJava context, classes, small arrays. */
	static final long RESERVE_BYTES = 48L << 20;

	private HeapBudget() {}

	/** Voxels of a box, in double precision: no product of int edges overflows it. */
	public static double voxels(final int sizeX, final int sizeY, final int sizeZ) {
		return (double) sizeX * sizeY * sizeZ;
	}

	/**
	 * Heap bytes this JVM can give a piece of work: its limit less a reserve for everything else. What
	 * other work holds at the moment is left out on purpose: it changes from one moment to the next
	 * (garbage, other threads), and a check against it would refuse or pass the same run at random.
	 */
	public static long available() {
		return Math.max(0, Runtime.getRuntime().maxMemory() - RESERVE_BYTES);
	}

	/**
	 * Refuses work on a box that needs more heap than is available.
	 *
	 * @param work what is being made, for the message (e.g. "Synthetic Microstructure (gaussian_field)")
	 * @param bytesPerVoxel heap bytes the work needs per voxel of the box
	 * @param sizeParameter the parameter whose smaller value would fit (e.g. "size"), or null when
	 *          the size is not the user's choice (a volume being read or measured)
	 * @throws IllegalArgumentException with the estimate, the heap available, how to give Java more
	 *           memory, and the largest cube edge that fits
	 */
	public static void require(final String work, final double bytesPerVoxel, final int sizeX,
		final int sizeY, final int sizeZ, final String sizeParameter)
	{
		require(work, bytesPerVoxel, sizeX, sizeY, sizeZ, sizeParameter, 1);
	}

	/** As {@link #require(String, double, int, int, int, String)}, suggesting a multiple of {@code multiple}. */
	public static void require(final String work, final double bytesPerVoxel, final int sizeX,
		final int sizeY, final int sizeZ, final String sizeParameter, final int multiple)
	{
		final double need = bytesPerVoxel * voxels(sizeX, sizeY, sizeZ);
		final long available = available();
		if (need <= available) return;
		final int edge = (int) Math.floor(Math.cbrt(available / bytesPerVoxel)) / multiple * multiple;
		throw new IllegalArgumentException(String.format(Locale.ROOT,
			"%s at %d x %d x %d voxels needs about %s of Java heap, more than the %s its limit of %s leaves " +
				"for it: %s%s", work, sizeX, sizeY, sizeZ, format(need), format(available),
			format(Runtime.getRuntime().maxMemory()), howToGetMore(need),
			sizeParameter != null && edge >= 2 ? "; or use " + sizeParameter + " " + edge + " or less, which fits" : ""));
	}

	/**
	 * Refuses a box whose longest Java array would be too long.
	 *
	 * @param valuesPerVoxel values of that array per voxel of the box (of a z slice when
	 *          {@code dimensions} is 2)
	 * @param dimensions 3 when the array spans the box, 2 when it spans one z slice
	 * @param what that array, for the message
	 */
	public static void requireArrayLength(final String work, final double valuesPerVoxel,
		final int dimensions, final String what, final int sizeX, final int sizeY, final int sizeZ,
		final String sizeParameter)
	{
		requireArrayLength(work, valuesPerVoxel, dimensions, what, sizeX, sizeY, sizeZ, sizeParameter, 1);
	}

	/** As {@link #requireArrayLength(String, double, int, String, int, int, int, String)}, suggesting a multiple of {@code multiple}. */
	public static void requireArrayLength(final String work, final double valuesPerVoxel,
		final int dimensions, final String what, final int sizeX, final int sizeY, final int sizeZ,
		final String sizeParameter, final int multiple)
	{
		final double elements = valuesPerVoxel * (dimensions == 2 ? (double) sizeX * sizeY
			: voxels(sizeX, sizeY, sizeZ));
		if (elements <= MAX_ARRAY_LENGTH) return;
		final long edge = (long) Math.floor(Math.pow(MAX_ARRAY_LENGTH / valuesPerVoxel, 1.0 / dimensions)) /
			multiple * multiple;
		throw new IllegalArgumentException(String.format(Locale.ROOT,
			"%s at %d x %d x %d voxels is too large: %s would hold %.3g values, more than the %d a Java " +
				"array can hold; use %s %d or less", work, sizeX, sizeY, sizeZ, what, elements,
			MAX_ARRAY_LENGTH, sizeParameter, edge));
	}

	/** How to give Java more heap, in the headless runner and in Fiji, for a need of about {@code needBytes}. */
	public static String howToGetMore(final double needBytes) {
		final long gib = (long) Math.ceil((needBytes + RESERVE_BYTES) / (1L << 30)) + 1;
		return "give Java more memory (headless runner: PHYSGEN_JAVA_OPTS=-Xmx" + gib +
			"g; Fiji: Edit > Options > Memory & Threads)";
	}

	/** Bytes as "512 MiB" or "3.2 GiB" or "1.5 TiB". */
	public static String format(final double bytes) {
		final double mib = bytes / (1024.0 * 1024.0);
		if (mib < 1024) return String.format(Locale.ROOT, "%.0f MiB", Math.ceil(mib));
		if (mib < 1024 * 1024) return String.format(Locale.ROOT, "%.1f GiB", mib / 1024);
		return String.format(Locale.ROOT, "%.1f TiB", mib / (1024 * 1024));
	}
}
