package org.physgen.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rough single-precision peak of this machine from {@code lscpu}: cores × clock × FLOPs per cycle
 * per core, with 64 FLOPs per cycle when the CPU has AVX-512 (two 16-wide fused multiply-adds), 32
 * with AVX2 and FMA (two 8-wide) and 16 otherwise. The clock is lscpu's maximum, else its current
 * one, else /proc/cpuinfo's (virtual machines often report no maximum).
 *
 * @param gflops the estimated peak in GFLOP/s
 * @param cores physical cores counted
 * @param how how the estimate was made, in words
 */
record PeakFlops(double gflops, int cores, String how) {

	static PeakFlops estimate() {
		final String lscpu = Commands.output("lscpu");
		final int cores = cores(lscpu);
		String clockSource = "lscpu's CPU max MHz";
		double mhz = number(lscpu, "CPU max MHz");
		if (Double.isNaN(mhz)) {
			clockSource = "lscpu's CPU MHz";
			mhz = number(lscpu, "CPU MHz");
		}
		if (Double.isNaN(mhz)) {
			clockSource = "/proc/cpuinfo's cpu MHz";
			mhz = number(cpuinfo(), "cpu MHz");
		}
		final String flags = " " + field(lscpu, "Flags") + " ";
		final int perCycle;
		final String isa;
		if (flags.contains(" avx512f ")) {
			perCycle = 64;
			isa = "avx512f";
		}
		else if (flags.contains(" avx2 ") && flags.contains(" fma ")) {
			perCycle = 32;
			isa = "avx2 + fma";
		}
		else {
			perCycle = 16;
			isa = "no avx2/fma";
		}
		final double gflops = cores * mhz * perCycle / 1000;
		return new PeakFlops(gflops, cores, String.format(Locale.ROOT,
			"%d cores × %.0f MHz (%s) × %d single-precision FLOPs/cycle (%s) = %.0f GFLOP/s", cores, mhz,
			clockSource, perCycle, isa, gflops));
	}

	/** The peak of {@code threads} of the cores. */
	double ofThreads(final int threads) {
		return gflops * Math.min(threads, cores) / cores;
	}

	private static int cores(final String lscpu) {
		final double perSocket = number(lscpu, "Core\\(s\\) per socket");
		final double sockets = number(lscpu, "Socket\\(s\\)");
		if (!Double.isNaN(perSocket) && !Double.isNaN(sockets)) return (int) (perSocket * sockets);
		return Runtime.getRuntime().availableProcessors();
	}

	private static String cpuinfo() {
		try {
			return Files.readString(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8);
		}
		catch (final IOException e) {
			return "";
		}
	}

	private static double number(final String text, final String key) {
		final String value = field(text, key);
		try {
			return value.isEmpty() ? Double.NaN : Double.parseDouble(value.split("\\s+")[0]);
		}
		catch (final NumberFormatException e) {
			return Double.NaN;
		}
	}

	private static String field(final String text, final String key) {
		final Matcher m = Pattern.compile("(?m)^" + key + "\\s*:\\s*(.*)$").matcher(text);
		return m.find() ? m.group(1).trim() : "";
	}
}
