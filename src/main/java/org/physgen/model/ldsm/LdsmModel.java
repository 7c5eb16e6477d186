package org.physgen.model.ldsm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.physgen.ldsm.DoubleWell;
import org.physgen.ldsm.ForwardProcess;
import org.physgen.ldsm.FractionSteering;
import org.physgen.ldsm.ReverseSampler;
import org.physgen.model.GenerationClock;
import org.physgen.model.GenerationListener;
import org.physgen.model.GenerationRequest;
import org.physgen.model.GenerationTargets;
import org.physgen.model.InpaintRequest;
import org.physgen.model.LoadedModel;
import org.physgen.model.VolumeReport;
import org.physgen.model.VolumeReport.Correction;
import org.physgen.nn.LocalDsmProcess;
import org.physgen.nn.ModelMetadata;
import org.physgen.nn.NetworkFunction;
import org.physgen.pfgm.Decoded;
import org.physgen.pfgm.PhaseEncoding;
import org.physgen.pfgm.Samples;
import org.physgen.pfgm.VolumeShape;
import org.physgen.random.RandomStreams;
import org.physgen.volume.LabelVolume;

/**
 * A local-DSM model: every value starts in the prior of its channel's well, tilted so that
 * P(y > 0) is the target fraction; the sampler recorded in the model file (or the request's steps)
 * runs back from T to t_min with the network's score, conditioned on the target fractions and
 * steered after every step so that each channel keeps its target fraction above the barrier
 * ({@link FractionSteering}); the exact projection of {@link PhaseEncoding#decode} then gives the
 * target counts.
 */
final class LdsmModel extends LoadedModel {

	private static final long SAMPLER_KEY = 0x4C44534DL;
	private static final long TIE_KEY = 0x544945L;

	private final LocalDsmProcess process;
	private final ChannelTilts tilts;

	LdsmModel(final Path file, final ModelMetadata metadata, final NetworkFunction network) {
		super(file, metadata, network);
		process = metadata.process(LocalDsmProcess.class);
		tilts = new ChannelTilts(process.barrier());
	}

	@Override
	public boolean canInpaint() {
		return false;
	}

	@Override
	protected String label() {
		return process.label();
	}

	@Override
	public List<LabelVolume> generate(final GenerationRequest request, final GenerationListener listener) {
		final GenerationClock clock = new GenerationClock();
		checkSizes(request);
		final int phases = phases().phaseCount();
		final VolumeShape shape = VolumeShape.forPhases(phases, request.sizeX(), request.sizeY(), request.sizeZ());
		final long[][] targets = GenerationTargets.counts(request.targets(), request.count(), request.voxels(),
			phases(), metadata.trainingData(), request.seed());
		final boolean sameTargets = Arrays.stream(targets).allMatch(t -> Arrays.equals(t, targets[0]));
		final int batchSize = sameTargets ? request.batchSize() : 1;
		final int timeSteps = request.steps() > 0 ? request.steps() : process.steps();
		listener.log(String.format(Locale.ROOT, "local-DSM sampler: %s, %d steps%s, steered to the target fractions; "
			+ "sharpening, tolerance and step fraction do not apply", process.sampler().label(), timeSteps,
			request.steps() > 0 ? "" : " (the model's)"));
		final ReverseSampler base = new ReverseSampler(process.sampler(), process.grid(timeSteps), process.barrier())
			.withCancellation(listener::cancelled);
		final List<LabelVolume> volumes = new ArrayList<>(request.count());
		for (int first = 0; first < request.count(); first += batchSize) {
			final int batch = Math.min(batchSize, request.count() - first);
			final int done = first;
			final ReverseSampler sampler = base.withSteering(FractionSteering.toward(targets[first]))
				.withListener((step, steps, t, evaluations) ->
				listener.progress(clock.at(done, request.count(), step / (double) steps,
					String.format(Locale.ROOT, "step %d of %d (t = %.3g)", step, steps, t), evaluations)));
			final double[] channelTilts = tilts.ofCounts(targets[first]);
			final float[] condition = GenerationTargets.networkCondition(targets, first, batch, request.voxels());
			final DoubleWell[] baseline = process.stationaryBaseline() ? new ForwardProcess(process.barrier(),
				ForwardProcess.STEP_LIMIT).wells(shape, channelTilts) : null;
			final NetworkScore score = new NetworkScore(network, condition, 2 * process.barrier(), baseline);
			final Samples samples = sampler.sample(score, shape, channelTilts, batch,
				RandomStreams.derive(request.seed(), SAMPLER_KEY + first));
			for (int b = 0; b < batch; b++) {
				final Decoded decoded = PhaseEncoding.decode(samples.samples()[b], shape, targets[first + b],
					RandomStreams.derive(request.seed(), TIE_KEY + first + b));
				volumes.add(LabelVolume.fromSlices(decoded.labels(), request.sizeX(), request.sizeY(), phases(),
					voxelSize()));
				new VolumeReport(first + b + 1, samples.evaluations(), Correction.PROJECTED,
					decoded.flippedFraction()).sendTo(listener);
			}
			listener.progress(clock.at(first + batch, request.count(), 0, "", 0));
		}
		return volumes;
	}

	/**
	 * Per batch item and channel the sampler holds the state, the next state and two score arrays,
	 * and the network adapter its input and raw output (4 bytes each per voxel); the decoding, one
	 * volume at a time, a score per phase and a slice value per voxel.
	 */
	@Override
	protected void checkSampler(final int batch, final int count, final int frames, final int sizeX,
		final int sizeY, final int sizeZ)
	{
		final int c = phases().phaseCount();
		checkSampler("local-DSM sampling", batch, count, frames, sizeX, sizeY, sizeZ, c, 6 * 4 * c, 4 * (c + 1));
	}

	@Override
	public LabelVolume inpaint(final InpaintRequest request, final GenerationListener listener) {
		throw new IllegalArgumentException("model_file " + file + " is a local-DSM model; inpainting needs a DSD model");
	}
}
