package org.physgen.model.yukawa;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.physgen.dsd.ChannelMap;
import org.physgen.dsd.Direction;
import org.physgen.dsd.Grid;
import org.physgen.dsd.OccupancyRepair;
import org.physgen.dsd.SampledCounts;
import org.physgen.dsd.SamplerSettings;
import org.physgen.dsd.Tolerance;
import org.physgen.model.GeneratedVolumes;
import org.physgen.model.GenerationClock;
import org.physgen.model.GenerationListener;
import org.physgen.model.GenerationRequest;
import org.physgen.model.GenerationTargets;
import org.physgen.model.GrowthSeries;
import org.physgen.model.InpaintRequest;
import org.physgen.model.LoadedModel;
import org.physgen.model.VolumeReport;
import org.physgen.model.VolumeReport.Correction;
import org.physgen.nn.ModelMetadata;
import org.physgen.nn.NetworkFunction;
import org.physgen.nn.YukawaProcess;
import org.physgen.random.RandomStreams;
import org.physgen.volume.LabelVolume;
import org.physgen.yukawa.GrowthFrame;
import org.physgen.yukawa.GrowthRecorder;
import org.physgen.yukawa.YukawaSampler;

/**
 * A Yukawa model: the volume grows from an empty box, one birth per forward death time, with the
 * learned hops in between ({@link org.physgen.yukawa.YukawaSampler}), and occupancy repair turns the
 * counts into labels. The request's tolerance is the CFL tolerance of the hops where structure forms;
 * its step fraction bounds both the hop steps (as in DSD) and the births per step, as a fraction of
 * the alive particles. Sharpening does not apply. With {@code frames} in the request a
 * {@link GrowthRecorder} keeps the growth of each volume ({@link #generateWithGrowth}).
 */
final class YukawaModel extends LoadedModel {

	private static final long SAMPLER_KEY = 0x59554B41L;

	private final YukawaProcess process;
	private final ChannelMap channels;

	YukawaModel(final Path file, final ModelMetadata metadata, final NetworkFunction network) {
		super(file, metadata, network);
		process = metadata.process(YukawaProcess.class);
		channels = YukawaFamily.channels(metadata);
	}

	@Override
	public boolean canInpaint() {
		return false;
	}

	@Override
	public LabelVolume inpaint(final InpaintRequest request, final GenerationListener listener) {
		throw new IllegalArgumentException("model_file " + file + " is a Yukawa model; inpainting needs a DSD model");
	}

	@Override
	public boolean recordsGrowth() {
		return true;
	}

	@Override
	public List<LabelVolume> generate(final GenerationRequest request, final GenerationListener listener) {
		return generateWithGrowth(request, listener).volumes();
	}

