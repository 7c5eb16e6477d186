package org.physgen.nn;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes small TorchScript archives in the layout of {@code torch.jit.save}, so the tests need no
 * Python: {@code <dir>/version}, {@code <dir>/constants.pkl} (an empty tuple), {@code <dir>/data.pkl}
 * (the module object, pickle protocol 2), {@code <dir>/code/__torch__.py} (the class source) and one
 * {@code <dir>/data/N} record per float parameter. The module class is {@code __torch__.Fixture}.
 */
public final class TorchScriptArchive {

	private static final String DIR = "fixture";

	private final List<String> arguments;
	private final List<String> body;
	private final Map<String, float[]> parameters = new LinkedHashMap<>();

	/**
	 * @param arguments names of the tensor arguments of {@code forward}
	 * @param body TorchScript statements of {@code forward}, the last one a {@code return}
	 */
	public TorchScriptArchive(final List<String> arguments, final String... body) {
		this.arguments = arguments;
		this.body = List.of(body);
	}

	/** Adds a one-dimensional float32 parameter, readable in the body as {@code self.NAME}. */
	TorchScriptArchive parameter(final String name, final float... values) {
		parameters.put(name, values.clone());
		return this;
	}

	public void write(final Path file) throws IOException {
		Files.write(file, bytes());
	}

	byte[] bytes() throws IOException {
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			stored(zip, "data.pkl", modulePickle());
			stored(zip, "code/__torch__.py", source().getBytes(StandardCharsets.UTF_8));
			stored(zip, "constants.pkl", new Pickle().emptyTuple().stop());
			int key = 0;
			for (final float[] values : parameters.values()) {
				final ByteBuffer data = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
				for (final float v : values) data.putFloat(v);
				stored(zip, "data/" + key++, data.array());
			}
			stored(zip, "version", "3\n".getBytes(StandardCharsets.US_ASCII));
		}
		return bytes.toByteArray();
	}

	private String source() {
		final StringBuilder s = new StringBuilder("class Fixture(Module):\n");
		s.append("  __parameters__ = [");
		for (final String name : parameters.keySet()) s.append('"').append(name).append("\", ");
		s.append("]\n  __buffers__ = []\n");
		for (final String name : parameters.keySet()) s.append("  ").append(name).append(" : Tensor\n");
		s.append("  training : bool\n  _is_full_backward_hook : Optional[bool]\n");
		s.append("  def forward(self: __torch__.Fixture");
		for (final String a : arguments) s.append(",\n    ").append(a).append(": Tensor");
		s.append(") -> Tensor:\n");
		for (final String line : body) s.append("    ").append(line).append('\n');
		return s.toString();
	}

	/** The module object: class global, NEWOBJ, then BUILD with its attribute dictionary. */
	private byte[] modulePickle() {
		final Pickle p = new Pickle().global("__torch__", "Fixture").emptyTuple().op(0x81).op('}').op('(');
		p.string("training").op(0x89).string("_is_full_backward_hook").op('N');
		int key = 0;
		for (final Map.Entry<String, float[]> e : parameters.entrySet()) {
			p.string(e.getKey());
			tensor(p, String.valueOf(key++), e.getValue().length);
		}
		return p.op('u').op('b').stop();
	}

	/** torch._utils._rebuild_tensor_v2(storage, offset 0, (n,), (1,), False, OrderedDict()). */
	private static void tensor(final Pickle p, final String key, final int length) {
		p.global("torch._utils", "_rebuild_tensor_v2").op('(');
		p.op('(').string("storage").global("torch", "FloatStorage").string(key).string("cpu").integer(length)
			.op('t').op('Q');
		p.integer(0).integer(length).op(0x85).integer(1).op(0x85).op(0x89);
		p.global("collections", "OrderedDict").emptyTuple().op('R');
		p.op('t').op('R');
	}

	private static void stored(final ZipOutputStream zip, final String name, final byte[] data)
		throws IOException
	{
		final ZipEntry entry = new ZipEntry(DIR + "/" + name);
		entry.setMethod(ZipEntry.STORED);
		entry.setSize(data.length);
		final CRC32 crc = new CRC32();
		crc.update(data);
		entry.setCrc(crc.getValue());
		zip.putNextEntry(entry);
		zip.write(data);
		zip.closeEntry();
	}

	/** The few protocol-2 pickle opcodes a module needs. */
	private static final class Pickle {

		private final ByteArrayOutputStream out = new ByteArrayOutputStream();

		Pickle() {
			op(0x80).op(2);
		}

		Pickle op(final int code) {
			out.write(code);
			return this;
		}

		Pickle global(final String module, final String name) {
			op('c');
			final byte[] text = (module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII);
			out.write(text, 0, text.length);
			return this;
		}

		Pickle string(final String s) {
			final byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
			op('X');
			int32(utf8.length);
			out.write(utf8, 0, utf8.length);
			return this;
		}

		Pickle integer(final int v) {
			op('J');
			return int32(v);
		}

		Pickle emptyTuple() {
			return op(')');
		}

		byte[] stop() {
			op('.');
			return out.toByteArray();
		}

		private Pickle int32(final int v) {
			for (int i = 0; i < 4; i++) out.write(v >>> 8 * i & 0xff);
			return this;
		}
	}
}
