package org.physgen.evaluation;

import java.util.List;

import org.physgen.metrics.report.Fidelity;
import org.physgen.volume.LabelVolume;

/**
 * One compared method of the benchmark: its volumes against the held-out cubes, and its cost. Costs
 * that do not apply to the method (the real cubes are not trained) are NaN.
 *
 * @param name e.g. "real vs real", "Gaussian field", "DSD", "PFGM++"
 * @param key folder name of its outputs, e.g. "dsd"
 * @param fidelity the §14 comparison against the held-out cubes; null until measured
 * @param volumes its volumes, the first of which are drawn in the picture
 * @param trainingSteps steps trained
 * @param trainingMinutes training wall time (minutes)
 * @param generationMinutes wall time to generate all its volumes (minutes)
 * @param evaluationsPerVolume network evaluations per generated volume
 * @param repairedFraction DSD: mean fraction of voxels the occupancy repair changed
 * @param projectionChangedFraction PFGM++: mean fraction of voxels the exact projection changed
 * @param note one line on how the volumes were made
 */
public record MethodResult(String name, String key, Fidelity fidelity, List<LabelVolume> volumes, double trainingSteps,
	double trainingMinutes, double generationMinutes, double evaluationsPerVolume, double repairedFraction,
	double projectionChangedFraction, String note)
{

	public MethodResult {
		volumes = List.copyOf(volumes);
	}

	/** The same method with its comparison against the held-out cubes. */
	public MethodResult withFidelity(final Fidelity comparison) {
		return new MethodResult(name, key, comparison, volumes, trainingSteps, trainingMinutes, generationMinutes,
			evaluationsPerVolume, repairedFraction, projectionChangedFraction, note);
	}
}
