package org.physgen.dsd;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.NonSymmetricMatrixException;
import org.physgen.lattice.AxisKernel;
import org.physgen.lattice.Schedule;

/**
 * Reverse rates of the data set made of one volume x0 that know each occupied voxel of x0 (each
 * origin) sends exactly one particle. Particles are exchangeable, so the exact reverse rate of the
 * many-particle process is {@code r P_t(n') / P_t(n)}, with {@code P_t(n)} a permanent over the
 * assignments of particles to origins. {@link ExactRateModel}'s mean-field rate
 * {@code r rho_t(x + d) / rho_t(x)} drops that constraint: a particle stacked inside a pore cluster
 * feels no pull toward the empty origin next to it, and a structured crop comes back with about a
 * third of its particles stacked.
 * <p>
 * This model approximates the permanent by Sinkhorn scaling of the kernel matrix
 * {@code K_t(x | o)} between particles and origins. For the current counts n of each batch item and
 * channel, origin weights u are balanced so that every origin receives one particle in expectation,
 * {@code u_o (K_t^T (n / rho))(o) = 1} with {@code rho = K_t (u . occupancy)}, by the Sinkhorn
 * update {@code u_o <- 1 / (K_t^T (n / rho))(o)} from u = 1 (the mean-field rates). A particle at
 * x then hops to x + d at rate {@code r rho(x + d) / rho(x)}, 0 for hops out of a reflecting box.
 * For two particles on one of two origins this is the exact permanent ratio. The kernel matrix is
 * symmetric for both boundaries ({@code K(i|j) = K(j|i)}: every hop has the rate of its reverse),
 * hence {@code K_t^T = K_t} and both products are the separable blur of {@link KernelBlur}.
 * <p>
 * Plain Sinkhorn needs hundreds of updates at small {@code tau = r t}, where a surplus of particles
 * far from its empty origins balances slowly; Anderson mixing of the log weights (Walker and Ni,
 * SIAM J. Numer. Anal. 49, 2011, memory 5) brings that to some 20 to 45 updates per evaluation on
 * 16³ crops, each update two blurs. The iterate with the smallest deviation is kept, and mixing
 * restarts from it when the deviation grows tenfold, so mixing never does worse than the best
 * Sinkhorn step it has seen. Unlike the mean-field model the rates depend on the counts, so every
 * batch item and channel is balanced on its own. Everything is computed in double precision.
 * <p>
 * Guards: kernel entries below the round-off floor of the kernel sums are exactly 0 (at small tau
 * the tails are about {@code tau^k / k!}), so a particle may lie out of reach of every origin
 * ({@code rho(x) = 0}): it takes no part in the balance and has rate 0; an origin no particle can
 * reach keeps its weight and is left out of the deviation. Weights span at most {@code e^500}, far
 * more than a balance needs ({@code tau^-k}), so products of weights and kernel entries neither
 * underflow nor overflow. Balancing stops when every reachable origin expects
 * {@code 1 +- tolerance} particles, or after the update cap, which is also where it ends when no
 * complete assignment exists within the kernel's support.
 * <p>
 * A test oracle, with {@link ExactRateModel}: the sampler tests and the DSD learning benchmark
 * measure a trained network against it.
 */
public final class AssignmentRateModel implements RateModel {

	/** Default stop: largest deviation of an origin's expected particle count from 1. */
	public static final double DEFAULT_TOLERANCE = 1e-3;

	/** Default cap on the balancing updates per batch item and channel. */
	public static final int DEFAULT_UPDATES = 1000;

	private static final Direction[] DIRECTIONS = Direction.values();

	/** Residual differences kept by the Anderson mixing. */
	private static final int MEMORY = 5;

	/** Growth of the deviation over the smallest that restarts the mixing from the best iterate. */
	private static final double GROWTH = 10;

	/** Largest log ratio between two origin weights. */
	private static final double LOG_RANGE = 500;

	private final Grid grid;
	private final double rate;
	private final Schedule schedule;
	private final double tolerance;
	private final int maxUpdates;
	/** {@code origins[c]}: the voxels of x0 occupied in channel c, increasing. */
	private final int[][] origins;

	/**
	 * Model with {@link #DEFAULT_TOLERANCE} and {@link #DEFAULT_UPDATES}.
	 *
	 * @param volume label slices of x0, phase indices, {@code volume[z][x + sizeX * y]}
	 * @param rate forward hop rate r per direction, per unit physical time
	 */
	public AssignmentRateModel(final Grid grid, final ChannelMap channels, final byte[][] volume,
		final double rate, final Schedule schedule)
	{
		this(grid, channels, volume, rate, schedule, DEFAULT_TOLERANCE, DEFAULT_UPDATES);
	}

