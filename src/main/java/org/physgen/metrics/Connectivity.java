package org.physgen.metrics;

/** Which voxels of a phase count as neighbours when clusters are formed. */
public enum Connectivity {

	/** Voxels sharing a face. */
	SIX,
	/** Voxels sharing a face, an edge or a corner. */
	TWENTY_SIX;

	public int neighbours() {
		return this == SIX ? 6 : 26;
	}
}
