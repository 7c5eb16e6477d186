package org.physgen.cli;

/** An unknown command, unknown parameter or a value that does not fit its parameter. */
final class UsageException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	UsageException(final String message) {
		super(message);
	}
}
