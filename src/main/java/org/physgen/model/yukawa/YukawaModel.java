package org.physgen.model.yukawa;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.physgen.dsd.ChannelMap;
import org.physgen.dsd.Direction;
import org.physgen.dsd.Grid;
import org.physgen.dsd.OccupancyRepair;
import org.physgen.dsd.SampledCounts;
import org.physgen.dsd.SamplerSettings;
import org.physgen.dsd.Tolerance;
import org.physgen.model.GenerationClock;
import org.physgen.model.GenerationListener;
import org.physgen.model.GenerationRequest;
import org.physgen.model.GenerationTargets;
import org.physgen.model.InpaintRequest;
import org.physgen.model.LoadedModel;
import org.physgen.nn.ModelMetadata;
import org.physgen.nn.NetworkFunction;
import org.physgen.nn.YukawaProcess;
import org.physgen.random.RandomStreams;
import org.physgen.volume.LabelVolume;
import org.physgen.yukawa.YukawaSampler;

/**
 * A Yukawa model: the volume grows from an empty box, one birth per forward death time, with the
 * learned hops in between ({@link org.physgen.yukawa.YukawaSampler}), and occupancy repair turns the
 * counts into labels. The request's tolerance is the CFL tolerance of the hops where structure forms;
 * its step fraction bounds both the hop steps (as in DSD) and the births per step, as a fraction of
 * the alive particles. Sharpening does not apply.
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
	public List<LabelVolume> generate(final GenerationRequest request, final GenerationListener listener) {
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
		for (int first = 0; first < request.count(); first += request.batchSize()) {
			final int batch = Math.min(request.batchSize(), request.count() - first);
			final long[][] masses = new long[batch][channels.channels()];
			for (int b = 0; b < batch; b++) {
				for (int c = 0; c < masses[b].length; c++) masses[b][c] = targets[first + b][channels.phaseOf(c)];
			}
			final int done = first;
			final SampledCounts run = sampler.sample(masses, new SamplerSettings(Tolerance.geometric(tolerance,
				request.stepFraction(), process.rate()), SamplerSettings.DEFAULT_MIN_STEP,
				RandomStreams.derive(request.seed(), SAMPLER_KEY + first)), request.stepFraction(),
				(evaluations, t, startTime) -> listener.progress(clock.at(done, request.count(), 1 - t / startTime,
					String.format(Locale.ROOT, "reverse time %.3g of %.3g to 0", t, startTime), evaluations)),
				listener::cancelled);
			for (int b = 0; b < batch; b++) {
				final OccupancyRepair.Result repaired = OccupancyRepair.repair(grid, channels, run.counts()[b]);
				volumes.add(LabelVolume.fromSlices(repaired.labels(), grid.sizeX(), grid.sizeY(), phases(),
					voxelSize()));
				listener.log(String.format(Locale.ROOT, "volume %d: %d network evaluations, repaired fraction %.4f",
					first + b + 1, run.evaluations(), repaired.repairedFraction()));
			}
			listener.progress(clock.at(first + batch, request.count(), 0, "", 0));
		}
		return volumes;
	}

	/**
	 * Per particle channel and batch item the sampler holds counts and counts as floats, the birth
	 * probabilities and their cumulative sums (4 + 4 + 4 + 8 bytes per voxel), and the rates, the
	 * network's raw output and the outflows (7 values of 4 bytes, 6 of 4, 6 of 4); the repair as in DSD.
	 */
	@Override
	protected void checkSampler(final int batch, final int count, final int sizeX, final int sizeY, final int sizeZ) {
		final int c = channels.channels();
		checkSampler("Yukawa sampling", batch, count, sizeX, sizeY, sizeZ, YukawaFamily.OUTPUTS_PER_CHANNEL * c,
			(20 + 4 * (YukawaFamily.OUTPUTS_PER_CHANNEL + 2 * Direction.COUNT)) * c, 4 * (phases().phaseCount() + 4));
	}
}
