package org.physgen.nn;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.engine.EngineException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;

/**
 * A TorchScript module exported from Python, evaluated through DJL's PyTorch engine. The module's
 * {@code forward} takes {@code x [N, Cin, D, H, W]} and {@code t [N]} (float32), plus
 * {@code cond [N, k]} when the condition length k is positive, and returns one float tensor
 * {@code [N, Cout, D, H, W]}; the channel counts are those of the declared {@link NetworkIo}.
 */
public final class TorchScriptFunction implements NetworkFunction {

	private static final Pattern PYTHON_ERROR = Pattern.compile("\\w*(Error|Exception): ");

	private final String source;
	private final NetworkIo io;
	private final ZooModel<NDList, NDList> model;
	private final Predictor<NDList, NDList> predictor;

	private TorchScriptFunction(final String source, final NetworkIo io,
		final ZooModel<NDList, NDList> model)
	{
		this.source = source;
		this.io = io;
		this.model = model;
		this.predictor = model.newPredictor();
	}

	/**
	 * Loads a TorchScript file onto a device.
	 *
	 * @throws ModelFileException naming the file when it is missing or libtorch cannot load it
	 */
	public static TorchScriptFunction load(final Path file, final NetworkIo io, final Device device)
		throws ModelFileException
	{
		if (!Files.isRegularFile(file)) throw new ModelFileException(file, "TorchScript file not found");
		return new TorchScriptFunction(file.getFileName().toString(), io, loadModel(file, file, device));
	}

