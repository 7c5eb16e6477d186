package org.physgen.dsd;

import java.util.concurrent.ConcurrentHashMap;

import org.physgen.lattice.AxisKernel;
import org.physgen.lattice.Schedule;

/**
 * The three axis kernels of a grid at each time index of a schedule, built on first use. Axes of
 * equal length share one kernel.
 */
final class TimeKernels {

	private final Grid grid;
	private final double rate;
	private final Schedule schedule;
	private final ConcurrentHashMap<Integer, AxisKernel[]> byIndex = new ConcurrentHashMap<>();

	TimeKernels(final Grid grid, final double rate, final Schedule schedule) {
		this.grid = grid;
		this.rate = rate;
		this.schedule = schedule;
	}

	AxisKernel[] at(final int timeIndex) {
		return byIndex.computeIfAbsent(timeIndex, k -> atTau(grid, rate * schedule.time(k)));
	}

	static AxisKernel[] atTau(final Grid grid, final double tau) {
		final AxisKernel[] kernels = new AxisKernel[3];
		for (int a = 0; a < 3; a++) {
			for (int b = 0; b < a && kernels[a] == null; b++) {
				if (grid.size(b) == grid.size(a)) kernels[a] = kernels[b];
			}
			if (kernels[a] == null) kernels[a] = AxisKernel.of(grid.boundary(), grid.size(a), tau);
		}
		return kernels;
	}
}
