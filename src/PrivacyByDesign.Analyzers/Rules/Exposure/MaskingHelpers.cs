namespace PrivacyByDesign.Analyzers.Rules.Exposure
{
    /// <summary>
    /// Which <c>PrivacyByDesign.PiMask</c> method masks a category for display (JR/T 0171 Annex A), or null when the
    /// value must not be shown at all, even masked (credentials, card verification data, biometrics).
    /// </summary>
    internal static class MaskingHelpers
    {
        public const string PropertyName = "PiMask";

        public static string? For(string? categoryId)
        {
            switch (categoryId)
            {
                case "contact.phone":
                    return "Mobile";
                case "contact.email":
                    return "Email";
                case "identity.name":
                    return "Name";
                case "identity.national_id":
                case "identity.passport":
                case "identity.driver_license":
                case "identity.other_id_document":
                    return "IdNumber";
                case "finance.bank_account":
                    return "BankCard";
                case "account.password":
                case "account.security_answer":
                case "account.otp":
                case "account.digital_certificate":
                case "finance.card_auth_data":
                case "finance.payment_password":
                    return null;
                default:
                    return categoryId != null && categoryId.StartsWith("biometric.", System.StringComparison.Ordinal) ? null : "Default";
            }
        }
    }
}
