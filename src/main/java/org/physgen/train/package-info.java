/**
 * Fitting, for every family: the training loop (random crops, Adam with warm-up and clipping, the
 * weight average, checkpoints, resume and cancel), the training configuration and the
 * {@link org.physgen.train.TrainableFamily} half of a family's strategy that supplies the network's
 * tensors and the loss. Knows no family and nothing of generation.
 */
package org.physgen.train;
