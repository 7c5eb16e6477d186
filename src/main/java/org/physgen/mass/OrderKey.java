package org.physgen.mass;

/**
 * Maps a float to an int whose unsigned order is the numeric order of the floats, with -0.0 and
 * 0.0 mapped to the same key. NaN has no place in this order; callers reject it first.
 */
final class OrderKey {

	private OrderKey() {}

	static int of(final float value) {
		// adding +0.0f turns -0.0f into +0.0f and leaves every other value unchanged
		final int bits = Float.floatToRawIntBits(value + 0.0f);
		return bits ^ (bits >> 31 | Integer.MIN_VALUE);
	}

	static float value(final int key) {
		return Float.intBitsToFloat(key < 0 ? key ^ Integer.MIN_VALUE : ~key);
	}
}
