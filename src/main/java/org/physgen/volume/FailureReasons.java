package org.physgen.volume;

import java.io.EOFException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/**
 * The reason of a failure in words, for messages built as "... could not be read: REASON". Many
 * exceptions carry no message (an {@link EOFException} from a truncated or empty file, most
 * often), which would otherwise read "...: null" or "java.io.EOFException".
 */
public final class FailureReasons {

	private FailureReasons() {}

	/** The reason: the exception's message, or a description of its kind when it has none. */
	public static String of(final Throwable e) {
		if (e instanceof EOFException) {
			return "the data ends early: the file is truncated or empty"
				+ (hasMessage(e) ? " (" + e.getMessage().strip() + ")" : "");
		}
		if (e instanceof NoSuchFileException f) return "no such file: " + f.getFile();
		if (e instanceof AccessDeniedException f) return "permission denied: " + f.getFile();
		if (e instanceof FileSystemException f && f.getReason() != null) return f.getReason() + ": " + f.getFile();
		if (hasMessage(e)) return e.getMessage().strip();
		if (e.getCause() != null && e.getCause() != e) return of(e.getCause());
		return "unexpected " + e.getClass().getSimpleName();
	}

	private static boolean hasMessage(final Throwable e) {
		return e.getMessage() != null && !e.getMessage().isBlank();
	}
}
