package org.physgen.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

import org.junit.jupiter.api.Test;

class FailureReasonsTest {

	@Test
	void exceptionsWithoutMessagesAreDescribed() {
		assertEquals("the data ends early: the file is truncated or empty", FailureReasons.of(new EOFException()));
		assertEquals("no such file or folder: /data/rock.tif", FailureReasons.withFile(new NoSuchFileException(
			"/data/rock.tif")));
		assertEquals("permission denied: /data", FailureReasons.withFile(new AccessDeniedException("/data")));
		assertEquals("permission denied", FailureReasons.of(new AccessDeniedException("/data")));
		assertEquals("the data ends early: the file is truncated or empty", FailureReasons.of(
			new UncheckedIOException(null, new EOFException())), "the cause's reason when it has none");
		assertEquals("unexpected IOException", FailureReasons.of(new IOException()));
	}

	@Test
	void messagesAreKept() {
		assertEquals("Unexpected end of ZLIB input stream", FailureReasons.of(new IOException(
			"Unexpected end of ZLIB input stream ")));
	}
}
