package org.physgen.mass;

/**
 * Locates the k-th largest candidate voxel in the order (value, tie hash, index) one digit at a
 * time: first the 32 bits of the value's order key, then the 64 bits of the voxel's tie hash. Each
 * digit costs one histogram pass over the candidates that match the digits fixed so far. Digits are
 * 16 bits wide, or 8 bits on small volumes where clearing and scanning 2^16 buckets would cost more
 * than the extra passes. Afterwards the candidates whose digits exceed the fixed prefix are all
 * among the k largest, and {@code take} of the {@code equal} candidates that match the prefix,
 * lowest index first, complete the k.
 *
 * <p>The value of a voxel is its score, or, when a second array is given, the {@link Gain} from
 * that array's score to this one's, computed on the fly. The first histogram is kept, so locating
 * several ranks on one cut costs one pass less each.</p>
 */
final class RankCut {

	static final int SCORE_BITS = 32;
	static final int ALL_BITS = SCORE_BITS + 64;
	/** Candidate label meaning "every voxel is a candidate" (labels may then be null). */
	static final int EVERY_VOXEL = -1;

	private static final long SMALL_VOLUME = 1 << 18;
	private static final long NO_VOXEL = Long.MAX_VALUE;

	private final float[][] scores;
	private final float[][] subtract;
	private final byte[][] labels;
	private final int label;
	private final TieHash tieHash;
	private final int slices;
	private final int sliceLength;
	private final int digitBits;
	private final long[] firstHistogram;
	private final long candidates;

	private int fixedBits;
	private int keyPrefix;
	private long hashPrefix;
	private long equal;
	private long take;

	/**
	 * Scans the candidates once: counts them and rejects NaN values.
	 *
	 * @param subtract null to rank the scores themselves, else the scores gains are measured from
	 */
	RankCut(final float[][] scores, final float[][] subtract, final byte[][] labels, final int label,
		final TieHash tieHash)
	{
		this.scores = scores;
		this.subtract = subtract;
		this.labels = label == EVERY_VOXEL ? null : labels;
		this.label = label;
		this.tieHash = tieHash;
		this.slices = scores.length;
		this.sliceLength = slices == 0 ? 0 : scores[0].length;
		this.digitBits = (long) slices * sliceLength < SMALL_VOLUME ? 8 : 16;
		firstHistogram = scanFirstDigit();
		long total = 0;
		for (final long n : firstHistogram) total += n;
		candidates = total;
	}

	long candidates() {
		return candidates;
	}

	/**
	 * Fixes digits until the k-th largest candidate is pinned down: through {@code depthBits} bits,
	 * or, with {@code stopWhenDecided}, as soon as all or none of the matching candidates are taken.
	 * Requires 0 <= k <= candidates, and k >= 1 without {@code stopWhenDecided}.
	 */
	void locate(final long k, final int depthBits, final boolean stopWhenDecided) {
		fixedBits = 0;
		keyPrefix = 0;
		hashPrefix = 0;
		equal = candidates;
		take = k;
		while (fixedBits < depthBits) {
			if (stopWhenDecided && (take == 0 || take == equal)) break;
			descend(fixedBits == 0 ? firstHistogram : fixedBits < SCORE_BITS ? valueHistogram()
				: hashHistogram());
		}
	}

	/** The k-th largest value (with -0.0 reported as 0.0); valid after locating the value bits. */
	float value() {
		if (fixedBits < SCORE_BITS) throw new IllegalStateException("value bits not located");
		return OrderKey.value(keyPrefix);
	}

	/**
	 * Gives {@code toLabel} to the k located candidates. The candidates' values must not have
	 * changed since the cut was made.
	 */
	void mark(final int toLabel) {
		final byte to = (byte) toLabel;
		final boolean allEqual = take == equal;
		SliceTasks.forEachSlice(slices, sliceLength, z -> {
			final float[] s = scores[z];
			final float[] sub = subtract == null ? null : subtract[z];
			final byte[] lab = labels[z];
			final long base = (long) z * sliceLength;
			for (int i = 0; i < sliceLength; i++) {
				if ((lab[i] & 0xff) != label) continue;
				final int c = compare(value(s, sub, i), base + i);
				if (c > 0 || c == 0 && allEqual) lab[i] = to;
			}
		});
		if (allEqual || take == 0) return;
		// candidates that match every digit (equal hashes): the lowest indices complete the count
		long remaining = take;
		for (int z = 0; z < slices && remaining > 0; z++) {
			final float[] s = scores[z];
			final float[] sub = subtract == null ? null : subtract[z];
			final byte[] lab = labels[z];
			final long base = (long) z * sliceLength;
			for (int i = 0; i < sliceLength && remaining > 0; i++) {
				if ((lab[i] & 0xff) == label && compare(value(s, sub, i), base + i) == 0) {
					lab[i] = to;
					remaining--;
				}
			}
		}
	}

	private static float value(final float[] s, final float[] sub, final int i) {
		return sub == null ? s[i] : Gain.of(s[i], sub[i]);
	}

	private boolean isCandidate(final byte[] lab, final int i) {
		return lab == null || (lab[i] & 0xff) == label;
	}

