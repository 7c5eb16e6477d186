package org.physgen.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.physgen.metrics.report.Scalar;
import org.physgen.metrics.report.VolumeStatistics;
import org.physgen.volume.LabelVolume;
import org.physgen.volume.PhaseTable;
import org.physgen.volume.VoxelSize;

class CalibratedStatisticsTest {

	private static final double RADIUS = 40;

	/** A ball of radius 40 µm sampled on voxels of the given size, centred in the grid. */
	private static LabelVolume ball(final VoxelSize voxel) {
		final int sx = (int) Math.ceil(2 * RADIUS / voxel.x()) + 8, sy = (int) Math.ceil(2 * RADIUS / voxel.y()) + 8;
		final int sz = (int) Math.ceil(2 * RADIUS / voxel.z()) + 8;
		final LabelVolume v = LabelVolume.create(sx, sy, sz, PhaseTable.identity(2), voxel);
		for (int z = 0; z < sz; z++) {
			for (int y = 0; y < sy; y++) {
				for (int x = 0; x < sx; x++) {
					final double dx = (x + 0.5 - sx / 2.0) * voxel.x(), dy = (y + 0.5 - sy / 2.0) * voxel.y();
					final double dz = (z + 0.5 - sz / 2.0) * voxel.z();
					if (dx * dx + dy * dy + dz * dz < RADIUS * RADIUS) v.setPhase(x, y, z, 1);
				}
			}
		}
		return v;
	}

	private static VolumeStatistics measure(final LabelVolume v) {
		return MicrostructureStatistics.measure(v, "ball", new int[] { 1 }, EnumSet.of(Metric.CHORDS, Metric.SURFACE,
			Metric.THICKNESS), p -> {}, () -> false);
	}

	private static Scalar scalar(final VolumeStatistics s, final String key) {
		return s.scalars().stream().filter(c -> c.key().equals(key)).findFirst().orElseThrow(() -> new AssertionError(
			key));
	}

	/** Mean chord of a ball along any line direction: 4 V / S = 4 R / 3. */
	@Test
	void chordsOfAnAnisotropicallySampledBallAgreeBetweenAxesInMicrometres() {
		final VolumeStatistics s = measure(ball(new VoxelSize(2.5, 2.5, 4, "µm")));
		final double x = scalar(s, "mean chord length [phase 1] (x)").value();
		final double y = scalar(s, "mean chord length [phase 1] (y)").value();
		final double z = scalar(s, "mean chord length [phase 1] (z)").value();
		assertEquals("µm", scalar(s, "mean chord length [phase 1] (z)").unit());
		assertEquals(x, y, 1e-9);
		assertEquals(1.0, z / x, 0.03, "in voxels the ratio would be 1.6");
		assertEquals(4 * RADIUS / 3, x, 0.03 * 4 * RADIUS / 3);
		assertEquals(4 * RADIUS / 3, z, 0.03 * 4 * RADIUS / 3);
		final double area = 4 * Math.PI * RADIUS * RADIUS;
		final double volume = s.size().x() * 2.5 * s.size().y() * 2.5 * s.size().z() * 4;
		final Scalar slope = scalar(s, "specific surface, S2 slope, isotropic [phase 1]");
		assertEquals("1/µm", slope.unit());
		assertEquals(area / volume, slope.value(), 0.03 * area / volume);
		assertEquals(1.5 * area / volume, scalar(s, "specific surface, face count [phase 1]").value(), 0.06 * area / volume);
		assertEquals("voxels", scalar(s, "mean local thickness [phase 1]").unit(), "no single length for a voxel distance");
		assertEquals(List.of(new LengthScale(new VoxelSize(2.5, 2.5, 4, "µm")).warning()), s.warnings());
		assertTrue(s.warnings().get(0).startsWith("voxels are anisotropic (2.50000 x 2.50000 x 4.00000 µm)"));
		assertTrue(s.curves().stream().filter(c -> c.key().equals("chord length distribution [phase 1] (z)")).findFirst()
			.orElseThrow().xLabel().contains("µm"));
	}

	@Test
	void cubicVoxelsScaleThicknessAndUncalibratedVolumesStayInVoxels() {
		final LabelVolume cubic = ball(VoxelSize.isotropic(4, "µm"));
		final VolumeStatistics microns = measure(cubic);
		final VolumeStatistics voxels = measure(new LabelVolume(cubic.img(), cubic.phases(), VoxelSize.DEFAULT));
		assertTrue(microns.warnings().isEmpty());
		for (final String key : List.of("mean chord length [phase 1] (x)", "mean local thickness [phase 1]")) {
			assertEquals("µm", scalar(microns, key).unit());
			assertEquals("voxels", scalar(voxels, key).unit());
			assertEquals(4 * scalar(voxels, key).value(), scalar(microns, key).value(), 1e-9, key);
		}
		assertEquals(scalar(voxels, "specific surface, face count [phase 1]").value() / 4, scalar(microns,
			"specific surface, face count [phase 1]").value(), 1e-12);
	}
}
