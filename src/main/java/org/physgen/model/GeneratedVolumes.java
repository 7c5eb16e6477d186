package org.physgen.model;

import java.util.List;

import org.physgen.volume.LabelVolume;

/**
 * What {@link GenerativeModel#generateWithGrowth} returns.
 *
 * @param volumes the generated volumes, with exactly the requested phase counts
 * @param growth the growth of each volume, in the same order, when the request asked for frames;
 *          empty otherwise
 */
public record GeneratedVolumes(List<LabelVolume> volumes, List<GrowthSeries> growth) {

	/** @throws IllegalArgumentException when growth is neither empty nor one series per volume */
	public GeneratedVolumes {
		if (!growth.isEmpty() && growth.size() != volumes.size()) {
			throw new IllegalArgumentException(growth.size() + " growth series for " + volumes.size() + " volumes");
		}
		volumes = List.copyOf(volumes);
		growth = List.copyOf(growth);
	}
}
