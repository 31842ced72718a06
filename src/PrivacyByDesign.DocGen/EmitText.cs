namespace PrivacyByDesign.DocGen;

/// <summary>Escaping shared by the emitters: C# string literals, XML doc text and Markdown table cells.</summary>
internal static class EmitText
{
    public static string CSharpString(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    public static string Xml(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    public static string Cell(string s) => s.Replace("|", "\\|").Replace("\n", " ");
}
