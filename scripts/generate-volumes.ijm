// PhysGen: generate volumes from a trained model and save them, from an ImageJ macro.
//
// Run in Fiji with Plugins > Macros > Run..., or headless with the model file as argument:
//   ImageJ-linux64 --headless -macro generate-volumes.ijm /data/models/rock.physgen
// Without an argument, the macro asks for the model file.
//
// Each run("Generate Volumes", ...) writes <model>-<seed>-<n>.tif into its output_dir; the counts
// of every phase are exact (fraction x voxels, rounded), whatever the model.

model = getArgument();
if (model == "")
	model = File.openDialog("Choose a PhysGen model (.physgen)");
out = File.getParent(model) + File.separator + "generated" + File.separator;
File.makeDirectory(out);

// One folder per target porosity (fraction of phase 1); 4 volumes of 64^3 each.
// fractions takes the fractions of phases 1..P-1: "0.2" for a two-phase rock,
// "0.40,0.15" for a three-phase electrode; leave it out for the training mean.
porosities = newArray("0.15", "0.20", "0.25");
for (i = 0; i < porosities.length; i++) {
	folder = out + "porosity-" + porosities[i] + File.separator;
	File.makeDirectory(folder);
	// Values with spaces go in [brackets]. seed makes the run repeatable; a different seed per
	// porosity gives independent volumes. device=auto uses a GPU when one is usable.
	run("Generate Volumes", "model_file=[" + model + "] count=4 size=64 fractions=" + porosities[i]
		+ " seed=" + (100 + i) + " device=auto threads=0 output_dir=[" + folder + "]");
	// In Fiji the generated volumes are now the active image: one stack with a time frame per volume.
	// Save it as well, as a single hyperstack for browsing (the per-volume TIFFs are already written).
	if (nImages > 0) {
		saveAs("Tiff", folder + "all-volumes.tif");
		close();
	}
}
print("PhysGen volumes saved under " + out);
