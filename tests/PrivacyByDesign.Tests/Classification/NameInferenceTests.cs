using PrivacyByDesign.Analyzers.Classification;
using PrivacyByDesign.Analyzers.Taxonomy;

namespace PrivacyByDesign.Tests.Classification;

public class NameInferenceTests
{
    private static readonly NameInference Inference = new(BuiltInTaxonomy.Categories);

    [Theory]
    [InlineData("IdCardNo", "identity.national_id")]
    [InlineData("idCardNo", "identity.national_id")]
    [InlineData("id_card_no", "identity.national_id")]
    [InlineData("IDCARDNO", "identity.national_id")]
    [InlineData("CustomerIdCardNo", "identity.national_id")]
    [InlineData("Email", "contact.email")]
    [InlineData("EmailAddress", "contact.email")]
    [InlineData("Emails", "contact.email")]
    [InlineData("PhoneNumber", "contact.phone")]
    [InlineData("Phone2", "contact.phone")]
    [InlineData("BankCardNo", "finance.bank_account")]
    [InlineData("AccountNo", "finance.bank_account")]
    [InlineData("Cvv2", "finance.card_auth_data")]
    [InlineData("PayPassword", "finance.payment_password")]
    [InlineData("Password", "account.password")]
    [InlineData("ConfirmPassword", "account.password")]
    [InlineData("PasswordHint", "account.security_answer")]
    [InlineData("UserName", "account.user_id")]
    [InlineData("HomeAddress", "contact.address")]
    [InlineData("FaceImage", "biometric.face")]
    [InlineData("MaritalStatus", "basic.marital_status")]
    [InlineData("Latitude", "location.precise")]
    [InlineData("Imei", "device.hardware_id")]
    public void English_names_are_recognised(string name, string category)
    {
        var verdict = Inference.Infer(name, ValueShape.Text, personContext: false);
        Assert.Equal(category, verdict.Category?.Id);
    }

    [Theory]
    [InlineData("sfzh", "identity.national_id")]
    [InlineData("Sfzhm", "identity.national_id")]
    [InlineData("shenFenZhengHao", "identity.national_id")]
    [InlineData("SHENFENZHENG", "identity.national_id")]
    [InlineData("sjhm", "contact.phone")]
    [InlineData("ShouJiHao", "contact.phone")]
    [InlineData("user_sjh", "contact.phone")]
    [InlineData("yhkh", "finance.bank_account")]
    [InlineData("ZhiFuMiMa", "finance.payment_password")]
    [InlineData("XingMing", "identity.name")]
    [InlineData("jtzz", "contact.address")]
    [InlineData("BingLi", "health.medical_record")]
    public void Pinyin_names_and_initials_are_recognised(string name, string category)
    {
        Assert.Equal(category, Inference.Infer(name, ValueShape.Text, personContext: false).Category?.Id);
    }

    [Theory]
    [InlineData("PasswordLength")]
    [InlineData("PasswordMinLength")]
    [InlineData("PasswordPolicy")]
    [InlineData("SecretName")]
    [InlineData("PasswordKey")]
    [InlineData("EmailTemplateName")]
    [InlineData("EmailSubject")]
    [InlineData("EmailSender")]
    [InlineData("EmailCount")]
    [InlineData("NumEmails")]
    [InlineData("NextPageToken")]
    [InlineData("PageToken")]
    [InlineData("TokenType")]
    [InlineData("PhoneRegex")]
    [InlineData("MaxAge")]
    [InlineData("EmailColumn")]
    [InlineData("PhoneUrl")]
    [InlineData("Description")]
    public void Metadata_counts_cursors_and_unrelated_words_are_not_personal(string name)
    {
        Assert.False(Inference.Infer(name, ValueShape.Text, personContext: true).IsPersonal, name);
    }

    [Theory]
    [InlineData("IsPhoneVerified")]
    [InlineData("EmailConfirmed")]
    [InlineData("HasPassport")]
    [InlineData("PhoneNumberConfirmed")]
    public void Booleans_about_personal_data_are_not_personal(string name)
    {
        Assert.False(Inference.Infer(name, ValueShape.Boolean, personContext: true).IsPersonal);
    }

    [Theory]
    [InlineData("IsMarried", "basic.marital_status")]
    [InlineData("HasHiv", "health.infectious_disease")]
    public void Booleans_that_state_a_sensitive_fact_are_personal(string name, string category)
    {
        // "is"/"has" normally make a switch; a bare fact about the person is still the fact.
        var verdict = Inference.Infer(name, ValueShape.Boolean, personContext: true);
        Assert.Equal(category, verdict.Category?.Id);
    }

    [Fact]
    public void Dates_are_personal_only_when_the_date_is_the_data()
    {
        Assert.Equal("basic.birth_date", Inference.Infer("BirthDate", ValueShape.DateTime, false).Category?.Id);
        Assert.Equal("basic.birth_date", Inference.Infer("DateOfBirth", ValueShape.DateTime, false).Category?.Id);
        Assert.False(Inference.Infer("PassportCheckedOn", ValueShape.DateTime, true).IsPersonal);
        Assert.False(Inference.Infer("EmailSentAt", ValueShape.DateTime, true).IsPersonal);
        Assert.False(Inference.Infer("PhoneVerifiedAt", ValueShape.DateTime, true).IsPersonal);
        Assert.False(Inference.Infer("Passport", ValueShape.DateTime, true).IsPersonal);
    }

