package org.physgen.model;

import java.util.Arrays;
import java.util.Locale;

import org.physgen.mass.PhaseCounts;

/**
 * What phase fractions generated volumes get: explicit fractions, the training crops' mean, or a
 * draw per volume from the stored training-crop fractions. Counts are always exact.
 */
public final class TargetFractions {

	public enum Kind { EXPLICIT, TRAINING_MEAN, SAMPLE }

	private final Kind kind;
	private final double[] fractions;

	private TargetFractions(final Kind kind, final double[] fractions) {
		this.kind = kind;
		this.fractions = fractions;
	}

	/** Fractions of phases 1..P-1; phase 0 takes the rest. */
	public static TargetFractions explicit(final double... fractions) {
		return new TargetFractions(Kind.EXPLICIT, fractions.clone());
	}

	public static TargetFractions trainingMean() {
		return new TargetFractions(Kind.TRAINING_MEAN, null);
	}

	public static TargetFractions sample() {
		return new TargetFractions(Kind.SAMPLE, null);
	}

	/**
	 * Parses a {@code fractions} parameter: empty or "mean" for the training mean, "sample" for a
	 * per-volume draw, otherwise comma-separated fractions of phases 1..P-1.
	 */
	public static TargetFractions parse(final String text) {
		final String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
		if (t.isEmpty() || t.equals("mean")) return trainingMean();
		if (t.equals("sample")) return sample();
		return explicit(PhaseCounts.parse(t));
	}

	public Kind kind() {
		return kind;
	}

	/** The explicit fractions of phases 1..P-1; only for {@link Kind#EXPLICIT}. */
	public double[] fractions() {
		if (kind != Kind.EXPLICIT) throw new IllegalStateException("no explicit fractions");
		return fractions.clone();
	}

	@Override
	public String toString() {
		return switch (kind) {
			case EXPLICIT -> Arrays.toString(fractions);
			case TRAINING_MEAN -> "training mean";
			case SAMPLE -> "sampled from training crops";
		};
	}
}
