using System;

namespace PrivacyByDesign
{
    /// <summary>
    /// Marks a method whose result no longer carries the personal information passed to it (masking, keyed hashing,
    /// tokenisation, encryption). The exposure and transmission analyzers stop tracking personal information at a
    /// call to such a method; they recognise the method by this attribute, never by its name.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
    public sealed class PersonalInfoSanitizerAttribute : Attribute
    {
    }

    /// <summary>
    /// Display masking that follows JR/T 0171-2020 Annex A (个人金融信息屏蔽规则) and GB/T 35273 §7.2: enough of the
    /// value stays visible to recognise it, the rest becomes <c>*</c> with the original length kept.
    /// Null or empty input is returned unchanged.
    /// </summary>
    public static class PiMask
    {
        private const char Mask = '*';

        /// <summary>The default rule of JR/T 0171 Annex A: keep the first third and the last third (rounded down).</summary>
        [PersonalInfoSanitizer]
        public static string Default(string? value)
        {
            if (string.IsNullOrEmpty(value))
            {
                return value ?? string.Empty;
            }

            int third = value!.Length / 3;
            return Keep(value, third, third);
        }

        /// <summary>Mainland mobile numbers: first 3 + <c>****</c> + last 4 (<c>138****5678</c>); other lengths use <see cref="Default"/>.</summary>
        [PersonalInfoSanitizer]
        public static string Mobile(string? value)
            => value is { Length: 11 } ? Keep(value, 3, 4) : Default(value);

        /// <summary>Bank card numbers: first 6 + <c>*</c> per hidden digit + last 4 (<c>622575******1496</c>).</summary>
        [PersonalInfoSanitizer]
        public static string BankCard(string? value)
            => value is { Length: > 10 } ? Keep(value, 6, 4) : Default(value);

        /// <summary>ID card, passport and other identity-document numbers: the last six characters hidden.</summary>
        [PersonalInfoSanitizer]
        public static string IdNumber(string? value)
            => value is { Length: > 6 } ? Keep(value, value.Length - 6, 0) : Default(value);

        /// <summary>E-mail: first 3 characters of the local part + <c>***</c> + the full domain (<c>con***@example.com</c>).</summary>
        [PersonalInfoSanitizer]
        public static string Email(string? value)
        {
            int at = value?.IndexOf('@') ?? -1;
            if (at < 0)
            {
                return Default(value);
            }

            return value!.Substring(0, Math.Min(3, at)) + "***" + value.Substring(at);
        }

        /// <summary>Legal names: the first character, every other character hidden (<c>张*</c>, <c>J***</c>).</summary>
        [PersonalInfoSanitizer]
        public static string Name(string? value)
            => string.IsNullOrEmpty(value) ? value ?? string.Empty : Keep(value!, 1, 0);

        /// <summary>Keeps <paramref name="prefix"/> leading and <paramref name="suffix"/> trailing characters and masks the rest.</summary>
        [PersonalInfoSanitizer]
        public static string Keep(string? value, int prefix, int suffix)
        {
            if (string.IsNullOrEmpty(value))
            {
                return value ?? string.Empty;
            }

            if (prefix < 0 || suffix < 0)
            {
                throw new ArgumentOutOfRangeException(prefix < 0 ? nameof(prefix) : nameof(suffix), "Must not be negative.");
            }

            int length = value!.Length;
            if (prefix + suffix >= length)
            {
                // Nothing would be hidden; hide all but the first character instead of showing the value.
                prefix = Math.Min(1, length - 1);
                suffix = 0;
            }

            return value.Substring(0, prefix) + new string(Mask, length - prefix - suffix) + value.Substring(length - suffix);
        }
    }
}
