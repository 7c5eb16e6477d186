package org.physgen.model.dsd;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.physgen.dsd.ChannelMap;
import org.physgen.dsd.Direction;
import org.physgen.dsd.DsdLoss;
import org.physgen.dsd.ForwardGap;
import org.physgen.dsd.ForwardNoising;
import org.physgen.dsd.Grid;
import org.physgen.dsd.NoisedBatch;
import org.physgen.dsd.OccupancyRepair;
import org.physgen.dsd.RateModel;
import org.physgen.dsd.SampledCounts;
import org.physgen.dsd.SamplerSettings;
import org.physgen.dsd.SamplerStarts;
import org.physgen.dsd.SettlingFloor;
import org.physgen.dsd.SharpenedRates;
import org.physgen.dsd.TauLeapSampler;
import org.physgen.dsd.Tolerance;
import org.physgen.lattice.Boundary;
import org.physgen.lattice.Schedule;
import org.physgen.model.GenerationClock;
import org.physgen.model.GenerationListener;
import org.physgen.model.GenerationRequest;
import org.physgen.model.GenerationTargets;
import org.physgen.model.InpaintMask;
import org.physgen.model.InpaintRequest;
import org.physgen.model.LoadedModel;
import org.physgen.model.VolumeReport;
import org.physgen.model.VolumeReport.Correction;
import org.physgen.nn.DsdProcess;
import org.physgen.nn.ModelMetadata;
import org.physgen.nn.NetworkFunction;
import org.physgen.nn.RateHead;
import org.physgen.random.RandomStreams;
import org.physgen.volume.LabelVolume;

/**
 * A DSD model: particles start uniformly at random, the tau-leap sampler runs the learned reverse
 * process to t = 0, and occupancy repair turns counts into labels with the exact phase counts.
 */
final class DsdModel extends LoadedModel {

	private static final long START_KEY = 0x5354415254L;
	private static final long SAMPLER_KEY = 0x53414D504CL;
	/**
	 * Forward time r·t from which generation sharpens the rates: where the large-scale layout forms
	 * (below it, particles settle onto voxels and keep the learned rates).
	 */
	private static final double STRUCTURE_FORMS = 1;

	private final DsdProcess process;
	private final ChannelMap channels;
	private final Schedule schedule;
	private final double rate;
	private final RateHead head;

	DsdModel(final Path file, final ModelMetadata metadata, final NetworkFunction network) {
		super(file, metadata, network);
		process = metadata.process(DsdProcess.class);
		channels = DsdFamily.channels(metadata);
		schedule = process.timeSchedule();
		rate = process.rate();
		head = process.rateHead();
	}

	@Override
	public boolean canInpaint() {
		return true;
	}

	@Override
	public List<LabelVolume> generate(final GenerationRequest request,
		final GenerationListener listener)
	{
		final GenerationClock clock = new GenerationClock();
		checkSizes(request);
		final Grid grid = new Grid(request.sizeX(), request.sizeY(), request.sizeZ(), boundary());
		final long[][] targets = GenerationTargets.counts(request.targets(), request.count(),
			request.voxels(), phases(), metadata.trainingData(), request.seed());
		final TauLeapSampler sampler = new TauLeapSampler(grid, channels.channels(), schedule,
			rates(request.sharpening()));
		listener.log(samplerSettings(request.tolerance(), request.stepFraction(), request.sharpening()));
		final List<LabelVolume> volumes = new ArrayList<>(request.count());
		for (int first = 0; first < request.count(); first += request.batchSize()) {
			final int batch = Math.min(request.batchSize(), request.count() - first);
			final int[][][] start = new int[batch][][];
			for (int b = 0; b < batch; b++) {
				start[b] = SamplerStarts.uniform(grid, masses(targets[first + b]), null,
					RandomStreams.derive(request.seed(), START_KEY + first + b));
			}
			final int done = first;
			final SampledCounts run = sampler.sample(start, null, settings(request.tolerance(),
				request.stepFraction(), RandomStreams.derive(request.seed(), SAMPLER_KEY + first)),
				(evaluations, t, startTime) -> listener.progress(clock.at(done, request.count(),
					1 - t / startTime, reverseTime(t, startTime), evaluations)),
				listener::cancelled);
			for (int b = 0; b < batch; b++) {
				final OccupancyRepair.Result repaired = OccupancyRepair.repair(grid, channels,
					run.counts()[b]);
				volumes.add(LabelVolume.fromSlices(repaired.labels(), grid.sizeX(), grid.sizeY(),
					phases(), voxelSize()));
				new VolumeReport(first + b + 1, run.evaluations(), Correction.REPAIRED, repaired.repairedFraction())
					.sendTo(listener);
			}
			listener.progress(clock.at(first + batch, request.count(), 0, "", 0));
		}
		return volumes;
	}

