package org.physgen.volume;

import java.io.EOFException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * The reason of a failure in words, for messages built as "... could not be read: REASON". Many
 * exceptions carry no message (an {@link EOFException} from a truncated or empty file, most
 * often), which would otherwise read "...: null" or "java.io.EOFException".
 */
public final class FailureReasons {

	private FailureReasons() {}

	/**
	 * The reason with the file it concerns: {@link #of(Throwable) the reason}, followed by the path
	 * when the exception names one.
	 */
	public static String withFile(final Throwable e) {
		return e instanceof FileSystemException f && f.getFile() != null ? of(e) + ": " + f.getFile() : of(e);
	}

	/**
	 * The reason, for a message that names the file already: the exception's message, or a
	 * description of its kind when it has none.
	 */
	public static String of(final Throwable e) {
		if (e instanceof EOFException) {
			return "the data ends early: the file is truncated or empty"
				+ (hasMessage(e) ? " (" + e.getMessage().strip() + ")" : "");
		}
		if (e instanceof NoSuchFileException) return "no such file or folder";
		if (e instanceof AccessDeniedException) return "permission denied";
		if (e instanceof NotDirectoryException) return "a part of the path is a file, not a folder";
		if (e instanceof FileSystemException f) {
			if (f.getReason() != null) return f.getReason();
			return e.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2")
				.toLowerCase(java.util.Locale.ROOT);
		}
		if (hasMessage(e)) return e.getMessage().strip();
		if (e.getCause() != null && e.getCause() != e) return of(e.getCause());
		return "unexpected " + e.getClass().getSimpleName();
	}

	private static boolean hasMessage(final Throwable e) {
		return e.getMessage() != null && !e.getMessage().isBlank();
	}
}
