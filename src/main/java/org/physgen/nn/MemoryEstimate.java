package org.physgen.nn;

import java.lang.management.ManagementFactory;
import java.util.Locale;

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
		return FLOAT * ((long) batch * (TRAINING_TENSORS_PER_UNIT * activationUnits(config, size) +
			3 * attentionUnits(config, size)) + PARAMETER_COPIES_TRAINING * parameterCount(config));
	}

	/** Peak bytes of one forward pass on {@code batch} volumes of {@code size}³. */
	public static long inferenceBytes(final NetworkConfig config, final int batch, final int size) {
		return FLOAT * ((long) batch * (INFERENCE_TENSORS_PER_UNIT * activationUnits(config, size) +
			2 * attentionUnits(config, size)) + parameterCount(config));
	}

	/**
	 * @throws IllegalArgumentException naming batch_size and size, the estimate and a batch size or
	 *           size that fits, when training needs more than {@code budgetBytes}
	 */
	public static void requireTrainingFits(final NetworkConfig config, final int batch,
		final int size, final long budgetBytes)
	{
		require(true, config, batch, size, budgetBytes);
	}

	/** As {@link #requireTrainingFits} for a forward pass (generation). */
	public static void requireInferenceFits(final NetworkConfig config, final int batch,
		final int size, final long budgetBytes)
	{
		require(false, config, batch, size, budgetBytes);
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
		final double mib = bytes / (1024.0 * 1024.0);
		if (mib < 1024) return String.format(Locale.ROOT, "%.0f MiB", Math.ceil(mib));
		return String.format(Locale.ROOT, "%.1f GiB", mib / 1024);
	}

	/** Learnable scalars of the network that {@code config} describes. */
	public static long parameterCount(final NetworkConfig config) {
		return new UNet3d(config).parameterCount();
	}

	private static long activationUnits(final NetworkConfig config, final int size) {
		long units = 0;
		long lowest = 0;
		for (int level = 0; level < config.levels(); level++) {
			final long side = size >> level;
			lowest = (long) config.baseChannels() * config.multipliers().get(level) * side * side *
				side;
			units += (2L * config.resBlocks() + 1) * lowest;
		}
		return units + 2 * lowest;
	}

	private static long attentionUnits(final NetworkConfig config, final int size) {
		if (!config.attention()) return 0;
		final long side = size >> (config.levels() - 1);
		final long voxels = side * side * side;
		return voxels * voxels;
	}

	private static long bytes(final boolean training, final NetworkConfig config, final int batch,
		final int size)
	{
		return training ? trainingBytes(config, batch, size) : inferenceBytes(config, batch, size);
	}

	private static void require(final boolean training, final NetworkConfig config,
		final int batch, final int size, final long budget)
	{
		if (batch < 1) throw new IllegalArgumentException("batch_size must be positive, got " +
			batch);
		final int step = config.sizeMultiple();
		if (size < step || size % step != 0) {
			throw new IllegalArgumentException("size must be a positive multiple of " + step +
				", got " + size);
		}
		final long need = bytes(training, config, batch, size);
		if (need <= budget) return;
		final StringBuilder msg = new StringBuilder(training ? "training" : "generation")
			.append(" with batch_size ").append(batch).append(" and size ").append(size)
			.append(" needs about ").append(format(need)).append(", more than the ")
			.append(format(budget)).append(" available");
		int fittingBatch = batch - 1;
		while (fittingBatch >= 1 && bytes(training, config, fittingBatch, size) > budget) {
			fittingBatch--;
		}
		int fittingSize = size - step;
		while (fittingSize >= step && bytes(training, config, batch, fittingSize) > budget) {
			fittingSize -= step;
		}
		if (fittingBatch >= 1) msg.append("; batch_size ").append(fittingBatch).append(" fits");
		if (fittingSize >= step) {
			msg.append(fittingBatch >= 1 ? ", or " : "; ").append("size ").append(fittingSize)
				.append(" with batch_size ").append(batch).append(" fits");
		}
		if (fittingBatch < 1 && fittingSize < step) {
			int small = size - step;
			while (small >= step && bytes(training, config, 1, small) > budget) small -= step;
			msg.append(small >= step ? "; batch_size 1 and size " + small + " fit"
				: "; even batch_size 1 at size " + step + " does not fit: use a smaller network");
		}
		throw new IllegalArgumentException(msg.toString());
	}
}
