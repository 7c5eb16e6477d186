package org.physgen.nn;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Fused libtorch operators of the U-Net that DJL's engine lacks, each a {@link LibtorchFunction}. */
final class LibtorchOps {

	/** SiLU, x·sigmoid(x), in one pass: [any] → [same]. */
	static final LibtorchFunction SILU = new LibtorchFunction("silu", List.of("x"), "return torch.silu(x)");

	/** Nearest-neighbour upsampling by 2 per spatial axis: [N, C, D, H, W] → [N, C, 2D, 2H, 2W]. */
	static final LibtorchFunction UPSAMPLE = new LibtorchFunction("upsample", List.of("x"),
		"return torch.upsample_nearest3d(x, None, [2.0, 2.0, 2.0])");

	private static final Map<Integer, LibtorchFunction> GROUP_NORMS = new ConcurrentHashMap<>();
	private static final Map<Integer, LibtorchFunction> ADAPTIVE_GROUP_NORMS = new ConcurrentHashMap<>();

	private LibtorchOps() {}

	/**
	 * Group normalisation with per-channel gamma and beta: (x [N, C, D, H, W], gamma [C, 1, 1, 1], beta
	 * [C, 1, 1, 1]) → [N, C, D, H, W].
	 */
	static LibtorchFunction groupNorm(final int groups) {
		return GROUP_NORMS.computeIfAbsent(groups, g -> new LibtorchFunction("group-norm", List.of("x", "gamma",
			"beta"), "return torch.group_norm(x, " + g + ", torch.flatten(gamma), torch.flatten(beta), " +
				GroupNorm3d.EPSILON + ")"));
	}

	/**
	 * Group normalisation followed by a per-item scale and shift, norm(x)·(1 + scale) + shift with
	 * norm(x) = normalised·gamma + beta, computed as normalised·a + b with a = gamma·(1 + scale) and
	 * b = beta·(1 + scale) + shift, so that the full-size tensor is written twice rather than three
	 * times: (x [N, C, D, H, W], gamma and beta [C, 1, 1, 1], scale and shift [N, C, 1, 1, 1]) →
	 * [N, C, D, H, W].
	 */
	static LibtorchFunction adaptiveGroupNorm(final int groups) {
		return ADAPTIVE_GROUP_NORMS.computeIfAbsent(groups, g -> new LibtorchFunction("adaptive-group-norm",
			List.of("x", "gamma", "beta", "scale", "shift"), "return torch.addcmul(torch.addcmul(shift, beta, " +
				"scale + 1), torch.group_norm(x, " + g + ", None, None, " + GroupNorm3d.EPSILON + "), gamma * " +
				"(scale + 1))"));
	}
}
