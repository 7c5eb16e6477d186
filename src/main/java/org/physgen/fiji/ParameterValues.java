package org.physgen.fiji;

import java.util.Map;

/**
 * Strict conversion of parameter text to numbers and booleans, for every route into a command (the
 * headless runner, ImageJ macros): "abc" or 64.5 for a whole number, and "yes" for a boolean, are
 * errors naming the parameter, not a silent 0 or false.
 */
public final class ParameterValues {

	private static final Map<Class<?>, Class<?>> BOXED = Map.of(int.class, Integer.class, long.class,
		Long.class, double.class, Double.class, float.class, Float.class, short.class, Short.class, byte.class,
		Byte.class);

	private ParameterValues() {}

	public static boolean isNumeric(final Class<?> type) {
		return BOXED.containsKey(type) || BOXED.containsValue(type);
	}

	public static boolean isBoolean(final Class<?> type) {
		return type == boolean.class || type == Boolean.class;
	}

	/**
	 * The value of a numeric parameter of the given type.
	 *
	 * @throws IllegalArgumentException naming the parameter and the text when it is not a number of
	 *           that type or out of its range
	 */
	public static Object number(final String name, final Object value, final Class<?> type) {
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
			throw new IllegalArgumentException(name + "=" + text + " is out of range for " + type.getSimpleName());
		}
		catch (final NumberFormatException e) {
			throw new IllegalArgumentException(name + "=" + text + " is not a valid " + type.getSimpleName()
				+ (boxed == Double.class || boxed == Float.class ? " number" : " (a whole number)"));
		}
	}

	/**
	 * The value of a boolean parameter: "true" or "false" in any case.
	 *
	 * @throws IllegalArgumentException naming the parameter for any other text, which SciJava would
	 *           read as false (resume='yes' would start afresh and overwrite the model)
	 */
	public static boolean bool(final String name, final Object value) {
		final String text = String.valueOf(value).trim();
		if (text.equalsIgnoreCase("true")) return true;
		if (text.equalsIgnoreCase("false")) return false;
		throw new IllegalArgumentException(name + "='" + value + "' must be true or false");
	}
}
