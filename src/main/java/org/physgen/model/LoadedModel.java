package org.physgen.model;

import java.nio.file.Path;
import java.util.Locale;

import org.physgen.nn.BlockNetworkFunction;
import org.physgen.nn.MemoryEstimate;
import org.physgen.nn.ModelFamily;
import org.physgen.nn.ModelMetadata;
import org.physgen.nn.NetworkFunction;
import org.physgen.volume.HeapBudget;
import org.physgen.volume.PhaseTable;
import org.physgen.volume.VoxelSize;

/** What both families share once a bundle is loaded: metadata, the network and size checks. */
public abstract class LoadedModel implements GenerativeModel {

	protected final Path file;
	protected final ModelMetadata metadata;
	protected final NetworkFunction network;

	protected LoadedModel(final Path file, final ModelMetadata metadata, final NetworkFunction network) {
		this.file = file;
		this.metadata = metadata;
		this.network = network;
	}

	@Override
	public ModelFamily family() {
		return metadata.family();
	}

	@Override
	public Path file() {
		return file;
	}

	@Override
	public PhaseTable phases() {
		return metadata.phases();
	}

	@Override
	public VoxelSize voxelSize() {
		return metadata.voxelSize();
	}

	@Override
	public int cropSize() {
		return metadata.cropSize();
	}

	@Override
	public int sizeMultiple() {
		return metadata.io().sizeMultiple();
	}

	@Override
	public double[] trainingFractions() {
		return metadata.trainingData() == null ? null : metadata.trainingData().fractionMean();
	}

	public ModelMetadata metadata() {
		return metadata;
	}

	@Override
	public String describe() {
		return String.format(Locale.ROOT, "%s model %s: phases %s, crop %d, %d training steps, loss %.4g",
			label(), file.getFileName(), phases().names(), cropSize(), metadata.trainingSteps(),
			metadata.finalLoss());
	}

	/** The family's name for people, with its settings where they tell models apart. */
	protected String label() {
		return family().displayName();
	}

	/**
	 * Refuses, before any work, growth frames the family cannot record ({@link #requireFrames}),
	 * sizes the network does not accept and runs that would not fit: the sampler's Java arrays
	 * (length and heap, growth frames included) and the network's memory on its device (native
	 * memory on the CPU, free GPU memory on a GPU).
	 *
	 * @throws IllegalArgumentException naming frames, size_x, size_y, size_z or batch, with the estimate
	 */
	protected void checkSizes(final GenerationRequest request) {
		requireFrames(request.frames());
		requireSize("size_x", request.sizeX());
		requireSize("size_y", request.sizeY());
		requireSize("size_z", request.sizeZ());
		final int batch = Math.min(request.batchSize(), request.count());
		checkSampler(batch, request.count(), request.frames(), request.sizeX(), request.sizeY(), request.sizeZ());
		if (network instanceof BlockNetworkFunction block) {
			MemoryEstimate.requireInferenceFits(metadata.network(), batch, request.sizeX(),
				request.sizeY(), request.sizeZ(), MemoryEstimate.budgetBytes(block.device()));
		}
	}

	/**
	 * Refuses a run whose sampler arrays would be longer than a Java array or need more heap than
	 * is available. The heap is, per voxel: {@code heapBytesPerBatchItem} for each volume sampled
	 * together, one byte for each finished volume and one for each of its growth frames (the labels
	 * are kept until the run ends), and {@code heapBytesOnce} for the work done one volume at a time
	 * (decoding or repair).
	 *
	 * @param frames growth frames per volume, 0 for none
	 * @param arrayValuesPerVoxel values per voxel of the sampler's longest array, per batch item
	 */
	protected void checkSampler(final String work, final int batch, final int count, final int frames,
		final int sizeX, final int sizeY, final int sizeZ, final double arrayValuesPerVoxel,
		final double heapBytesPerBatchItem, final double heapBytesOnce)
	{
		try {
			HeapBudget.requireArrayLength(work + " with batch " + batch, batch * arrayValuesPerVoxel, 3,
				"the network's input or output", sizeX, sizeY, sizeZ, "size", sizeMultiple());
			HeapBudget.require(work + " (" + count + " volume" + (count > 1 ? "s" : "")
				+ (frames > 0 ? " with " + frames + " growth frames each" : "") + ", batch " + batch + ")",
				batch * heapBytesPerBatchItem + (double) count * (1 + frames) + heapBytesOnce, sizeX, sizeY, sizeZ,
				"size", sizeMultiple());
		}
		catch (final IllegalArgumentException tooLarge) {
			if (batch == 1) throw tooLarge;
			try {
				checkSampler(work, 1, count, frames, sizeX, sizeY, sizeZ, arrayValuesPerVoxel, heapBytesPerBatchItem,
					heapBytesOnce);
			}
			catch (final IllegalArgumentException evenOne) {
				throw tooLarge;
			}
			throw new IllegalArgumentException(tooLarge.getMessage() + "; or a smaller batch (batch 1 fits)",
				tooLarge);
		}
	}

	/**
	 * The family's sampler check; see
	 * {@link #checkSampler(String, int, int, int, int, int, int, double, double, double)}.
	 *
	 * @param frames growth frames per volume, 0 for none
	 */
	protected abstract void checkSampler(int batch, int count, int frames, int sizeX, int sizeY, int sizeZ);

	@Override
	public void close() {
		network.close();
	}
}
