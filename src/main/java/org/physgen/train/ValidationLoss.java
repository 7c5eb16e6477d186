package org.physgen.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;
import org.physgen.nn.UNet3d;
import org.physgen.volume.LabelVolume;
import org.physgen.random.RandomStreams;

import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;

/**
 * The validation loss: the training objective on {@value #CROPS} fixed crops held out from training,
 * crop i at the fixed time (DSD) or noise level (PFGM++) of quantile (i + ½)/{@value #CROPS} of the
 * training distribution, with fixed noise, evaluated with the averaged (EMA) weights in inference
 * mode. The crops come from a held-out slab: the top {@code crop_size} slices of the last training
 * volume, which training never sees, when that volume has at least three crops' worth of slices;
 * otherwise they are fixed crops of the training data itself (not held out: a smaller volume
 * cannot spare a slab), and {@link #heldOut()} says so. For DSD the loss is divided by the loss of
 * the untrained forward rates on the same noised crops (the divergence of {@code dsd.ForwardGap}),
 * so 1 is what the untrained network scores and a curve falling below 1 means the model learns.
 */
final class ValidationLoss {

	/** Fixed validation crops. */
	static final int CROPS = 8;
	/** A volume needs this many crop heights of slices before a slab of one is held out. */
	static final int SLAB_MINIMUM = 3;
	private static final long CROPS_KEY = 0x56414C43L;
	private static final long NOISE_KEY = 0x56414C4EL;

	private final TrainingObjective objective;
	private final byte[][][] crops;
	private final double[] quantiles;
	private final long seed;
	private final int batch;
	private final boolean heldOut;

	/**
	 * The volumes to train on and the held-out slab, or the volumes unchanged and no slab.
	 *
	 * @param slab the top {@code cropSize} slices of the last volume, or null
	 */
	record Split(List<LabelVolume> training, LabelVolume slab) {

		static Split of(final List<LabelVolume> volumes, final int cropSize) {
			final LabelVolume last = volumes.get(volumes.size() - 1);
			if (last.sizeZ() < SLAB_MINIMUM * cropSize) return new Split(volumes, null);
			final byte[][] slices = last.slices();
			final int start = last.sizeZ() - cropSize;
			final List<LabelVolume> training = new ArrayList<>(volumes.subList(0, volumes.size() - 1));
			training.add(part(last, Arrays.copyOfRange(slices, 0, start)));
			return new Split(training, part(last, Arrays.copyOfRange(slices, start, slices.length)));
		}

		private static LabelVolume part(final LabelVolume volume, final byte[][] slices) {
			return LabelVolume.fromSlices(slices, volume.sizeX(), volume.sizeY(), volume.phases(), volume.voxelSize());
		}
	}

	/**
	 * @param split where the validation crops come from: its slab, else its training volumes
	 * @param batch crops per network call
	 */
	ValidationLoss(final TrainingObjective objective, final Split split, final int cropSize, final long seed,
		final int batch)
	{
		this.objective = objective;
		this.seed = seed;
		this.batch = batch;
		heldOut = split.slab() != null;
		final CropSampler sampler = new CropSampler(heldOut ? List.of(split.slab()) : split.training(), cropSize);
		final UniformRandomProvider rng = RandomStreams.of(seed, CROPS_KEY);
		crops = new byte[CROPS][][];
		quantiles = new double[CROPS];
		for (int i = 0; i < CROPS; i++) {
			crops[i] = sampler.crop(rng, false);
			quantiles[i] = (i + 0.5) / CROPS;
		}
	}

	/** Whether the crops are held out from training. */
	boolean heldOut() {
		return heldOut;
	}

	/** One line for the training log: where the crops come from and how to read the value. */
	String describe(final boolean relative) {
		return CROPS + " validation crops " + (heldOut ? "from the top crop_size slices of the last volume, held out "
			+ "from training" : "of the training data (the volume is under " + SLAB_MINIMUM + " crops tall, so none is "
				+ "held out)") + (relative ? "; the DSD validation loss is relative to the untrained forward rates' (1)"
					: "");
	}

	/**
	 * The validation loss of the network with the weights it holds now (put the averaged ones in
	 * first): the mean over the crops, divided for DSD by the forward rates' loss.
	 */
	double evaluate(final NDManager manager, final UNet3d network, final ParameterStore parameters) {
		double loss = 0, forward = 0;
		for (int from = 0; from < CROPS; from += batch) {
			final int to = Math.min(CROPS, from + batch);
			try (NDManager scope = manager.newSubManager()) {
				final double[] part = objective.fixedTimeLoss(scope, network, parameters, Arrays.copyOfRange(crops, from,
					to), Arrays.copyOfRange(quantiles, from, to), RandomStreams.derive(seed, NOISE_KEY + from));
				loss += part[0] * (to - from);
				forward += part[1] * (to - from);
			}
		}
		return Double.isNaN(forward) ? loss / CROPS : loss / forward;
	}
}
