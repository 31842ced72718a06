namespace System.Runtime.CompilerServices
{
    /// <summary>Lets the netstandard2.0 generator model use records (init accessors).</summary>
    internal static class IsExternalInit
    {
    }
}