	@Override
	public LabelVolume inpaint(final InpaintRequest request, final GenerationListener listener) {
		final GenerationClock clock = new GenerationClock();
		final LabelVolume volume = request.volume();
		metadata.requireSamePhases(volume.phases());
		checkSampler(1, 1, GenerationRequest.NO_FRAMES, volume.sizeX(), volume.sizeY(), volume.sizeZ());
		final Grid grid = new Grid(volume.sizeX(), volume.sizeY(), volume.sizeZ(), boundary());
		final boolean[] evolving = InpaintMask.evolving(request.mask(), volume);
		final int[][] start = SamplerStarts.inpainting(grid, channels, volume.slices(), evolving,
			request.regionCounts(), RandomStreams.derive(request.seed(), START_KEY));
		final TauLeapSampler sampler = new TauLeapSampler(grid, channels.channels(), schedule,
			rates(request.sharpening()));
		listener.log(samplerSettings(request.tolerance(), request.stepFraction(), request.sharpening()));
		final SampledCounts run = sampler.sample(new int[][][] { start }, evolving,
			settings(request.tolerance(), request.stepFraction(),
				RandomStreams.derive(request.seed(), SAMPLER_KEY)),
			(evaluations, t, startTime) -> listener.progress(clock.at(0, 1, 1 - t / startTime,
				reverseTime(t, startTime), evaluations)),
			listener::cancelled);
		final OccupancyRepair.Result repaired = OccupancyRepair.repair(grid, channels, run.counts()[0],
			evolving);
		listener.log(String.format(Locale.ROOT, "inpainting: %d network evaluations, repaired " +
			"fraction %.4f", run.evaluations(), repaired.repairedFraction()));
		listener.progress(clock.at(1, 1, 0, "", run.evaluations()));
		return volume.withSlices(repaired.labels());
	}

	/**
	 * The process-likelihood loss of this model's rates and of the forward rates r, at each of the
	 * given time indices, on crops noised with a fixed seed (SPEC 4.3; unweighted, as a Bregman
	 * divergence to the targets, so both are non-negative and 0 means every target met). The
	 * forward rates are the untrained baseline: a model has learned the reverse process at a time
	 * where its loss is below theirs.
	 *
	 * @param tau forward times r·t, each mapped to the nearest time index
	 * @return {@code [2][timeIndices.length]}: the model's loss, then the forward rates' loss, per
	 *         particle and direction
	 */
	double[][] lossByTime(final LabelVolume crop, final double[] tau, final long seed) {
		final int size = metadata.cropSize();
		if (crop.sizeX() != size || crop.sizeY() != size || crop.sizeZ() != size) {
			throw new IllegalArgumentException("the crop must be " + size + "³ like the training crops, got " +
				crop.sizeX() + " x " + crop.sizeY() + " x " + crop.sizeZ());
		}
		metadata.requireSamePhases(crop.phases());
		final int[] timeIndices = new int[tau.length];
		for (int i = 0; i < tau.length; i++) {
			final double t = tau[i] / rate;
			if (!(t > 0 && t <= schedule.finalTime())) {
				throw new IllegalArgumentException("tau must be in (0, " + rate * schedule.finalTime() +
					"], got " + tau[i]);
			}
			timeIndices[i] = Math.max(1, (int) Math.round(schedule.networkTimeOf(t) * (schedule.steps() - 1)));
		}
		final byte[][][] crops = { crop.slices(), crop.slices(), crop.slices(), crop.slices() };
		return lossByTime(crops, timeIndices, seed);
	}

