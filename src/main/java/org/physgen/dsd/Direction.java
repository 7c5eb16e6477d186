package org.physgen.dsd;

/**
 * The six face-neighbour hops, in the order used by every rate and target array:
 * +x, -x, +y, -y, +z, -z.
 */
public enum Direction {
	PLUS_X(0, 1), MINUS_X(0, -1), PLUS_Y(1, 1), MINUS_Y(1, -1), PLUS_Z(2, 1), MINUS_Z(2, -1);

	/** Number of directions. */
	public static final int COUNT = 6;

	private static final Direction[] ALL = values();

	private final int axis;
	private final int step;

	Direction(final int axis, final int step) {
		this.axis = axis;
		this.step = step;
	}

	/** 0 for x, 1 for y, 2 for z. */
	public int axis() {
		return axis;
	}

	/** +1 or -1 along {@link #axis()}. */
	public int step() {
		return step;
	}

	public Direction opposite() {
		return ALL[ordinal() ^ 1];
	}

	public static Direction of(final int index) {
		return ALL[index];
	}
}
