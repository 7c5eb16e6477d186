package org.physgen.yukawa;

/** Receives the frames a {@link GrowthRecorder} copies from a running {@link YukawaSampler}, in order. */
@FunctionalInterface
public interface GrowthObserver {

	/** Called on the sampler's thread; the frame's arrays are the observer's to keep. */
	void frame(GrowthFrame frame);
}
