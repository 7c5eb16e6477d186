package org.physgen.nn;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.physgen.volume.AtomicFiles;
import org.physgen.volume.FailureReasons;

/**
 * A model file {@code NAME.physgen}: a zip with {@code model.json} ({@link ModelMetadata}), the weights
 * under the entry its weights format names ({@code weights.params} or {@code model.pt}), and any
 * further named entries (checkpoint state, loss curve). Written atomically, and only over a file that
 * is itself a model bundle; read with full validation, failing with a {@link ModelFileException} that
 * names the file and the problem.
 */
public final class ModelBundle {

	/** File name extension of model bundles. */
	public static final String EXTENSION = ".physgen";

	/** Entry holding the metadata. */
	public static final String METADATA_ENTRY = "model.json";

	private final Path file;
	private final ModelMetadata metadata;
	private final Map<String, byte[]> entries;

	private ModelBundle(final Path file, final ModelMetadata metadata, final Map<String, byte[]> entries) {
		this.file = file;
		this.metadata = metadata;
		this.entries = entries;
	}

	/**
	 * Writes a bundle: the file appears complete or an existing one stays as it was.
	 *
	 * @throws ModelFileException when the file exists and is not a model bundle, which is left as it is
	 * @param weights the bytes of the weights entry named by the metadata's weights format
	 * @param extra further entries by name (not {@code model.json} or the weights entry)
	 */
	public static void write(final Path file, final ModelMetadata metadata, final byte[] weights,
		final Map<String, byte[]> extra) throws IOException
	{
		final String weightsEntry = metadata.weightsEntry();
		for (final String name : extra.keySet()) {
			if (name.equals(METADATA_ENTRY) || name.equals(weightsEntry)) {
				throw new IllegalArgumentException("extra entry '" + name + "' would replace the bundle's own " +
					"entry of that name");
			}
			if (name.isBlank() || name.startsWith("/") || name.endsWith("/")) {
				throw new IllegalArgumentException("extra entry name must be a relative file name, got '" + name +
					"'");
			}
		}
		if (Files.isRegularFile(file) && !isModelBundle(file)) {
			throw new ModelFileException(file, "exists and is not a PhysGen model, so it is not replaced");
		}
		final byte[] json = ModelJson.write(metadata).getBytes(StandardCharsets.UTF_8);
		AtomicFiles.write(file, out -> {
			final ZipOutputStream zip = new ZipOutputStream(out);
			put(zip, METADATA_ENTRY, json);
			put(zip, weightsEntry, weights);
			for (final Map.Entry<String, byte[]> e : extra.entrySet()) put(zip, e.getKey(), e.getValue());
			zip.finish();
		});
	}

	/** Writes a bundle with no extra entries. */
	public static void write(final Path file, final ModelMetadata metadata, final byte[] weights)
		throws IOException
	{
		write(file, metadata, weights, Map.of());
	}

	/**
	 * Whether the file is a zip with a {@code model.json} entry: a model bundle, perhaps damaged,
	 * that a new bundle may replace.
	 */
	public static boolean isModelBundle(final Path file) {
		try (ZipFile zip = new ZipFile(file.toFile())) {
			return zip.getEntry(METADATA_ENTRY) != null;
		}
		catch (final IOException e) {
			return false;
		}
	}

