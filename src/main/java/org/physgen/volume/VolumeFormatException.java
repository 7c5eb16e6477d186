package org.physgen.volume;

/**
 * A file or image that cannot be used as a segmented volume: missing, unreadable, corrupt, 2D,
 * colour, non-integer, or with the wrong number of distinct labels. The message names the file or
 * image and the offending value.
 */
public class VolumeFormatException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	public VolumeFormatException(final String message) {
		super(message);
	}

	public VolumeFormatException(final String message, final Throwable cause) {
		super(message, cause);
	}
}
