package org.physgen.nn;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;

import org.physgen.volume.HeapBudget;

import ai.djl.Device;
import ai.djl.util.cuda.CudaUtils;

/**
 * Rough peak memory of the U-Net, used to refuse a batch or crop size before it runs out of
 * memory and to suggest one that fits. The formula counts float32 values:
 * <ul>
 * <li>activation units: for each level l with width w_l and s_l = size/2^l voxels per axis,
 * (2·resBlocks + 1)·w_l·s_l³ (encoder and decoder residual blocks), plus 2·w·s³ for the two
 * middle blocks at the lowest level;</li>
 * <li>inference: {@value #INFERENCE_TENSORS_PER_UNIT} tensors per unit per item (the skips held
 * for the decoder and the arrays of the stage in progress; {@link UNet3d} frees each stage's
 * intermediates when it ends), the attention matrix twice, and the weights once;</li>
 * <li>training: {@value #TRAINING_TENSORS_PER_UNIT} tensors per unit per item (what autograd
 * keeps for the backward pass plus the gradients in transit), the attention matrix three times,
 * and the parameters five times (weights, gradients, Adam m and v, EMA).</li>
 * </ul>
 * The tensor counts are measured on the PyTorch CPU engine with the standard network at 32³,
 * batch 1 (resident memory grew by about 270 MiB for a forward pass and at least 740 MiB for a
 * forward and backward pass), rounded up.
 */
public final class MemoryEstimate {

	static final int TRAINING_TENSORS_PER_UNIT = 36;
	static final int INFERENCE_TENSORS_PER_UNIT = 12;
	private static final int PARAMETER_COPIES_TRAINING = 5;
	private static final long FLOAT = 4;

	private MemoryEstimate() {}

	/** Peak bytes of one training step on {@code batch} crops of {@code size}³. */
	public static long trainingBytes(final NetworkConfig config, final int batch, final int size) {
		return saturated(bytes(true, config, parameterCount(config), batch, size, size, size));
	}

	/** Peak bytes of one forward pass on {@code batch} volumes of {@code size}³. */
	public static long inferenceBytes(final NetworkConfig config, final int batch, final int size) {
		return inferenceBytes(config, batch, size, size, size);
	}

	/**
	 * Peak bytes of one forward pass on {@code batch} volumes of {@code sizeX × sizeY × sizeZ};
	 * {@link Long#MAX_VALUE} when it would not fit in a long.
	 */
	public static long inferenceBytes(final NetworkConfig config, final int batch, final int sizeX,
		final int sizeY, final int sizeZ)
	{
		return saturated(bytes(false, config, parameterCount(config), batch, sizeX, sizeY, sizeZ));
	}

	/**
	 * @throws IllegalArgumentException naming batch and size, the estimate and a batch size or
	 *           size that fits, when training needs more than {@code budgetBytes}
	 */
	public static void requireTrainingFits(final NetworkConfig config, final int batch,
		final int size, final long budgetBytes)
	{
		require(true, config, batch, size, size, size, budgetBytes);
	}

	/** As {@link #requireTrainingFits} for a forward pass (generation) on a cube. */
	public static void requireInferenceFits(final NetworkConfig config, final int batch,
		final int size, final long budgetBytes)
	{
		require(false, config, batch, size, size, size, budgetBytes);
	}

	/** As {@link #requireTrainingFits} for a forward pass (generation) on a box. */
	public static void requireInferenceFits(final NetworkConfig config, final int batch,
		final int sizeX, final int sizeY, final int sizeZ, final long budgetBytes)
	{
		require(false, config, batch, sizeX, sizeY, sizeZ, budgetBytes);
	}

	/**
	 * Memory a run on {@code device} may use: on a GPU the free memory CUDA reports for it (total
	 * less used), on the CPU {@link #cpuBudgetBytes()}.
	 */
	public static long budgetBytes(final Device device) {
		if (!device.isGpu()) return cpuBudgetBytes();
		final MemoryUsage usage = CudaUtils.getGpuMemory(device);
		return Math.max(0, usage.getMax() - usage.getUsed());
	}

	/**
	 * Memory a CPU run may use. DJL's tensors live in native memory, outside the Java heap, so
	 * this is the physical memory less the heap limit (or the heap limit itself when the physical
	 * size cannot be read).
	 */
	public static long cpuBudgetBytes() {
		final long heap = Runtime.getRuntime().maxMemory();
		if (ManagementFactory.getOperatingSystemMXBean() instanceof
			com.sun.management.OperatingSystemMXBean os)
		{
			final long physical = os.getTotalMemorySize();
			if (physical > heap) return physical - heap;
		}
		return heap;
	}

