#!/usr/bin/env bash
# Whole-build overhead of PrivacyByDesign, measured against peers in the same run.
#
#   benchmarks/build-overhead.sh [projects] [files-per-project] [rounds]     (defaults: 8 200 3)
#
# Generates a multi-project solution of realistic personal-data code (the benchmark corpus), packs PrivacyByDesign
# into a local feed, then builds the solution with no analyzer package, with PrivacyByDesign, with
# Meziantou.Analyzer and with SonarAnalyzer.CSharp — interleaved round by round so machine noise hits every variant
# alike — and reports the median build time of each. Restores are done before each build and not timed.
# The last line is `overhead ratio: X.XX` (with / without PrivacyByDesign).
set -euo pipefail

projects=${1:-8}
files=${2:-200}
rounds=${3:-3}
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/pbd-overhead.XXXXXX")
trap 'rm -rf "$work"' EXIT

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
    <PackageReference Include="PrivacyByDesign" Version="$version" Condition="'\$(Variant)' == 'privacybydesign'" />
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
(cd "$sln" && dotnet new sln -n Overhead --format sln >/dev/null)
for p in $(seq 1 "$projects"); do
  dir="$sln/Project$p"
  mkdir -p "$dir"
  cat > "$dir/Project$p.csproj" <<CSPROJ
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup Condition="'\$(Variant)' == 'privacybydesign'"><DefineConstants>\$(DefineConstants);PBD_PACKAGE</DefineConstants></PropertyGroup>
  <ItemGroup><Compile Include="../Stubs.cs" /></ItemGroup>
</Project>
CSPROJ
  for f in $(seq 1 "$files"); do
    printf '%s\n' "${template//__N__/P${p}F${f}}" > "$dir/File$f.cs"
  done
  (cd "$sln" && dotnet sln add "Project$p/Project$p.csproj" >/dev/null)
done
echo "generated $projects projects x $files files in $sln"

variants=(none privacybydesign meziantou sonar)
declare -A times
for v in "${variants[@]}"; do
  dotnet restore "$sln/Overhead.sln" -p:Variant="$v" >/dev/null
  dotnet build "$sln/Overhead.sln" --no-restore -p:Variant="$v" -c Release >/dev/null   # warm-up: JIT, compiler server
done
for r in $(seq 1 "$rounds"); do
  for v in "${variants[@]}"; do
    dotnet restore "$sln/Overhead.sln" -p:Variant="$v" >/dev/null
    start=$(date +%s.%N)
    dotnet build "$sln/Overhead.sln" --no-restore --no-incremental -p:Variant="$v" -c Release -nologo -clp:ErrorsOnly >/dev/null
    end=$(date +%s.%N)
    t=$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.2f", b - a}')
    times[$v]="${times[$v]:-} $t"
    echo "round $r: $v ${t}s"
  done
done

# Per-analyzer wall-clock from the compiler (/reportanalyzer), summed over projects, so an outlier rule shows.
dotnet restore "$sln/Overhead.sln" -p:Variant=privacybydesign >/dev/null
dotnet build "$sln/Overhead.sln" --no-restore --no-incremental -p:Variant=privacybydesign -p:ReportAnalyzer=true -c Release -v:d > "$work/report.log"
echo
echo "per-analyzer time (s, summed over projects):"
grep -E '^\s+[0-9.]+\s+[0-9]+\s+PrivacyByDesign\.' "$work/report.log" \
  | awk '{t[$3] += $1} END {for (a in t) printf "%8.3f  %s\n", t[a], a}' | sort -rn | head -n 30

median() { printf '%s\n' $1 | sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
base=$(median "${times[none]}")
echo
echo "| variant | median build (s) | ratio to no analyzers |"
echo "|---|---:|---:|"
for v in "${variants[@]}"; do
  m=$(median "${times[$v]}")
  awk -v v="$v" -v m="$m" -v b="$base" 'BEGIN {printf "| %s | %.2f | %.2f |\n", v, m, m / b}'
done
awk -v m="$(median "${times[privacybydesign]}")" -v b="$base" 'BEGIN {printf "overhead ratio: %.2f\n", m / b}'
