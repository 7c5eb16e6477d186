package org.physgen.metrics.report;

import java.util.List;
import java.util.Map;

/**
 * Everything measured on one volume: scalars, curves, and the definition of each metric by name.
 */
public record VolumeStatistics(String volume, List<Scalar> scalars, List<Curve> curves,
	Map<String, String> definitions)
{

	public VolumeStatistics {
		scalars = List.copyOf(scalars);
		curves = List.copyOf(curves);
		definitions = Map.copyOf(definitions);
	}
}
