package org.physgen.nn;

import java.io.IOException;
import java.nio.file.Path;

/** A model bundle that cannot be used; the message names the file and what is wrong with it. */
public class ModelFileException extends IOException {

	private static final long serialVersionUID = 1L;

	private final transient Path file;

	public ModelFileException(final Path file, final String problem) {
		super(file + ": " + problem);
		this.file = file;
	}

	public ModelFileException(final Path file, final String problem, final Throwable cause) {
		super(file + ": " + problem, cause);
		this.file = file;
	}

	/** The offending file. */
	public Path file() {
		return file;
	}
}
