using System.IO;
using Microsoft.CodeAnalysis.Diagnostics;

namespace PrivacyByDesign.Analyzers.Generator
{
    /// <summary>The MSBuild properties the generator reads (CompilerVisibleProperty in build/PrivacyByDesign.props).</summary>
    internal sealed record GeneratorOptions(string? OutputPath, bool DesignTimeBuild)
    {
        public const string OutputPathProperty = "build_property.PrivacyByDesignOutputPath";
        public const string DesignTimeBuildProperty = "build_property.DesignTimeBuild";

        /// <summary>Files are written on real builds only, to a rooted folder (the targets make the property absolute).</summary>
        public bool WritesFiles => !DesignTimeBuild && !string.IsNullOrWhiteSpace(OutputPath) && Path.IsPathRooted(OutputPath);

        public static GeneratorOptions From(AnalyzerConfigOptions options)
        {
            options.TryGetValue(OutputPathProperty, out var path);
            options.TryGetValue(DesignTimeBuildProperty, out var designTime);
            return new GeneratorOptions(string.IsNullOrWhiteSpace(path) ? null : path!.Trim(), string.Equals(designTime?.Trim(), "true", System.StringComparison.OrdinalIgnoreCase));
        }
    }
}
