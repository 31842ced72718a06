#!/usr/bin/env bash
# Where the package's analyzers spend CPU in a compile, from CPU samples taken by Linux perf.
#
#   benchmarks/cpu-profile.sh [files] [rounds]     (defaults: 150 10; needs perf, allowed to profile your own processes)
#
# Runs the in-process compile pipeline (`--pipeline`, the build without the package and with its analyzers, the SDK's
# analyzers in both; its warm rounds only) under `perf record`, the runtime writing a perf map so that JIT-compiled
# methods have names (and W^X off, so that perf can place them). Prints the samples of every thread per warm compile of
# each variant — their difference is all the package costs the process: its callbacks, the driver's work for it, the
# collections its garbage causes — beside those under the package's frames, then the latter by callback and by method.
# Use it rather than dotnet-trace's default thread-time profile to rank CPU: that one samples every thread whether it
# runs or waits, so time blocked on a lock or on the garbage collector shows as busy.
set -euo pipefail

command -v perf >/dev/null || { echo "cpu-profile.sh needs Linux perf (linux-perf / linux-tools)" >&2; exit 1; }

files=${1:-150}
rounds=${2:-10}
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/pbd-cpu.XXXXXX")
trap 'rm -rf "$work"; rm -f /tmp/perf-"$(cat "$work.pid" 2>/dev/null)".map "$work.pid"' EXIT

project="$repo/benchmarks/PrivacyByDesign.Benchmarks"
dotnet build "$project" -c Release -nologo -v:q >/dev/null
tool=$(find "$project/bin/Release" -name PrivacyByDesign.Benchmarks.dll | head -1)

# Sample times on the monotonic clock, which the pipeline also reads when each warm compile starts and ends: samples
# are told apart by variant, and the cold round (JIT compilation of everything, first loads) is left out, or code that
# runs once per compile would rank far too high.
DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 PBD_PIPELINE_VARIANTS=2 PBD_PIPELINE_WINDOWS="$work/windows" \
  perf record -q -e cpu-clock -F 999 -g -k CLOCK_MONOTONIC -o "$work/perf.data" -- \
  bash -c 'echo $$ > "$0"; exec dotnet "$1" --pipeline "$2" "$3"' "$work.pid" "$tool" "$files" "$rounds"
perf script -i "$work/perf.data" -F comm,tid,time,ip,sym,dso > "$work/samples.txt" 2>/dev/null
dotnet "$tool" --cpu-samples "$work/samples.txt" --windows "$work/windows"
