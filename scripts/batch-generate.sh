#!/usr/bin/env bash
# PhysGen batch job: for every segmented volume (.tif, .tiff, .zip) in a folder, train a model on it,
# generate volumes from that model, and compare them with the input. Runs headless, one input after
# the other; an input that fails is reported and the others go on.
#
#   scripts/batch-generate.sh INPUT_DIR OUTPUT_DIR
#
# For each INPUT_DIR/NAME.tif it writes
#   OUTPUT_DIR/NAME/NAME.physgen        the model (kept: a second run resumes it up to STEPS)
#   OUTPUT_DIR/NAME/generated/*.tif     COUNT volumes of SIZE^3, NAME-SEED-n.tif
#   OUTPUT_DIR/NAME/comparison/         statistics of the input beside the generated volumes
#
# Settings (environment variables, with defaults):
#   FAMILY=dsd      dsd or pfgm (PFGM++)
#   STEPS=2000      training steps      CROP=32   crop size    BATCH=4   training batch size
#   CHANNELS=32     network width (8 or 16 train faster)
#   COUNT=4         volumes per input   SIZE=64   cube edge    FRACTIONS=""  (training mean) or e.g. 0.2
#   SEED=1          DEVICE=auto         THREADS=0 (all cores)
#   PHYSGEN_JAVA_OPTS=-Xmx16g           Java memory for large volumes
# Needs a build first: mvn -B -q -DskipTests package
set -uo pipefail
if [ $# -ne 2 ]; then
	awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"
	exit 2
fi
input_dir=$1
output_dir=$2
physgen="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/physgen"
FAMILY=${FAMILY:-dsd}
STEPS=${STEPS:-2000}
CROP=${CROP:-32}
BATCH=${BATCH:-4}
CHANNELS=${CHANNELS:-32}
COUNT=${COUNT:-4}
SIZE=${SIZE:-64}
FRACTIONS=${FRACTIONS:-}
SEED=${SEED:-1}
DEVICE=${DEVICE:-auto}
THREADS=${THREADS:-0}
case "$FAMILY" in
	dsd) train="Train DSD Model" ;;
	pfgm) train="Train PFGM++ Model" ;;
	*) echo "batch-generate: FAMILY must be dsd or pfgm, got '$FAMILY'" >&2; exit 2 ;;
esac

failed=()
shopt -s nullglob nocaseglob
inputs=("$input_dir"/*.tif "$input_dir"/*.tiff "$input_dir"/*.zip)
if [ ${#inputs[@]} -eq 0 ]; then
	echo "batch-generate: no .tif, .tiff or .zip files in '$input_dir'" >&2
	exit 1
fi
for input in "${inputs[@]}"; do
	name=$(basename "${input%.*}")
	work="$output_dir/$name"
	model="$work/$name.physgen"
	mkdir -p "$work"
	echo "== $name"
	resume=false
	[ -f "$model" ] && resume=true
	if ! "$physgen" run "$train" "input_file='$input',model_file='$model',crop_size=$CROP,steps=$STEPS,batch=$BATCH,channels=$CHANNELS,seed=$SEED,device='$DEVICE',threads=$THREADS,resume=$resume"; then
		failed+=("$name (training)")
		continue
	fi
	if ! "$physgen" run "Generate Volumes" "model_file='$model',count=$COUNT,size=$SIZE,fractions='$FRACTIONS',seed=$SEED,device='$DEVICE',threads=$THREADS,output_dir='$work/generated'"; then
		failed+=("$name (generation)")
		continue
	fi
	if ! "$physgen" run "Compare Microstructures" "reference_file='$input',generated='$work/generated',output_dir='$work/comparison'"; then
		failed+=("$name (comparison)")
	fi
done
if [ ${#failed[@]} -gt 0 ]; then
	echo "batch-generate: failed: ${failed[*]}" >&2
	exit 1
fi
echo "batch-generate: ${#inputs[@]} input(s) done in $output_dir"