	/** The loss curve written beside a model: {@code NAME.physgen} gives {@code NAME-loss.png}. */
	public static Path lossCurveFile(final Path modelFile) {
		final String name = modelFile.getFileName().toString();
		final int dot = name.lastIndexOf('.');
		return modelFile.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + "-loss.png");
	}

	/**
	 * Reads and validates a bundle.
	 *
	 * @throws ModelFileException when the file is missing, not a complete zip, or any entry or field
	 *           is missing or invalid
	 */
	public static ModelBundle read(final Path file) throws IOException {
		if (Files.isDirectory(file)) throw new ModelFileException(file, "is a directory, not a model file");
		if (!Files.exists(file)) throw new ModelFileException(file, "model file not found");
		final Map<String, byte[]> entries = new LinkedHashMap<>();
		try (ZipFile zip = new ZipFile(file.toFile())) {
			final Enumeration<? extends ZipEntry> all = zip.entries();
			while (all.hasMoreElements()) {
				final ZipEntry entry = all.nextElement();
				if (entry.isDirectory()) continue;
				entries.put(entry.getName(), readEntry(file, zip, entry));
			}
		}
		catch (final NoSuchFileException e) {
			throw new ModelFileException(file, "model file not found", e);
		}
		catch (final ZipException e) {
			throw new ModelFileException(file, "not a PhysGen model file: not a zip archive, or truncated (" +
				FailureReasons.of(e) + ")", e);
		}
		catch (final EOFException e) {
			throw new ModelFileException(file, "not a PhysGen model file: the zip archive is truncated", e);
		}
		final byte[] json = entries.get(METADATA_ENTRY);
		if (json == null) {
			throw new ModelFileException(file, "not a PhysGen model file: the zip has no " + METADATA_ENTRY +
				" (entries: " + entries.keySet() + ")");
		}
		final ModelMetadata metadata;
		try {
			metadata = ModelJson.read(new String(json, StandardCharsets.UTF_8));
		}
		catch (final IllegalArgumentException e) {
			throw new ModelFileException(file, METADATA_ENTRY + ": " + e.getMessage(), e);
		}
		if (!entries.containsKey(metadata.weightsEntry())) {
			throw new ModelFileException(file, "the weights entry " + metadata.weightsEntry() + " is missing " +
				"(weights_format " + metadata.weightsFormat().key() + ")");
		}
		return new ModelBundle(file, metadata, entries);
	}

	/**
	 * Reads a bundle that must hold a model of the given family.
	 *
	 * @throws ModelFileException as {@link #read(Path)}, or when the family differs
	 */
	public static ModelBundle read(final Path file, final ModelFamily expected) throws IOException {
		final ModelBundle bundle = read(file);
		final ModelFamily found = bundle.metadata.family();
		if (found != expected) {
			throw new ModelFileException(file, "is a " + found.displayName() + " model; this needs a " +
				expected.displayName() + " model");
		}
		return bundle;
	}

	public Path file() {
		return file;
	}

	public ModelMetadata metadata() {
		return metadata;
	}

	/** Bytes of the weights entry (a copy). */
	public byte[] weights() {
		return entries.get(metadata.weightsEntry()).clone();
	}

	/** Bytes of a named entry (a copy), or empty when the bundle has none of that name. */
	public Optional<byte[]> entry(final String name) {
		final byte[] bytes = entries.get(name);
		return bytes == null ? Optional.empty() : Optional.of(bytes.clone());
	}

	/** Names of all entries, in file order. */
	public Set<String> entryNames() {
		return Collections.unmodifiableSet(entries.keySet());
	}

	/** Reads one entry and checks its CRC, which {@link ZipFile} does not do for deflated entries. */
	private static byte[] readEntry(final Path file, final ZipFile zip, final ZipEntry entry)
		throws IOException
	{
		final byte[] bytes;
		try (InputStream in = zip.getInputStream(entry)) {
			bytes = in.readAllBytes();
		}
		catch (final ZipException | EOFException e) {
			throw new ModelFileException(file, "entry " + entry.getName() + " is damaged (" + FailureReasons.of(e) + ")",
				e);
		}
		final CRC32 crc = new CRC32();
		crc.update(bytes);
		if (entry.getCrc() != -1 && entry.getCrc() != crc.getValue()) {
			throw new ModelFileException(file, "entry " + entry.getName() + " is damaged (checksum mismatch)");
		}
		return bytes;
	}

	private static void put(final ZipOutputStream zip, final String name, final byte[] bytes)
		throws IOException
	{
		zip.putNextEntry(new ZipEntry(name));
		zip.write(bytes);
		zip.closeEntry();
	}
}
