package org.physgen.metrics;

/**
 * Steady-state diffusion through one phase along one axis. Concentration 0.5 and -0.5 is held in
 * reservoirs half a voxel beyond the two faces normal to the axis (conductance 2 between a boundary
 * voxel and its reservoir), the side faces are closed, and face-adjacent voxels of the phase exchange
 * with conductance 1. The flux through every layer is the same at convergence; relative diffusivity
 * D_rel = D_eff / D0 = mean layer flux x L / (cross-section area x 1), where L is the length along the
 * axis, and tortuosity factor tau = phase volume fraction / D_rel.
 *
 * @param phase the phase measured
 * @param axis 0 (x), 1 (y) or 2 (z)
 * @param volumeFraction all voxels of the phase over all voxels, including isolated clusters
 * @param relativeDiffusivity D_eff / D0 (0 when no cluster connects the two faces)
 * @param tortuosityFactor volume fraction / relative diffusivity (infinite when nothing connects)
 * @param iterations red-black iterations done (0 only when no cluster connects the faces: nothing to
 *          solve, D_rel = 0 exactly)
 * @param fluxSpread (max - min) / mean of the layer fluxes at the end
 * @param voxelResidual largest net flux into one voxel / mean layer flux at the end
 * @param fluxesAgree whether the flux spread reached the tolerance
 * @param residualSmall whether the voxel residual reached {@link Tortuosity#RESIDUAL_TOLERANCE}
 */
public record TortuosityResult(int phase, int axis, double volumeFraction,
	double relativeDiffusivity, double tortuosityFactor, int iterations, double fluxSpread,
	double voxelResidual, boolean fluxesAgree, boolean residualSmall)
{

	/** Both criteria hold: the layer fluxes agree and every voxel balances. */
	public boolean converged() {
		return fluxesAgree && residualSmall;
	}

	public String definition() {
		return "tortuosity factor of phase " + phase + " along " + FlatIndex.axisName(axis)
			+ ": steady diffusion with c = +-0.5 half a voxel beyond the two faces normal to the axis,"
			+ " closed sides; D_rel = mean layer flux * L / (area * delta c); tau = volume fraction / D_rel;"
			+ " converged when the layer fluxes agree within the tolerance and the largest net flux into a"
			+ " voxel is below " + Tortuosity.RESIDUAL_TOLERANCE + " of the mean layer flux";
	}
}
