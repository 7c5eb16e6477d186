package org.physgen.mass;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.BinaryOperator;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Runs work over the z slices of a planar volume on the current fork/join pool (the common pool
 * unless called from inside another one). Reductions merge per-task partial results with exact
 * operations (integer sums, max, min), so results do not depend on the number of threads.
 */
final class SliceTasks {

	/** Below this many voxels per task, splitting costs more than it saves. */
	private static final long MIN_VOXELS_PER_TASK = 1 << 16;

	@FunctionalInterface
	interface RangeTask<T> {

		/** Processes slices zFrom (inclusive) to zTo (exclusive). */
		T run(int zFrom, int zTo);
	}

	private SliceTasks() {}

	static <T> T reduce(final int slices, final long sliceLength, final RangeTask<T> task,
		final BinaryOperator<T> merge)
	{
		final int tasks = taskCount(slices, sliceLength);
		if (tasks <= 1) return task.run(0, slices);
		return IntStream.range(0, tasks).parallel() //
			.mapToObj(t -> task.run(bound(t, tasks, slices), bound(t + 1, tasks, slices))) //
			.reduce(merge).orElseThrow();
	}

	static void forEachSlice(final int slices, final long sliceLength, final IntConsumer action) {
		if (taskCount(slices, sliceLength) <= 1) {
			for (int z = 0; z < slices; z++) action.accept(z);
		}
		else {
			IntStream.range(0, slices).parallel().forEach(action);
		}
	}

	private static int bound(final int task, final int tasks, final int slices) {
		return (int) ((long) task * slices / tasks);
	}

	private static int taskCount(final int slices, final long sliceLength) {
		final int threads = ForkJoinTask.inForkJoinPool() ? ForkJoinTask.getPool().getParallelism()
			: ForkJoinPool.getCommonPoolParallelism();
		final long byWork = Math.max(1, slices * sliceLength / MIN_VOXELS_PER_TASK);
		return (int) Math.min(Math.min(slices, 2L * threads), byWork);
	}
}