	/**
	 * Loads TorchScript bytes (for example the {@code model.pt} entry of a bundle) onto a device.
	 *
	 * @param origin the file the bytes came from, named in error messages
	 * @throws ModelFileException naming {@code origin} when libtorch cannot load the bytes
	 */
	public static TorchScriptFunction load(final byte[] bytes, final Path origin, final NetworkIo io,
		final Device device) throws IOException
	{
		final Path temporary = Files.createTempFile("physgen-", ".pt");
		try {
			Files.write(temporary, bytes);
			return new TorchScriptFunction(origin.getFileName().toString(), io,
				loadModel(temporary, origin, device));
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	/**
	 * Loads the network of a bundle whose weights format is TorchScript.
	 *
	 * @throws IllegalArgumentException when the bundle holds DJL weights
	 */
	public static TorchScriptFunction load(final ModelBundle bundle, final Device device)
		throws IOException
	{
		final ModelMetadata m = bundle.metadata();
		if (m.weightsFormat() != WeightsFormat.TORCHSCRIPT) {
			throw new IllegalArgumentException(bundle.file() + " holds " + m.weightsFormat().key() +
				" weights, not a TorchScript module");
		}
		return load(bundle.weights(), bundle.file(), m.io(), device);
	}

	/** What the module was loaded from, for messages. */
	public String source() {
		return source;
	}

	public NetworkIo io() {
		return io;
	}

	@Override
	public int inputChannels() {
		return io.inputChannels();
	}

	@Override
	public int outputChannels() {
		return io.outputChannels();
	}

	@Override
	public int conditionDim() {
		return io.conditionDim();
	}

	/**
	 * @throws IllegalArgumentException when an array length or size does not fit
	 * @throws IllegalStateException naming the module when its forward fails or returns a tensor of
	 *           another shape than {@code [N, Cout, D, H, W]}
	 */
	@Override
	public synchronized void evaluate(final int batch, final int sizeX, final int sizeY, final int sizeZ,
		final float[] input, final float[] noise, final float[] condition, final float[] output)
	{
		checkArguments(batch, sizeX, sizeY, sizeZ, input, noise, condition, output);
		try (NDManager nd = model.getNDManager().newSubManager()) {
			final NDList arguments = new NDList(
				nd.create(input, new Shape(batch, io.inputChannels(), sizeZ, sizeY, sizeX)),
				nd.create(noise, new Shape(batch)));
			if (io.conditionDim() > 0) arguments.add(nd.create(condition, new Shape(batch, io.conditionDim())));
			final NDList result;
			try {
				result = predictor.predict(arguments);
			}
			catch (final TranslateException | EngineException e) {
				throw new IllegalStateException("TorchScript model " + source + " failed on input " +
					shapes(arguments) + ": " + rootMessage(e), e);
			}
			final Shape expected = new Shape(batch, io.outputChannels(), sizeZ, sizeY, sizeX);
			if (result.size() != 1) {
				throw new IllegalStateException("TorchScript model " + source + " returned " + result.size() +
					" tensors " + shapes(result) + ", expected one tensor " + expected + " [N, output_channels, D, H, W]");
			}
			NDArray out = result.head();
			if (!out.getShape().equals(expected)) {
				throw new IllegalStateException("TorchScript model " + source + " returned shape " +
					out.getShape() + " for input " + shapes(arguments) + ", expected " + expected +
					" [N, output_channels, D, H, W]");
			}
			if (out.getDataType() != DataType.FLOAT32) out = out.toType(DataType.FLOAT32, false);
			System.arraycopy(out.toFloatArray(), 0, output, 0, output.length);
		}
	}

	@Override
	public void close() {
		predictor.close();
		model.close();
	}

	private void checkArguments(final int batch, final int sizeX, final int sizeY, final int sizeZ,
		final float[] input, final float[] noise, final float[] condition, final float[] output)
	{
		if (batch < 1) throw new IllegalArgumentException("batch must be at least 1, got " + batch);
		final int m = io.sizeMultiple();
		if (sizeX < 1 || sizeY < 1 || sizeZ < 1 || sizeX % m != 0 || sizeY % m != 0 || sizeZ % m != 0) {
			throw new IllegalArgumentException("size " + sizeX + " x " + sizeY + " x " + sizeZ +
				" must be positive multiples of " + m + " for " + source);
		}
		final long voxels = (long) sizeX * sizeY * sizeZ * batch;
		requireLength("input", input, voxels * io.inputChannels());
		requireLength("noise", noise, batch);
		requireLength("output", output, voxels * io.outputChannels());
		if (io.conditionDim() > 0) {
			if (condition == null) {
				throw new IllegalArgumentException("condition is required: " + source + " takes " +
					io.conditionDim() + " condition values per item");
			}
			requireLength("condition", condition, (long) batch * io.conditionDim());
		}
	}

	private static void requireLength(final String name, final float[] array, final long length) {
		if (array == null || array.length != length) {
			throw new IllegalArgumentException(name + " must have length " + length + ", got " +
				(array == null ? "null" : String.valueOf(array.length)));
		}
	}

	private static ZooModel<NDList, NDList> loadModel(final Path file, final Path origin,
		final Device device) throws ModelFileException
	{
		final Criteria<NDList, NDList> criteria = Criteria.builder().setTypes(NDList.class, NDList.class)
			.optModelPath(file).optEngine("PyTorch").optDevice(device).build();
		try {
			return criteria.loadModel();
		}
		catch (final ModelNotFoundException | MalformedModelException | IOException | EngineException e) {
			throw new ModelFileException(origin, "cannot load as a TorchScript module: " + rootMessage(e) + ". " +
				torchSaveHint(file) + "Export the model with torch.jit.save(torch.jit.script(model), path) " +
				"or torch.jit.trace.", e);
		}
	}

	/** Recognises the two kinds of torch.save() output, which hold weights but no TorchScript code. */
	private static String torchSaveHint(final Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			final byte[] head = in.readNBytes(2);
			if (head.length == 2 && (head[0] & 0xff) == 0x80 && head[1] == 2) {
				return "This is a torch.save() pickle (weights or a Python object), not TorchScript. ";
			}
		}
		catch (final IOException e) {
			return "";
		}
		try (ZipFile zip = new ZipFile(file.toFile())) {
			if (zip.stream().noneMatch(entry -> entry.getName().contains("/code/"))) {
				return "This zip archive has no TorchScript code: it is probably a torch.save() checkpoint " +
					"(weights only). ";
			}
		}
		catch (final IOException e) {
			return "";
		}
		return "";
	}

	private static String shapes(final NDList list) {
		final Shape[] shapes = list.getShapes();
		return Arrays.toString(shapes);
	}

	/**
	 * The gist of the innermost message: libtorch wraps the actual error ("RuntimeError: ...") in a
	 * TorchScript traceback, so that line is preferred; otherwise the first non-blank line.
	 */
	private static String rootMessage(final Throwable e) {
		Throwable cause = e;
		while (cause.getCause() != null && cause.getCause() != cause) cause = cause.getCause();
		final String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
		final String[] lines = message.split("\\R");
		for (int i = lines.length - 1; i >= 0; i--) {
			if (PYTHON_ERROR.matcher(lines[i]).lookingAt()) return lines[i].trim();
		}
		for (final String line : lines) {
			final String text = line.trim();
			if (!text.isEmpty()) return text.endsWith(":") ? text.substring(0, text.length() - 1) : text;
		}
		return cause.toString();
	}
}
