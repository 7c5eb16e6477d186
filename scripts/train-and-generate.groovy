#@ PhysGenService physgen
#@ LogService log
#@ File (label = "Training volume (segmented TIFF)", style = "open") input
#@ File (label = "Model file to write (.physgen)", style = "save") modelFile
#@ String (label = "Model family", choices = {"dsd", "pfgmpp"}) family
#@ Integer (label = "Training steps", value = 2000, min = 1) steps
#@ Integer (label = "Crop size", value = 32, min = 8) cropSize
#@ Integer (label = "Volumes to generate", value = 4, min = 1) count
#@ Integer (label = "Size of generated cubes", value = 64, min = 8) size
#@ String (label = "Phase fractions (empty = training mean)", value = "") fractions
#@ Long (label = "Seed", value = 1) seed
#@ File (label = "Output folder", style = "directory") outputDir

// PhysGen from a Groovy script: train a model on a segmented volume, then generate volumes with
// exact phase counts, save them and show them. Run it from Fiji's script editor, or headless:
//   ImageJ-linux64 --headless --run train-and-generate.groovy \
//     "input='rock.tif',modelFile='rock.physgen',family='dsd',steps=500,cropSize=32,count=4,size=64,fractions='0.2',seed=1,outputDir='out'"

import org.physgen.model.GenerationRequest
import org.physgen.model.TargetFractions

def volume = physgen.read(input.path)
def config = family == "dsd" ? physgen.dsdConfig(modelFile.path) : physgen.pfgmConfig(modelFile.path)
config.steps(steps).cropSize(cropSize).seed(seed).dataName(input.name)
// For PFGM++, config.augDim(TrainingConfig.parseAugDim("inf")) selects the diffusion limit;
// for DSD, config.rate(...), .schedule(...) and .boundary(...) set the forward process.
def result = physgen.train(volume, config)
log.info("trained ${result.steps()} steps, final loss ${result.finalLoss()}; loss curve: ${result.lossCurve()}")

def model = physgen.load(modelFile.path)
try {
	log.info(model.describe())
	// Cubes of `size` voxels (a multiple of model.sizeMultiple()); batch size 1 keeps memory low.
	def request = new GenerationRequest(count, size, size, size, TargetFractions.parse(fractions), seed, 1,
		GenerationRequest.DEFAULT_TOLERANCE, GenerationRequest.DEFAULT_STEPS)
	def volumes = physgen.generate(model, request)
	def base = modelFile.name.replaceFirst(/\.physgen$/, "")
	volumes.eachWithIndex { v, i ->
		def file = new File(outputDir, "${base}-${seed}-${i + 1}.tif")
		physgen.save(v, file.path)
		log.info("saved ${file} with phase counts ${v.phaseCounts()}")
	}
	if (!java.awt.GraphicsEnvironment.isHeadless()) physgen.images(volumes, base).each { it.show() }
}
finally {
	model.close()
}
