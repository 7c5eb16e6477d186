package org.physgen.cli;

import java.util.Map;

/**
 * Strict conversion of option values to numeric parameters: "big" is an error, not 0, and 64.5 is
 * not silently truncated to an integer.
 */
final class Numbers {

	private static final Map<Class<?>, Class<?>> BOXED = Map.of(int.class, Integer.class, long.class,
		Long.class, double.class, Double.class, float.class, Float.class, short.class, Short.class, byte.class,
		Byte.class);

	private Numbers() {}

	static boolean isNumeric(final Class<?> type) {
		return BOXED.containsKey(type) || BOXED.containsValue(type);
	}

	static Object convert(final String name, final Object value, final Class<?> type) {
		final Class<?> boxed = BOXED.getOrDefault(type, type);
		final String text = String.valueOf(value).trim();
		try {
			if (boxed == Double.class) return Double.parseDouble(text);
			if (boxed == Float.class) return Float.parseFloat(text);
			final long whole = Long.parseLong(text);
			if (boxed == Long.class) return whole;
			if (boxed == Integer.class && whole == (int) whole) return (int) whole;
			if (boxed == Short.class && whole == (short) whole) return (short) whole;
			if (boxed == Byte.class && whole == (byte) whole) return (byte) whole;
			throw new UsageException(name + "=" + text + " is out of range for " + type.getSimpleName());
		}
		catch (final NumberFormatException e) {
			throw new UsageException(name + "=" + text + " is not a valid " + type.getSimpleName()
				+ (boxed == Double.class || boxed == Float.class ? " number" : " (a whole number)"));
		}
	}
}
