package org.physgen.ldsm;

/**
 * The tilted double well {@code U(y) = (a/4)(y² − 1)² − h·y} and the drift {@code f = −U'} of the
 * forward SDE {@code dy = f(y) dt + √2 dW} (SPEC §12), elementwise on one voxel and channel. Its
 * stationary density is {@code π ∝ exp(−U)}: wells near y = ±1 separated by a barrier of height
 * a/4 at h = 0; a positive tilt h puts more mass in the upper well.
 *
 * @param barrier a ≥ 0, finite (a = 0 leaves the constant drift h, a Brownian motion with drift,
 *          whose transition is Gaussian: the exact case of the linearised step)
 * @param tilt h, finite
 */
public record DoubleWell(double barrier, double tilt) {

	public DoubleWell {
		if (!(barrier >= 0) || Double.isInfinite(barrier)) {
			throw new IllegalArgumentException("barrier a must be non-negative and finite, got " + barrier);
		}
		if (!Double.isFinite(tilt)) throw new IllegalArgumentException("tilt h must be finite, got " + tilt);
	}

	/** U(y). */
	public double potential(final double y) {
		final double w = y * y - 1;
		return 0.25 * barrier * w * w - tilt * y;
	}

	/** f(y) = −U'(y) = −a·y·(y² − 1) + h. */
	public double drift(final double y) {
		return -barrier * y * (y * y - 1) + tilt;
	}

	/** b = f'(y) = −a·(3y² − 1), the slope at which the drift is linearised. */
	public double slope(final double y) {
		return -barrier * (3 * y * y - 1);
	}

	/**
	 * Curvature U''(±1) = 2a of the untilted wells: the rate at which a voxel relaxes inside a well,
	 * and the κ of {@link ReferenceScale}.
	 */
	public double wellCurvature() {
		return 2 * barrier;
	}
}
