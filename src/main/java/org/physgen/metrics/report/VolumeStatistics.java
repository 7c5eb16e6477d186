package org.physgen.metrics.report;

import java.util.List;
import java.util.Map;

/**
 * Everything measured on one volume: its size, scalars, curves, the definition of each metric by
 * name, and warnings about how far the figures can be trusted (for example anisotropic voxels or a
 * solver that did not converge).
 */
public record VolumeStatistics(String volume, GridSize size, List<Scalar> scalars, List<Curve> curves,
	Map<String, String> definitions, List<String> warnings)
{

	public VolumeStatistics {
		scalars = List.copyOf(scalars);
		curves = List.copyOf(curves);
		definitions = Map.copyOf(definitions);
		warnings = List.copyOf(warnings);
	}
}