	/** Bytes as "512 MiB" or "3.2 GiB". */
	public static String format(final long bytes) {
		return HeapBudget.format(bytes);
	}

	/** Learnable scalars of the network that {@code config} describes. */
	public static long parameterCount(final NetworkConfig config) {
		return new UNet3d(config).parameterCount();
	}

	/** Float32 values per item held by the levels' activations (double: no edge product overflows). */
	private static double activationUnits(final NetworkConfig config, final int sizeX, final int sizeY,
		final int sizeZ)
	{
		double units = 0;
		double lowest = 0;
		for (int level = 0; level < config.levels(); level++) {
			lowest = (double) config.baseChannels() * config.multipliers().get(level) * (sizeX >> level) *
				(sizeY >> level) * (double) (sizeZ >> level);
			units += (2.0 * config.resBlocks() + 1) * lowest;
		}
		return units + 2 * lowest;
	}

	private static double attentionUnits(final NetworkConfig config, final int sizeX, final int sizeY,
		final int sizeZ)
	{
		if (!config.attention()) return 0;
		final int shift = config.levels() - 1;
		final double voxels = (double) (sizeX >> shift) * (sizeY >> shift) * (double) (sizeZ >> shift);
		return voxels * voxels;
	}

	private static double bytes(final boolean training, final NetworkConfig config, final long parameters,
		final int batch, final int sizeX, final int sizeY, final int sizeZ)
	{
		final double activations = activationUnits(config, sizeX, sizeY, sizeZ);
		final double attention = attentionUnits(config, sizeX, sizeY, sizeZ);
		return FLOAT * (training
			? batch * (TRAINING_TENSORS_PER_UNIT * activations + 3 * attention) +
				PARAMETER_COPIES_TRAINING * (double) parameters
			: batch * (INFERENCE_TENSORS_PER_UNIT * activations + 2 * attention) + (double) parameters);
	}

	private static long saturated(final double bytes) {
		return bytes >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) Math.ceil(bytes);
	}

	private static void require(final boolean training, final NetworkConfig config, final int batch,
		final int sizeX, final int sizeY, final int sizeZ, final long budget)
	{
		if (batch < 1) throw new IllegalArgumentException("batch must be positive, got " + batch);
		final int step = config.sizeMultiple();
		for (final int size : new int[] { sizeX, sizeY, sizeZ }) {
			if (size < step || size % step != 0) {
				throw new IllegalArgumentException("size must be a positive multiple of " + step +
					", got " + size);
			}
		}
		final long parameters = parameterCount(config);
		final double need = bytes(training, config, parameters, batch, sizeX, sizeY, sizeZ);
		if (need <= budget) return;
		final boolean cube = sizeX == sizeY && sizeY == sizeZ;
		final StringBuilder msg = new StringBuilder(training ? "training" : "generation")
			.append(" with batch ").append(batch).append(" and size ")
			.append(cube ? String.valueOf(sizeX) : sizeX + " x " + sizeY + " x " + sizeZ)
			.append(" needs about ").append(HeapBudget.format(need)).append(", more than the ")
			.append(format(budget)).append(" available");
		int fittingBatch = batch - 1;
		while (fittingBatch >= 1 && bytes(training, config, parameters, fittingBatch, sizeX, sizeY, sizeZ) > budget) {
			fittingBatch--;
		}
		final int largest = Math.max(sizeX, Math.max(sizeY, sizeZ));
		final int fittingSize = largestFittingCube(training, config, parameters, batch, largest, budget);
		if (fittingBatch >= 1) msg.append("; batch ").append(fittingBatch).append(" fits");
		if (fittingSize >= step) {
			msg.append(fittingBatch >= 1 ? ", or " : "; ").append("size ").append(fittingSize)
				.append(" with batch ").append(batch).append(" fits");
		}
		if (fittingBatch < 1 && fittingSize < step) {
			final int small = largestFittingCube(training, config, parameters, 1, largest, budget);
			msg.append(small >= step ? "; batch 1 and size " + small + " fit"
				: "; even batch 1 at size " + step + " does not fit: use fewer channels");
		}
		throw new IllegalArgumentException(msg.toString());
	}

	/** The largest multiple of the size multiple below {@code below} whose cube fits, or 0. */
	private static int largestFittingCube(final boolean training, final NetworkConfig config,
		final long parameters, final int batch, final int below, final long budget)
	{
		final int step = config.sizeMultiple();
		int low = 0, high = below / step;
		while (low < high) {
			final int mid = (low + high + 1) >>> 1;
			final int size = mid * step;
			if (size < below && bytes(training, config, parameters, batch, size, size, size) <= budget) low = mid;
			else high = mid - 1;
		}
		return low * step;
	}
}
