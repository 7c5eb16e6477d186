package org.physgen.model.pfgm;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.physgen.model.GenerationClock;
import org.physgen.model.GenerationListener;
import org.physgen.model.GenerationRequest;
import org.physgen.model.GenerationTargets;
import org.physgen.model.InpaintRequest;
import org.physgen.model.LoadedModel;
import org.physgen.model.VolumeReport;
import org.physgen.model.VolumeReport.Correction;
import org.physgen.nn.ModelMetadata;
import org.physgen.nn.NetworkFunction;
import org.physgen.nn.PfgmProcess;
import org.physgen.pfgm.Decoded;
import org.physgen.pfgm.Denoiser;
import org.physgen.pfgm.HeunSampler;
import org.physgen.pfgm.InjectedError;
import org.physgen.pfgm.MeanSteering;
import org.physgen.pfgm.PhaseEncoding;
import org.physgen.pfgm.Samples;
import org.physgen.pfgm.SigmaGrid;
import org.physgen.pfgm.VolumeShape;
import org.physgen.random.RandomStreams;
import org.physgen.volume.LabelVolume;

/**
 * A PFGM++ model: Heun sampling from the PFGM++ prior with the network as denoiser, conditioned on
 * and steered toward the target fractions, then the exact projection onto the target counts.
 */
final class PfgmModel extends LoadedModel {

	private static final long SAMPLER_KEY = 0x4845555L;
	private static final long TIE_KEY = 0x544945L;
	private static final long ERROR_KEY = 0x45525252L;

	private final PfgmProcess process;

	PfgmModel(final Path file, final ModelMetadata metadata, final NetworkFunction network) {
		super(file, metadata, network);
		process = metadata.process(PfgmProcess.class);
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
	public List<LabelVolume> generate(final GenerationRequest request,
		final GenerationListener listener)
	{
		final GenerationClock clock = new GenerationClock();
		checkSizes(request);
		final int phases = phases().phaseCount();
		final VolumeShape shape = VolumeShape.forPhases(phases, request.sizeX(), request.sizeY(),
			request.sizeZ());
		final long[][] targets = GenerationTargets.counts(request.targets(), request.count(),
			request.voxels(), phases(), metadata.trainingData(), request.seed());
		final boolean sameTargets = Arrays.stream(targets).allMatch(t -> Arrays.equals(t, targets[0]));
		final int batchSize = sameTargets ? request.batchSize() : 1;
		final HeunSampler base = new HeunSampler(PfgmFamily.kernel(process),
			new SigmaGrid(request.steps() > 0 ? request.steps() : process.steps(), process.sigmaMin(),
				process.sigmaMax(), process.rho()))
			.withCancellation(listener::cancelled);
		final List<LabelVolume> volumes = new ArrayList<>(request.count());
		for (int first = 0; first < request.count(); first += batchSize) {
			final int batch = Math.min(batchSize, request.count() - first);
			final int done = first;
			final HeunSampler sampler = base.withSteering(MeanSteering.toward(targets[first]))
				.withListener((step, steps, sigma, evaluations) ->
					listener.progress(clock.at(done, request.count(), step / (double) steps,
						"step " + step + " of " + steps, evaluations)));
			final float[] condition = GenerationTargets.networkCondition(targets, first, batch, request.voxels());
			final Denoiser denoiser = InjectedError.around(new NetworkDenoiser(network, condition), request
				.networkError(), RandomStreams.derive(request.seed(), ERROR_KEY + first));
			final Samples samples = sampler.sample(denoiser, shape, batch,
				RandomStreams.derive(request.seed(), SAMPLER_KEY + first));
			for (int b = 0; b < batch; b++) {
				final Decoded decoded = PhaseEncoding.decode(samples.samples()[b], shape,
					targets[first + b], RandomStreams.derive(request.seed(), TIE_KEY + first + b));
				volumes.add(LabelVolume.fromSlices(decoded.labels(), request.sizeX(), request.sizeY(),
					phases(), voxelSize()));
				new VolumeReport(first + b + 1, samples.evaluations(), Correction.PROJECTED,
					decoded.flippedFraction()).sendTo(listener);
			}
			listener.progress(clock.at(first + batch, request.count(), 0, "", 0));
		}
		return volumes;
	}

	/**
	 * Per batch item and channel the sampler holds the state, the next state, the derivative and
	 * the denoised volume, and the denoiser its input and raw output (4 bytes each per voxel); the
	 * decoding, one volume at a time, a score per phase and a slice value per voxel.
	 */
	@Override
	protected void checkSampler(final int batch, final int count, final int frames, final int sizeX,
		final int sizeY, final int sizeZ)
	{
		final int c = phases().phaseCount();
		checkSampler("PFGM++ sampling", batch, count, frames, sizeX, sizeY, sizeZ, c, 6 * 4 * c,
			4 * (c + 1));
	}

	@Override
	public LabelVolume inpaint(final InpaintRequest request, final GenerationListener listener) {
		throw new IllegalArgumentException("model_file " + file + " is a PFGM++ model; inpainting " +
			"needs a DSD model");
	}
}