    [Fact]
    public void Numbers_can_be_phone_numbers_but_numeric_user_ids_are_surrogate_keys()
    {
        Assert.Equal("contact.phone", Inference.Infer("PhoneNum", ValueShape.Number, false).Category?.Id);
        Assert.Equal("contact.phone", Inference.Infer("Mobile", ValueShape.Number, true).Category?.Id);
        Assert.False(Inference.Infer("UserId", ValueShape.Number, true).IsPersonal);
        Assert.False(Inference.Infer("UserId", ValueShape.Guid, true).IsPersonal);
        Assert.Equal("account.user_id", Inference.Infer("OpenId", ValueShape.Text, true).Category?.Id);
        Assert.Equal("device.tracking_id", Inference.Infer("DeviceId", ValueShape.Guid, false).Category?.Id);
    }

    [Theory]
    [InlineData("Name")]
    [InlineData("Address")]
    [InlineData("Code")]
    [InlineData("Xm")]
    public void Ambiguous_names_need_a_person_context(string name)
    {
        Assert.False(Inference.Infer(name, ValueShape.Text, personContext: false).IsPersonal);
        Assert.True(Inference.Infer(name, ValueShape.Text, personContext: true).IsPersonal);
    }

    [Theory]
    [InlineData("ProductName")]
    [InlineData("FileName")]
    [InlineData("DisplayName")]
    [InlineData("IpAddressFamily")]
    [InlineData("FilePath")]
    [InlineData("ErrorCode")]
    public void Ambiguous_names_with_a_non_person_prefix_are_not_personal_even_for_a_person(string name)
    {
        Assert.False(Inference.Infer(name, ValueShape.Text, personContext: true).IsPersonal);
    }

    [Theory]
    [InlineData("BuyerName", "identity.name")]
    [InlineData("ContactAddress", "contact.address")]
    [InlineData("NickName", "identity.name")]
    [InlineData("ShippingAddressLine1", "contact.address")]
    public void A_person_prefix_is_context_enough(string name, string category)
    {
        Assert.Equal(category, Inference.Infer(name, ValueShape.Text, personContext: false).Category?.Id);
    }

    [Theory]
    [InlineData("PasswordHash", "Hashed")]
    [InlineData("PhoneSha256", "Hashed")]
    [InlineData("EncryptedIdCardNo", "Encrypted")]
    [InlineData("MaskedPhone", "Masked")]
    [InlineData("CardNoLast4", "Masked")]
    [InlineData("IdCardNoToken", "Tokenized")]
    public void Protective_markers_are_reported(string name, string protection)
    {
        var verdict = Inference.Infer(name, ValueShape.Text, personContext: true);
        Assert.True(verdict.IsPersonal);
        Assert.Equal(protection, verdict.Protection.ToString());
    }

    [Fact]
    public void A_token_that_is_the_data_is_not_a_protective_marker()
    {
        var verdict = Inference.Infer("PushToken", ValueShape.Text, personContext: false);
        Assert.Equal("device.tracking_id", verdict.Category?.Id);
        Assert.Equal(PiProtection.None, verdict.Protection);
    }

    [Fact]
    public void Methods_count_only_as_getters()
    {
        Assert.Equal("contact.phone", Inference.Infer("GetPhoneNumber", ValueShape.Text, false, isMethod: true).Category?.Id);
        Assert.Equal("contact.email", Inference.Infer("DecryptEmail", ValueShape.Text, false, isMethod: true).Category?.Id);
        Assert.False(Inference.Infer("SendEmail", ValueShape.Text, true, isMethod: true).IsPersonal);
        Assert.False(Inference.Infer("ValidatePhone", ValueShape.Text, true, isMethod: true).IsPersonal);
    }

    [Fact]
    public void Configured_not_personal_names_are_never_inferred()
    {
        var inference = new NameInference(BuiltInTaxonomy.Categories, new[] { "CompanyPhone" });
        Assert.False(inference.Infer("companyPhone", ValueShape.Text, true).IsPersonal);
        Assert.True(inference.Infer("Phone", ValueShape.Text, true).IsPersonal);
    }

    [Fact]
    public void Every_taxonomy_name_infers_its_own_category_or_a_longer_match()
    {
        // Guards the taxonomy data: each detector name, alone and in a person context, classifies.
        var misses = new List<string>();
        foreach (var category in BuiltInTaxonomy.Categories)
        {
            foreach (var name in category.Names)
            {
                var verdict = Inference.Infer(name.Name, ValueShape.Text, personContext: true);
                if (!verdict.IsPersonal)
                {
                    misses.Add($"{name.Name} ({category.Id}): {verdict.RejectedBecause}");
                }
            }
        }

        Assert.Empty(misses);
    }
}
