#!/usr/bin/env bash
# Whole-build overhead of PrivacyByDesign, measured against peers in the same run.
#
#   benchmarks/build-overhead.sh [projects] [files-per-project] [rounds]     (defaults: 8 200 3)
#
# Generates a multi-project solution of realistic personal-data code (the benchmark corpus), packs PrivacyByDesign
# into a local feed, then builds the solution with no analyzer package, with PrivacyByDesign, with
# Meziantou.Analyzer and with SonarAnalyzer.CSharp — interleaved round by round so machine noise hits every variant
# alike, in orders that make every variant follow every other equally often (a build can be slowed or sped up by what
# the compiler server did just before it; see round_order) — and reports the median build time of each.
# Restores are done before each build and not timed.
# Each variant is built twice per round: with the compiler server `dotnet build` uses by default (a server of its own
# per variant, see compiler below), and with a fresh compiler process per project (UseSharedCompilation=false, as many
# CI images set); PBD_COMPILER_MODES="server" or "fresh" picks one. PBD_PERSONAL_EVERY=10 puts personal data in one file
# in ten (the rest are the same shapes without it). The last line is `overhead ratio: X.XX`: with / without
# PrivacyByDesign, compiler server, the median over rounds of each round's ratio. The table also gives the CPU time the
# machine spent on each build (all cores, all processes), which scatters less than wall-clock on a shared machine. A
# control variant, `none-again`, builds the solution without any package a second time in each round: its ratio to
# `none` is the method's own noise floor on the machine, printed as `control ratio` (a run whose control is far from
# 1.00 cannot resolve differences that small).
# PBD_SPLIT_REPORTING=1 adds `privacybydesign-unreported`: the package with the rules the corpus triggers set to
# `none` in a global config, each of their analyzers keeping another rule on, so every analyzer runs and builds its
# findings but the compiler drops them at once instead of filtering, formatting and handing them to MSBuild to parse
# and log. Its ratio, printed as `overhead ratio, findings not reported`, is the analysis alone; the rest of the
# overhead is what reporting the findings costs. (WarningLevel=0 would not do: it also changes what the compiler
# itself analyses — the build without any package gets faster with it.)
set -euo pipefail

projects=${1:-8}
files=${2:-200}
rounds=${3:-3}
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/pbd-overhead.XXXXXX")
server_tag="pbd-bench-$(basename "$work")"   # the start of this run's compiler servers' pipe names (see compiler below)
# The default compiler server and the variants' own ones are stopped at the end.
trap 'dotnet build-server shutdown >/dev/null 2>&1 || true; pkill -f "pipename:$server_tag-" || true; rm -rf "$work"' EXIT

# A version of its own, so restore takes this build and never a copy cached in the global packages folder.
version="0.0.0-bench.$(date +%s)"
echo "packing PrivacyByDesign $version into $work/feed"
dotnet pack "$repo/src/PrivacyByDesign/PrivacyByDesign.csproj" -c Release -o "$work/feed" -p:NuGetAudit=false -p:Version="$version" >/dev/null

sln="$work/solution"
mkdir -p "$sln"
cat > "$sln/Directory.Build.props" <<PROPS
<Project>
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <NuGetAudit>false</NuGetAudit>
    <Variant Condition="'\$(Variant)' == ''">none</Variant>
    <RestoreAdditionalProjectSources>$work/feed</RestoreAdditionalProjectSources>
  </PropertyGroup>
  <ItemGroup>
    <FrameworkReference Include="Microsoft.AspNetCore.App" />
    <PackageReference Include="PrivacyByDesign" Version="$version" Condition="'\$(Variant)' == 'privacybydesign' or '\$(Variant)' == 'privacybydesign-unreported'" />
    <GlobalAnalyzerConfigFiles Include="$sln/unreported.globalconfig" Condition="'\$(Variant)' == 'privacybydesign-unreported'" />
    <PackageReference Include="Meziantou.Analyzer" Version="3.0.321" Condition="'\$(Variant)' == 'meziantou'" PrivateAssets="all" />
    <PackageReference Include="SonarAnalyzer.CSharp" Version="8.33.0.40503" Condition="'\$(Variant)' == 'sonar'" PrivateAssets="all" />
  </ItemGroup>
</Project>
PROPS
echo '<Project />' > "$sln/Directory.Build.targets"
echo '<Project />' > "$sln/Directory.Packages.props"
# Without PrivacyByDesign the corpus still needs its attributes: a stand-in with the same names.
cat > "$sln/Stubs.cs" <<'STUBS'
#if !PBD_PACKAGE
namespace PrivacyByDesign
{
    [System.AttributeUsage(System.AttributeTargets.All)] public sealed class PersonalInfoAttribute(string category) : System.Attribute { public string Category { get; } = category; }
    public static class PiCategory { public const string ContactEmail = "contact.email"; }
}
#endif
STUBS