	/** Sign of the voxel's (key, hash) bits against the prefix, over the fixed bits only. */
	private int compare(final float value, final long index) {
		if (fixedBits == 0) return 0;
		final int key = OrderKey.of(value);
		final int keyShift = SCORE_BITS - Math.min(fixedBits, SCORE_BITS);
		final int c = Integer.compareUnsigned(key >>> keyShift, keyPrefix >>> keyShift);
		if (c != 0 || fixedBits <= SCORE_BITS) return c;
		final int hashShift = ALL_BITS - fixedBits;
		return Long.compareUnsigned(tieHash.of(index) >>> hashShift, hashPrefix >>> hashShift);
	}

	private void descend(final long[] histogram) {
		long beyond = 0;
		int digit = histogram.length - 1;
		while (digit > 0 && beyond + histogram[digit] < take) beyond += histogram[digit--];
		take -= beyond;
		equal = histogram[digit];
		if (fixedBits < SCORE_BITS) keyPrefix |= digit << SCORE_BITS - fixedBits - digitBits;
		else hashPrefix |= (long) digit << ALL_BITS - fixedBits - digitBits;
		fixedBits += digitBits;
	}

	private long[] scanFirstDigit() {
		final int shift = SCORE_BITS - digitBits;
		final FirstDigitScan scan = SliceTasks.reduce(slices, sliceLength, (z0, z1) -> {
			final FirstDigitScan part = new FirstDigitScan(1 << digitBits);
			for (int z = z0; z < z1; z++) {
				final float[] s = scores[z];
				final float[] sub = subtract == null ? null : subtract[z];
				final byte[] lab = labels == null ? null : labels[z];
				for (int i = 0; i < sliceLength; i++) {
					final float v = value(s, sub, i);
					final boolean candidate = isCandidate(lab, i);
					if (v != v && candidate && part.firstNaN == NO_VOXEL) {
						part.firstNaN = (long) z * sliceLength + i;
					}
					part.counts[OrderKey.of(v) >>> shift] += candidate ? 1 : 0;
				}
			}
			return part;
		}, FirstDigitScan::merge);
		if (scan.firstNaN != NO_VOXEL) {
			throw new IllegalArgumentException("score is NaN at voxel (z=" + scan.firstNaN / sliceLength
				+ ", i=" + scan.firstNaN % sliceLength + "); scores must be numbers");
		}
		return scan.counts;
	}

	/** Histogram of the next value digit over the candidates that match the fixed bits. */
	private long[] valueHistogram() {
		final int keyShift = SCORE_BITS - fixedBits;
		final int digitShift = keyShift - digitBits;
		final int mask = (1 << digitBits) - 1;
		final int prefix = keyPrefix >>> keyShift;
		return SliceTasks.reduce(slices, sliceLength, (z0, z1) -> {
			final long[] counts = new long[mask + 1];
			for (int z = z0; z < z1; z++) {
				final float[] s = scores[z];
				final float[] sub = subtract == null ? null : subtract[z];
				final byte[] lab = labels == null ? null : labels[z];
				for (int i = 0; i < sliceLength; i++) {
					// branch-free counting: on tied values the branches would be unpredictable
					final int key = OrderKey.of(value(s, sub, i));
					counts[key >>> digitShift & mask] += isCandidate(lab, i) & key >>> keyShift == prefix ? 1
						: 0;
				}
			}
			return counts;
		}, RankCut::add);
	}

	/** Histogram of the next hash digit over the candidates that match the fixed bits. */
	private long[] hashHistogram() {
		final int hashShift = ALL_BITS - fixedBits;
		final int digitShift = hashShift - digitBits;
		final int mask = (1 << digitBits) - 1;
		final int key = keyPrefix;
		// a shift by 64 would be a shift by 0, so "no hash bits fixed yet" is its own case
		final boolean anyHashBits = hashShift < 64;
		final long prefix = anyHashBits ? hashPrefix >>> hashShift : 0;
		return SliceTasks.reduce(slices, sliceLength, (z0, z1) -> {
			final long[] counts = new long[mask + 1];
			for (int z = z0; z < z1; z++) {
				final float[] s = scores[z];
				final float[] sub = subtract == null ? null : subtract[z];
				final byte[] lab = labels == null ? null : labels[z];
				final long base = (long) z * sliceLength;
				for (int i = 0; i < sliceLength; i++) {
					if (!isCandidate(lab, i) || OrderKey.of(value(s, sub, i)) != key) continue;
					final long hash = tieHash.of(base + i);
					if (anyHashBits && hash >>> hashShift != prefix) continue;
					counts[(int) (hash >>> digitShift) & mask]++;
				}
			}
			return counts;
		}, RankCut::add);
	}

	private static long[] add(final long[] a, final long[] b) {
		for (int d = 0; d < a.length; d++) a[d] += b[d];
		return a;
	}

	private static final class FirstDigitScan {

		final long[] counts;
		long firstNaN = NO_VOXEL;

		FirstDigitScan(final int buckets) {
			counts = new long[buckets];
		}

		FirstDigitScan merge(final FirstDigitScan other) {
			add(counts, other.counts);
			firstNaN = Math.min(firstNaN, other.firstNaN);
			return this;
		}
	}
}