	private double[][] lossByTime(final byte[][][] crops, final int[] timeIndices, final long seed) {
		final int size = metadata.cropSize();
		final Grid grid = new Grid(size, size, size, boundary());
		final ForwardNoising noising = new ForwardNoising(grid, channels, rate, schedule);
		final NetworkRateModel model = new NetworkRateModel(network, rate, head);
		final double[][] losses = new double[2][timeIndices.length];
		for (int i = 0; i < timeIndices.length; i++) {
			final int[] k = new int[crops.length];
			Arrays.fill(k, timeIndices[i]);
			final NoisedBatch noised = noising.noise(crops, k, RandomStreams.derive(seed, i));
			final float[] rates = new float[noised.shape().ratesLength()];
			model.rates(noised.shape(), noised.counts(), noised.networkTime(), rates);
			losses[0][i] = DsdLoss.divergence(noised.shape(), rates, noised.counts(), noised.targets());
			losses[1][i] = ForwardGap.of(noised, rate);
		}
		return losses;
	}

	/**
	 * Per particle channel and batch item, the sampler holds counts, start counts and counts as
	 * floats (4 bytes each per voxel), and the rates, the network's raw rates and the outflows (6
	 * directions, 4 bytes each); the occupancy repair, one volume at a time, a score per phase and
	 * four work values per voxel.
	 */
	@Override
	protected void checkSampler(final int batch, final int count, final int frames, final int sizeX,
		final int sizeY, final int sizeZ)
	{
		final int c = channels.channels();
		checkSampler("DSD sampling", batch, count, frames, sizeX, sizeY, sizeZ, Direction.COUNT * c,
			(12 + 3 * 4 * Direction.COUNT) * c, 4 * (phases().phaseCount() + 4));
	}

	private static String reverseTime(final double t, final double startTime) {
		return String.format(Locale.ROOT, "reverse time %.3g of %.3g to 0", t, startTime);
	}

	private Boundary boundary() {
		return metadata.boundary();
	}

	private long[] masses(final long[] phaseCounts) {
		final long[] masses = new long[channels.channels()];
		for (int c = 0; c < masses.length; c++) masses[c] = phaseCounts[channels.phaseOf(c)];
		return masses;
	}

	/**
	 * The network's rates, sharpened by γ from forward time r·t = {@value #STRUCTURE_FORMS} on, with the
	 * settling floor below it.
	 */
	private RateModel rates(final double sharpening) {
		final double structureForms = schedule.networkTimeOf(Math.min(STRUCTURE_FORMS / rate,
			schedule.finalTime()));
		final RateModel sharpened = new SharpenedRates(new NetworkRateModel(network, rate, head), rate,
			sharpening, structureForms);
		return new SettlingFloor(sharpened, schedule::physicalTime, structureForms);
	}

	private String samplerSettings(final double tolerance, final double stepFraction, final double sharpening) {
		return String.format(Locale.ROOT, "DSD sampler: tolerance %s, step fraction %s, sharpening %s",
			tolerance > 0 ? tolerance : process.tolerance() + " (the model's)", stepFraction, sharpening);
	}

	private SamplerSettings settings(final double tolerance, final double stepFraction,
		final long seed)
	{
		return new SamplerSettings(Tolerance.geometric(tolerance > 0 ? tolerance : process.tolerance(),
			stepFraction, rate),
			SamplerSettings.DEFAULT_MIN_STEP, seed);
	}
}