template=$(dotnet run --project "$repo/benchmarks/PrivacyByDesign.Benchmarks" -c Release -- --print-file 2>/dev/null)
plain=$(dotnet run --project "$repo/benchmarks/PrivacyByDesign.Benchmarks" -c Release --no-build -- --print-file --plain 2>/dev/null)
every=${PBD_PERSONAL_EVERY:-1}   # every file holds personal data by default; 10 = one file in ten, the rest plain
(cd "$sln" && dotnet new sln -n Overhead --format sln >/dev/null)
for p in $(seq 1 "$projects"); do
  dir="$sln/Project$p"
  mkdir -p "$dir"
  cat > "$dir/Project$p.csproj" <<CSPROJ
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup Condition="'\$(Variant)' == 'privacybydesign' or '\$(Variant)' == 'privacybydesign-unreported'"><DefineConstants>\$(DefineConstants);PBD_PACKAGE</DefineConstants></PropertyGroup>
  <ItemGroup><Compile Include="../Stubs.cs" /></ItemGroup>
</Project>
CSPROJ
  for f in $(seq 1 "$files"); do
    if (( f % every == 0 )); then body=$template; else body=$plain; fi
    printf '%s\n' "${body//__N__/P${p}F${f}}" > "$dir/File$f.cs"
  done
  (cd "$sln" && dotnet sln add "Project$p/Project$p.csproj" >/dev/null)
done
echo "generated $projects projects x $files files in $sln (personal data in one file in $every)"

# `dotnet build` compiles in a long-lived compiler server by default (warm JIT); CI images often switch it off
# (UseSharedCompilation=false), and then every project pays a fresh compiler process. Both are measured.
modes=(${PBD_COMPILER_MODES:-server fresh})
# compiler MODE VARIANT: the compiler properties of a build. With the server, each variant gets a compiler server of its
# own (its pipe name, SharedCompilationId): a developer's server compiles one solution with one set of analyzers, while
# one server shared by the variants carries a heap and JIT state from one variant's build into the next (a build after
# Sonar's starts on a heap Sonar grew). PBD_SHARED_SERVER=1 shares one server, as runs before the eighth round of
# docs/performance.md did.
compiler() {
  if [ "$1" = fresh ]; then echo "-p:UseSharedCompilation=false"
  elif [ "${PBD_SHARED_SERVER:-0}" = 1 ]; then echo "-p:UseSharedCompilation=true"
  else echo "-p:UseSharedCompilation=true -p:SharedCompilationId=$server_tag-$2"; fi
}

variants=(none privacybydesign meziantou sonar none-again)
split=${PBD_SPLIT_REPORTING:-0}
if [ "$split" = 1 ]; then
  # The rules this corpus triggers, from one build with the package: they are the ones the variant switches off.
  dotnet restore "$sln/Overhead.sln" -p:Variant=privacybydesign >/dev/null
  dotnet build "$sln/Overhead.sln" --no-restore -p:Variant=privacybydesign $(compiler server privacybydesign) -c Release -nologo > "$work/findings.log" || true
  triggered=$(grep -oE 'warning PBD[0-9]+' "$work/findings.log" | sort -u | awk '{print $2}')
  { echo 'is_global = true'; for id in $triggered; do echo "dotnet_diagnostic.$id.severity = none"; done; } > "$sln/unreported.globalconfig"
  echo "privacybydesign-unreported: $(echo $triggered) set to none"
  # A rule whose diagnostics are all off is skipped (by the rule host, as the compiler skips a separate analyzer), and
  # the variant would then measure less than the analysis. The release-tracking files say which analyzer reports which rule.
  bare=$(awk -F' *\\| *' -v off="$(echo $triggered)" 'BEGIN {n = split(off, a, " "); for (i = 1; i <= n; i++) o[a[i]] = 1}
    /^PBD[0-9]+ *\|/ {if ($1 in o) hit[$4] = 1; else if ($3 == "Warning" || $3 == "Error") kept[$4] = 1}
    END {for (x in hit) if (!(x in kept)) print x}' "$repo"/src/PrivacyByDesign.Analyzers/AnalyzerReleases.*.md)
  [ -n "$bare" ] && echo "warning: every warning rule of $(echo $bare) is off in privacybydesign-unreported, so it is skipped there"
  variants+=(privacybydesign-unreported)
fi
# CPU time the whole machine spent during a build (every core, every process: MSBuild nodes, the compiler server or
# fresh compilers), from /proc/stat. Less sensitive than wall-clock to how the parallel build happened to be scheduled;
# the machine must be otherwise idle.
busy_jiffies() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8}' /proc/stat; }