	@Override
	public GeneratedVolumes generateWithGrowth(final GenerationRequest request, final GenerationListener listener) {
		final GenerationClock clock = new GenerationClock();
		checkSizes(request);
		final Grid grid = new Grid(request.sizeX(), request.sizeY(), request.sizeZ(), metadata.boundary());
		final long[][] targets = GenerationTargets.counts(request.targets(), request.count(), request.voxels(),
			phases(), metadata.trainingData(), request.seed());
		final double tolerance = request.tolerance() > 0 ? request.tolerance() : process.tolerance();
		final YukawaSampler sampler = new YukawaSampler(grid,
			channels.channels(), process.timeSchedule(), process.survival(),
			new NetworkBirthHopModel(network, process.rate()));
		listener.log(String.format(Locale.ROOT, "Yukawa sampler: survival %s, tolerance %s, step fraction %s " +
			"(births per step at most that share of the alive particles)", process.survival().label(), tolerance,
			request.stepFraction()));
		final List<LabelVolume> volumes = new ArrayList<>(request.count());
		final List<GrowthSeries> growth = new ArrayList<>();
		for (int first = 0; first < request.count(); first += request.batchSize()) {
			final int batch = Math.min(request.batchSize(), request.count() - first);
			final long[][] masses = new long[batch][channels.channels()];
			for (int b = 0; b < batch; b++) {
				for (int c = 0; c < masses[b].length; c++) masses[b][c] = targets[first + b][channels.phaseOf(c)];
			}
			final int done = first;
			final List<GrowthFrame> frames = new ArrayList<>();
			final GrowthRecorder recorder = request.frames() == GenerationRequest.NO_FRAMES ? null
				: new GrowthRecorder(request.frames(), channels, frames::add);
			final SampledCounts run = sampler.sample(masses, new SamplerSettings(Tolerance.geometric(tolerance,
				request.stepFraction(), process.rate()), SamplerSettings.DEFAULT_MIN_STEP,
				RandomStreams.derive(request.seed(), SAMPLER_KEY + first)), request.stepFraction(),
				(evaluations, t, startTime) -> listener.progress(clock.at(done, request.count(), 1 - t / startTime,
					String.format(Locale.ROOT, "reverse time %.3g of %.3g to 0", t, startTime), evaluations)),
				listener::cancelled, recorder);
			for (int b = 0; b < batch; b++) {
				final OccupancyRepair.Result repaired = OccupancyRepair.repair(grid, channels, run.counts()[b]);
				final LabelVolume volume = LabelVolume.fromSlices(repaired.labels(), grid.sizeX(), grid.sizeY(),
					phases(), voxelSize());
				volumes.add(volume);
				new VolumeReport(first + b + 1, run.evaluations(), Correction.REPAIRED, repaired.repairedFraction())
					.sendTo(listener);
				if (recorder != null) {
					growth.add(series(frames, b, volume));
					listener.log(String.format(Locale.ROOT, "volume %d growth: %d frames from t = %.3f to 0, alive "
						+ "particles %s", first + b + 1, frames.size(), frames.get(0).time(), particles(frames, b)));
				}
			}
			listener.progress(clock.at(first + batch, request.count(), 0, "", 0));
		}
		return new GeneratedVolumes(volumes, growth);
	}

	/** Alive particles of one batch item in each frame, as "0 / 120 / 512". */
	private static String particles(final List<GrowthFrame> frames, final int item) {
		return frames.stream().map(f -> Long.toString(f.totalParticles(item))).collect(Collectors.joining(" / "));
	}

	/**
	 * The growth of batch item {@code item}: the recorded frames as label volumes, the last one
	 * replaced by a copy of the repaired volume, which the recorder saw before the repair.
	 */
	private GrowthSeries series(final List<GrowthFrame> frames, final int item, final LabelVolume volume) {
		final double[] times = new double[frames.size()];
		final List<LabelVolume> states = new ArrayList<>(frames.size());
		for (int k = 0; k < frames.size(); k++) times[k] = frames.get(k).time();
		for (int k = 0; k < frames.size() - 1; k++) {
			states.add(LabelVolume.fromSlices(frames.get(k).labels()[item], volume.sizeX(), volume.sizeY(), phases(),
				voxelSize()));
		}
		final byte[][] finished = new byte[volume.sizeZ()][];
		for (int z = 0; z < finished.length; z++) finished[z] = volume.slice(z).clone();
		states.add(LabelVolume.fromSlices(finished, volume.sizeX(), volume.sizeY(), phases(), voxelSize()));
		return new GrowthSeries(times, states);
	}

	/**
	 * Per particle channel and batch item the sampler holds counts and counts as floats, the birth
	 * probabilities and their cumulative sums (4 + 4 + 4 + 8 bytes per voxel), and the rates, the
	 * network's raw output and the outflows (7 values of 4 bytes, 6 of 4, 6 of 4); the repair as in DSD.
	 */
	@Override
	protected void checkSampler(final int batch, final int count, final int frames, final int sizeX,
		final int sizeY, final int sizeZ)
	{
		final int c = channels.channels();
		checkSampler("Yukawa sampling", batch, count, frames, sizeX, sizeY, sizeZ, YukawaFamily.OUTPUTS_PER_CHANNEL * c,
			(20 + 4 * (YukawaFamily.OUTPUTS_PER_CHANNEL + 2 * Direction.COUNT)) * c, 4 * (phases().phaseCount() + 4));
	}
}