	/**
	 * @param volume label slices of x0, phase indices, {@code volume[z][x + sizeX * y]}
	 * @param rate forward hop rate r per direction, per unit physical time
	 * @param tolerance balancing stops when every reachable origin expects {@code 1 +- tolerance}
	 *          particles
	 * @param maxUpdates cap on the balancing updates per batch item and channel; 0 gives the
	 *          mean-field rates of {@link ExactRateModel}
	 */
	public AssignmentRateModel(final Grid grid, final ChannelMap channels, final byte[][] volume,
		final double rate, final Schedule schedule, final double tolerance, final int maxUpdates)
	{
		if (!(tolerance > 0) || Double.isInfinite(tolerance)) {
			throw new IllegalArgumentException("balancing tolerance must be positive, got " + tolerance);
		}
		if (maxUpdates < 0) {
			throw new IllegalArgumentException("balancing updates must not be negative, got "
				+ maxUpdates);
		}
		this.grid = grid;
		this.rate = rate;
		this.schedule = schedule;
		this.tolerance = tolerance;
		this.maxUpdates = maxUpdates;
		final int sliceLength = grid.sliceLength();
		final int[] channelOf = new int[grid.voxels()];
		final int[] perChannel = new int[channels.channels()];
		for (int v = 0; v < channelOf.length; v++) {
			channelOf[v] = channels.channelOf(volume[v / sliceLength][v % sliceLength] & 0xFF);
			if (channelOf[v] >= 0) perChannel[channelOf[v]]++;
		}
		origins = new int[perChannel.length][];
		for (int c = 0; c < perChannel.length; c++) {
			origins[c] = new int[perChannel[c]];
		}
		final int[] filled = new int[perChannel.length];
		for (int v = 0; v < channelOf.length; v++) {
			if (channelOf[v] >= 0) origins[channelOf[v]][filled[channelOf[v]]++] = v;
		}
	}

	/**
	 * @throws IllegalArgumentException when the shape does not match x0, or when a channel of a
	 *           batch item holds a different number of particles than x0 has occupied voxels in
	 *           that channel (no assignment of particles to origins exists)
	 */
	@Override
	public void rates(final BatchShape shape, final float[] counts, final double[] networkTime,
		final float[] rates)
	{
		if (shape.channels() != origins.length || shape.voxels() != grid.voxels()) {
			throw new IllegalArgumentException(
				"batch shape does not match the assignment model's volume");
		}
		final int voxels = grid.voxels();
		final double[] n = new double[voxels];
		for (int b = 0; b < shape.batch(); b++) {
			final AxisKernel[] kernels = TimeKernels.atTau(grid, rate * schedule.physicalTime(
				networkTime[b]));
			for (int c = 0; c < origins.length; c++) {
				final int offset = shape.countsOffset(b, c);
				long particles = 0;
				for (int v = 0; v < voxels; v++) {
					n[v] = counts[offset + v];
					particles += Math.round(n[v]);
				}
				if (particles != origins[c].length) {
					throw new IllegalArgumentException("batch item " + b + ", channel " + c + " holds "
						+ particles + " particles but x0 has " + origins[c].length + " occupied voxels in"
						+ " that channel: assignment rates need equal masses");
				}
				final double[] density = balancedDensity(kernels, origins[c], n);
				final int base = shape.ratesOffset(b, c, Direction.PLUS_X);
				for (int v = 0; v < voxels; v++) {
					for (final Direction d : DIRECTIONS) {
						final int next = grid.neighbour(v, d);
						rates[base + d.ordinal() * voxels + v] = next >= 0 && density[v] > 0 ? (float) Math
							.min(Float.MAX_VALUE, rate * density[next] / density[v]) : 0;
					}
				}
			}
		}
	}

