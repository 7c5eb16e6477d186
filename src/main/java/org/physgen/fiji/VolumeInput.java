package org.physgen.fiji;

import java.io.File;
import java.io.IOException;

import org.physgen.volume.FailureReasons;
import org.physgen.volume.ImagePlusVolumes;
import org.physgen.volume.LabelVolume;
import org.physgen.volume.VolumeFiles;
import org.physgen.volume.VolumeFormatException;
import org.physgen.volume.VolumeReader;

import ij.ImagePlus;

/** The volume a command works on: a file when one is given, else the image (Fiji's active image). */
record VolumeInput(LabelVolume volume, String name) {

	static VolumeInput of(final String fileParameter, final File file, final String imageParameter,
		final ImagePlus image)
	{
		if (file != null) {
			try {
				return new VolumeInput(VolumeReader.read(file.toPath()), VolumeFiles.baseName(file.toPath()));
			}
			catch (final IOException | VolumeFormatException e) {
				throw new IllegalArgumentException(fileParameter + " '" + file + "' could not be read: " + FailureReasons.of(e), e);
			}
		}
		if (image == null) {
			throw new IllegalArgumentException("no volume: give " + fileParameter + " or open a segmented stack ("
				+ imageParameter + ")");
		}
		return new VolumeInput(ImagePlusVolumes.fromImagePlus(image), image.getTitle());
	}
}
