package org.physgen.pfgm;

import java.util.stream.IntStream;

/**
 * Splits flat per-sample arrays into fixed-size blocks and runs them on the current fork/join pool.
 * Block boundaries depend only on the array length, never on the thread count, so per-block random
 * streams and per-block partial sums (merged in block order) give identical results on any pool.
 */
public final class Blocks {

	public static final int SIZE = 1 << 15;

	/** Below this many elements in a call, running in parallel costs more than it saves. */
	private static final long PARALLEL_THRESHOLD = 1 << 16;

	@FunctionalInterface
	public interface Action {

		/** Processes elements from (inclusive) to to (exclusive) of a sample. */
		void run(int item, int block, int from, int to);
	}

	private Blocks() {}

	public static int count(final int length) {
		return (length + SIZE - 1) / SIZE;
	}

	/** Runs the action on every block of {@code items} samples of {@code length} elements each. */
	public static void forEach(final int items, final int length, final Action action) {
		final int blocks = count(length);
		final IntStream tasks = IntStream.range(0, items * blocks);
		(items * (long) length >= PARALLEL_THRESHOLD ? tasks.parallel() : tasks).forEach(task -> {
			final int item = task / blocks;
			final int block = task % blocks;
			final int from = block * SIZE;
			action.run(item, block, from, Math.min(length, from + SIZE));
		});
	}

	/** Sum of {@code values[from..to)} in double, computed block by block and merged in order. */
	public static double sum(final float[] values, final int from, final int to) {
		final int blocks = (to - from + SIZE - 1) / SIZE;
		final double[] partial = new double[blocks];
		final IntStream tasks = IntStream.range(0, blocks);
		(to - from >= PARALLEL_THRESHOLD ? tasks.parallel() : tasks).forEach(b -> {
			final int start = from + b * SIZE;
			final int end = Math.min(to, start + SIZE);
			double s = 0;
			for (int k = start; k < end; k++) s += values[k];
			partial[b] = s;
		});
		double total = 0;
		for (final double p : partial) total += p;
		return total;
	}
}