	/**
	 * The density {@code rho = K_t (u . occupancy)} of one channel, length V, for the origin weights
	 * u balanced against the counts n (length V) of the origins {@code sites}.
	 */
	private double[] balancedDensity(final AxisKernel[] kernels, final int[] sites,
		final double[] n)
	{
		final int voxels = grid.voxels();
		final double[] logWeight = new double[sites.length];
		final double[] mapped = new double[sites.length];
		final double[] bestLogWeight = new double[sites.length];
		final double[] bestMapped = new double[sites.length];
		final double[] weighted = new double[voxels];
		final double[] pull = new double[voxels];
		final AndersonMixing mixing = new AndersonMixing(sites.length);
		double[] bestDensity = null;
		double smallest = Double.POSITIVE_INFINITY;
		for (int update = 0;; update++) {
			double largest = Double.NEGATIVE_INFINITY;
			for (final double f : logWeight) {
				largest = Math.max(largest, f);
			}
			for (int i = 0; i < sites.length; i++) {
				weighted[sites[i]] = Math.exp(Math.max(logWeight[i] - largest, -LOG_RANGE));
			}
			final double[] density = KernelBlur.apply(grid, kernels, weighted);
			for (int v = 0; v < voxels; v++) {
				pull[v] = n[v] > 0 && density[v] > 0 ? n[v] / density[v] : 0;
			}
			final double[] received = KernelBlur.apply(grid, kernels, pull);
			double deviation = 0;
			for (int i = 0; i < sites.length; i++) {
				final double expected = weighted[sites[i]] * received[sites[i]];
				if (expected > 0) {
					deviation = Math.max(deviation, Math.abs(expected - 1));
					mapped[i] = logWeight[i] - Math.log(expected);
				}
				else mapped[i] = logWeight[i];
			}
			if (update == 0 || deviation < smallest) {
				smallest = deviation;
				bestDensity = density;
				System.arraycopy(logWeight, 0, bestLogWeight, 0, sites.length);
				System.arraycopy(mapped, 0, bestMapped, 0, sites.length);
			}
			if (deviation <= tolerance || update == maxUpdates) return bestDensity;
			if (deviation <= GROWTH * smallest) mixing.next(logWeight, mapped);
			else {
				mixing.reset();
				System.arraycopy(bestLogWeight, 0, logWeight, 0, sites.length);
				mixing.next(logWeight, bestMapped);
			}
		}
	}

	/**
	 * Anderson mixing (type II, Walker and Ni 2011) of a fixed-point iteration {@code f <- G(f)}:
	 * the next iterate is {@code G(f) - dG gamma}, where gamma are the least-squares coefficients by
	 * which the last {@link #MEMORY} residual differences dR best cancel the residual
	 * {@code G(f) - f}, and dG the matching differences of G. Without history it is the plain step.
	 */
	private static final class AndersonMixing {

		private final double[][] residualSteps;
		private final double[][] mappedSteps;
		private final double[] previousResidual;
		private final double[] previousMapped;
		private final double[] residual;
		private int stored;
		private int newest;
		private boolean started;

		AndersonMixing(final int length) {
			residualSteps = new double[MEMORY][length];
			mappedSteps = new double[MEMORY][length];
			previousResidual = new double[length];
			previousMapped = new double[length];
			residual = new double[length];
		}

		/** Forgets the history: the next step is the plain step. */
		void reset() {
			stored = 0;
			started = false;
		}

		/** Replaces {@code f} by the next iterate, given {@code mapped = G(f)}. */
		void next(final double[] f, final double[] mapped) {
			final int length = f.length;
			for (int i = 0; i < length; i++) {
				residual[i] = mapped[i] - f[i];
			}
			if (started) {
				newest = (newest + 1) % MEMORY;
				stored = Math.min(stored + 1, MEMORY);
				for (int i = 0; i < length; i++) {
					residualSteps[newest][i] = residual[i] - previousResidual[i];
					mappedSteps[newest][i] = mapped[i] - previousMapped[i];
				}
			}
			started = true;
			System.arraycopy(residual, 0, previousResidual, 0, length);
			System.arraycopy(mapped, 0, previousMapped, 0, length);
			final double[] gamma = coefficients();
			for (int i = 0; i < length; i++) {
				double value = mapped[i];
				for (int j = 0; j < stored; j++) {
					value -= gamma[j] * mappedSteps[j][i];
				}
				f[i] = value;
			}
		}

		/**
		 * Least squares {@code min |residual - dR gamma|} by the normal equations, regularised by
		 * 1e-10 of their trace, solved by Cholesky.
		 */
		private double[] coefficients() {
			final int m = stored;
			if (m == 0) return new double[0];
			final double[][] normal = new double[m][m];
			final double[] right = new double[m];
			double trace = 0;
			for (int a = 0; a < m; a++) {
				for (int b = 0; b <= a; b++) {
					normal[a][b] = dot(residualSteps[a], residualSteps[b]);
					normal[b][a] = normal[a][b];
				}
				trace += normal[a][a];
				right[a] = dot(residualSteps[a], residual);
			}
			for (int a = 0; a < m; a++) normal[a][a] += 1e-10 * trace + Double.MIN_NORMAL;
			try {
				return new CholeskyDecomposition(new Array2DRowRealMatrix(normal, false), 0, 0).getSolver()
					.solve(new ArrayRealVector(right, false)).toArray();
			}
			catch (final NonPositiveDefiniteMatrixException | NonSymmetricMatrixException e) {
				// dependent residual steps: fall back to the plain step
				return new double[m];
			}
		}

		private static double dot(final double[] a, final double[] b) {
			double sum = 0;
			for (int i = 0; i < a.length; i++) {
				sum += a[i] * b[i];
			}
			return sum;
		}
	}
}
