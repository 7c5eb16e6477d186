package org.physgen.metrics;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

import org.physgen.metrics.report.Comparison;
import org.physgen.metrics.report.VolumeStatistics;
import org.physgen.volume.LabelVolume;
import org.physgen.volume.VolumeFiles;
import org.physgen.volume.VolumeReader;

/** Measures a reference volume and generated volumes of the same material, side by side. */
public final class MicrostructureComparison {

	private MicrostructureComparison() {}

	/**
	 * @param phases phase selection for {@link MicrostructureStatistics#parsePhases}
	 * @param generated files of the generated volumes; each must have as many phases as the reference,
	 *          matched by phase index
	 */
	public static Comparison compare(final LabelVolume reference, final String referenceName,
		final List<Path> generated, final String phases, final Set<Metric> metrics, final DoubleConsumer progress,
		final BooleanSupplier cancelled) throws IOException
	{
		final int[] selected = MicrostructureStatistics.parsePhases(phases, reference.phases());
		final int volumes = generated.size() + 1;
		final VolumeStatistics ref = MicrostructureStatistics.measure(reference, referenceName, selected, metrics,
			f -> progress.accept(f / volumes), cancelled);
		final List<VolumeStatistics> results = new ArrayList<>();
		for (int i = 0; i < generated.size(); i++) {
			final Path file = generated.get(i);
			final LabelVolume read = VolumeReader.read(file);
			if (read.phases().phaseCount() != reference.phases().phaseCount()) {
				throw new IllegalArgumentException("generated volume " + file + " has " + read.phases().phaseCount()
					+ " phases, the reference " + referenceName + " has " + reference.phases().phaseCount());
			}
			// phases correspond by index; the reference's names make the report rows line up
			final LabelVolume volume = new LabelVolume(read.img(), reference.phases(), read.voxelSize());
			final int done = i + 1;
			results.add(MicrostructureStatistics.measure(volume, VolumeFiles.baseName(file), selected, metrics,
				f -> progress.accept((done + f) / volumes), cancelled));
		}
		return new Comparison(ref, results);
	}
}
