package org.physgen.model;

import java.util.Locale;

/**
 * What a sampler reports for each finished volume: its network evaluations and how much the final
 * exact-count step changed. DSD and Yukawa end with the occupancy repair (the fraction of particles
 * moved off crowded voxels, SPEC §4.5); PFGM++ and local-DSM end with the exact projection (the
 * fraction of voxels whose phase differs from the nearest-phase decoding, SPEC §6).
 *
 * @param volume the volume's number in the request, from 1
 * @param evaluations network evaluations the sampler spent on the volume's batch
 * @param correction which exact-count step {@code correctedFraction} measures
 * @param correctedFraction share of particles repaired or of voxels changed by the projection, 0 to 1
 */
public record VolumeReport(int volume, int evaluations, Correction correction, double correctedFraction) {

	/** The final step that makes the phase counts exact. */
	public enum Correction {
		/** DSD and Yukawa: particles on crowded voxels moved to the nearest free ones. */
		REPAIRED,
		/** PFGM++ and local-DSM: the exact projection onto the requested counts. */
		PROJECTED
	}

	/** Passes the report to {@code listener}, structured and as its log line. */
	public void sendTo(final GenerationListener listener) {
		listener.volumeFinished(this);
		listener.log(describe());
	}

	/** The log line: "volume 3: " and the {@link #outcome()}. */
	public String describe() {
		return "volume " + volume + ": " + outcome();
	}

	/** "532 network evaluations, repaired fraction 0.0002" or "35 network evaluations, projection changed 0.0011 of the voxels". */
	public String outcome() {
		return correction == Correction.REPAIRED
			? String.format(Locale.ROOT, "%d network evaluations, repaired fraction %.4f", evaluations, correctedFraction)
			: String.format(Locale.ROOT, "%d network evaluations, projection changed %.4f of the voxels", evaluations,
				correctedFraction);
	}
}