declare -A times cpus
# Warm-up: the disk cache, and each variant's compiler server, whose code is still being JIT-compiled through its first
# builds (a single warm-up left every build of the first round about 60% slower than later ones).
for v in "${variants[@]}"; do
  dotnet restore "$sln/Overhead.sln" -p:Variant="$v" >/dev/null
  for _ in 1 2; do
    dotnet build "$sln/Overhead.sln" --no-restore --no-incremental -p:Variant="$v" $(compiler server "$v") -c Release >/dev/null
  done
done
# The order of round R (from 1): a Williams design. Starting each round one variant later keeps the cyclic order, so
# a variant would follow the same one every round (none after none-again, none-again after Sonar). The rows here are
# the first order 0, 1, n-1, 2, n-2, ... shifted by each k < n and, for an odd number of variants, also reversed: over
# every n rounds (2n when n is odd) each variant comes straight after each other one equally often.
williams_first=(0)
lo=1 hi=$(( ${#variants[@]} - 1 ))
for ((j = 1; j < ${#variants[@]}; j++)); do
  if (( j % 2 == 1 )); then williams_first+=("$lo"); lo=$((lo + 1)); else williams_first+=("$hi"); hi=$((hi - 1)); fi
done
round_order() {
  local n=${#variants[@]} rows k j i
  rows=$(( n % 2 == 0 ? n : 2 * n ))
  k=$(( ($1 - 1) % rows ))
  order=()
  for ((j = 0; j < n; j++)); do
    i=$(( k < n ? j : n - 1 - j ))
    order+=("${variants[$(( (williams_first[i] + k % n) % n ))]}")
  done
}
for r in $(seq 1 "$rounds"); do
  round_order "$r"
  for m in "${modes[@]}"; do
    for v in "${order[@]}"; do
      dotnet restore "$sln/Overhead.sln" -p:Variant="$v" >/dev/null
      cpu_start=$(busy_jiffies)
      start=$(date +%s.%N)
      dotnet build "$sln/Overhead.sln" --no-restore --no-incremental -p:Variant="$v" $(compiler "$m" "$v") -c Release -nologo -clp:ErrorsOnly >/dev/null
      end=$(date +%s.%N)
      cpu_end=$(busy_jiffies)
      t=$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.2f", b - a}')
      c=$(awk -v a="$cpu_start" -v b="$cpu_end" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.2f", (b - a) / hz}')
      times[$m.$v]="${times[$m.$v]:-} $t"
      cpus[$m.$v]="${cpus[$m.$v]:-} $c"
      echo "round $r: $m $v ${t}s, ${c} CPU-s"
    done
  done
done

# Per-analyzer wall-clock from the compiler (/reportanalyzer), summed over projects, so an outlier analyzer shows. The
# package's rules that warn run in one analyzer (PrivacyRulesAnalyzer); each rule's own time is in the in-process
# pipeline (PBD_PIPELINE_OWN_CPU=1 PBD_PIPELINE_ANALYZER_TIMES=1 ... --pipeline), see docs/performance.md.
# report_analyzers VARIANT MODE LOG: builds the variant with ReportAnalyzer into LOG and prints the package's analyzers.
report_analyzers() {
  dotnet restore "$sln/Overhead.sln" -p:Variant="$1" >/dev/null
  dotnet build "$sln/Overhead.sln" --no-restore --no-incremental -p:Variant="$1" $(compiler "$2" "$1") -p:ReportAnalyzer=true -c Release -v:d > "$3"
  grep -E '^\s+[0-9.]+\s+[0-9<]+\s+PrivacyByDesign\.' "$3" \
    | awk '{t[$3] += $1} END {for (a in t) printf "%8.3f  %s\n", t[a], a}' | sort -rn | head -n 30
}
for m in "${modes[@]}"; do
  echo
  echo "per-analyzer time, $m compiler (s, summed over projects):"
  report_analyzers privacybydesign "$m" "$work/report.$m.log"
done
# A warning is logged where it is raised and again in the summary, with other prefixes: the distinct ones are the findings.
findings=$(grep -E 'warning PBD[0-9]+' "$work/report.${modes[0]}.log" | sed -E 's/^ *([0-9]+>)?//; s/ \[[^]]*\]$//' | sort -u | wc -l)
echo "PrivacyByDesign reports $findings warnings in one build of this solution"
if [ "$split" = 1 ]; then
  unreported=$(report_analyzers privacybydesign-unreported "${modes[0]}" "$work/report.unreported.log")
  echo
  echo "per-analyzer time, findings not reported, ${modes[0]} compiler (s, summed over projects; $(grep -cE 'warning PBD[0-9]+' "$work/report.unreported.log" || true) warning lines):"
  echo "$unreported"
fi

median() { printf '%s\n' $1 | sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
# Each round's build of a variant divided by the same round's build without analyzers: machine drift between rounds
# (it is large on shared virtual machines) cancels out, so the median of these paired ratios is the number of record.
paired() { paste -d' ' <(printf '%s\n' $1) <(printf '%s\n' $2) | awk '{printf "%.4f\n", $1 / $2}'; }
paired_median() { median "$(paired "$1" "$2")"; }
# The paired ratios in ascending order on one line, so a reader sees how far one run's median can be trusted.
per_round() { paired "$1" "$2" | sort -g | awk '{printf "%s%.2f", (NR > 1 ? " " : ""), $1}'; }
# A distribution-free interval of at least 95% for the median of the paired ratios (the sign test's): from the k-th
# smallest to the k-th largest ratio, k the largest with P(Binomial(rounds, 1/2) < k) <= 2.5%. It needs 6 rounds; with
# 16 it runs from the 4th to the 13th ratio. A run shows a target met only when the whole interval lies under it.
median_interval() {
  paired "$1" "$2" | sort -g | awk '{a[NR] = $1}
    END {n = NR; term = 0.5 ^ n; below = term; k = 0
         for (i = 0; i < n && below <= 0.025; i++) {k = i + 1; term = term * (n - i) / (i + 1); below += term}
         if (k < 1) printf "none (%d rounds; it needs 6)", n; else printf "%.2f-%.2f", a[k], a[n - k + 1]}'
}
echo
echo "| compiler | variant | median build (s) | ratio of medians | median of per-round ratios | median CPU (s) | CPU ratio (per-round median) |"
echo "|---|---|---:|---:|---:|---:|---:|"
for m in "${modes[@]}"; do
  base=$(median "${times[$m.none]}")
  for v in "${variants[@]}"; do
    awk -v m="$m" -v v="$v" -v t="$(median "${times[$m.$v]}")" -v b="$base" -v p="$(paired_median "${times[$m.$v]}" "${times[$m.none]}")" \
      -v c="$(median "${cpus[$m.$v]}")" -v cp="$(paired_median "${cpus[$m.$v]}" "${cpus[$m.none]}")" \
      'BEGIN {printf "| %s | %s | %.2f | %.2f | %.2f | %.1f | %.2f |\n", m, v, t, t / b, p, c, cp}'
  done
done
for m in "${modes[@]}"; do
  printf 'per-round ratios, %s compiler, PrivacyByDesign: %s\n' "$m" "$(per_round "${times[$m.privacybydesign]}" "${times[$m.none]}")"
done
for m in "${modes[@]}"; do
  printf 'control ratio (the build without a package, again), %s compiler: %.2f (per round %s)\n' "$m" \
    "$(paired_median "${times[$m.none-again]}" "${times[$m.none]}")" \
    "$(per_round "${times[$m.none-again]}" "${times[$m.none]}")"
done
for m in "${modes[@]}"; do
  [ "$m" = "${modes[0]}" ] && continue
  printf 'overhead ratio (%s compiler): %.2f\n' "$m" "$(paired_median "${times[$m.privacybydesign]}" "${times[$m.none]}")"
done
if [ "$split" = 1 ]; then
  printf 'overhead ratio, findings not reported (the analysis alone; %s findings in the build with them): %.2f (per round %s)\n' "$findings" \
    "$(paired_median "${times[${modes[0]}.privacybydesign-unreported]}" "${times[${modes[0]}.none]}")" \
    "$(per_round "${times[${modes[0]}.privacybydesign-unreported]}" "${times[${modes[0]}.none]}")"
fi
printf 'control ratio, 95%% interval of the median: %s\n' "$(median_interval "${times[${modes[0]}.none-again]}" "${times[${modes[0]}.none]}")"
printf 'overhead ratio, 95%% interval of the median: %s\n' "$(median_interval "${times[${modes[0]}.privacybydesign]}" "${times[${modes[0]}.none]}")"
printf 'overhead ratio: %.2f\n' "$(paired_median "${times[${modes[0]}.privacybydesign]}" "${times[${modes[0]}.none]}")"
