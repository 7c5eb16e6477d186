/**
 * Networks and model files: the DJL 3D U-Net, TorchScript import and evaluation behind the plain
 * array interface {@link org.physgen.nn.NetworkFunction}, device and thread choice, memory estimates,
 * and the model bundle with its typed metadata ({@link org.physgen.nn.ModelMetadata}, one
 * {@link org.physgen.nn.ProcessSettings} record per family) and its one JSON codec; the DSD rate
 * heads ({@link org.physgen.nn.RateHead}), which read a network's output as rates on values and on
 * tensors. Uses the physics packages only for the value types of the process settings.
 */
package org.physgen.nn;
