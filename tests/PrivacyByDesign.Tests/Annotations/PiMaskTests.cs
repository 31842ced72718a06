namespace PrivacyByDesign.Tests.Annotations;

public class PiMaskTests
{
    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("90123485", "90****85")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Mobile_keeps_first_three_and_last_four(string? input, string expected) => Assert.Equal(expected, PiMask.Mobile(input));

    [Theory]
    [InlineData("6225751234561496", "622575******1496")]
    [InlineData("6225751234567891496", "622575*********1496")]
    public void BankCard_keeps_first_six_and_last_four_with_the_length(string input, string expected) => Assert.Equal(expected, PiMask.BankCard(input));

    [Fact]
    public void IdNumber_hides_the_last_six() => Assert.Equal("110101199003******", PiMask.IdNumber("11010119900307803X"));

    [Theory]
    [InlineData("contact@111.com", "con***@111.com")]
    [InlineData("tt@111.com", "tt***@111.com")]
    public void Email_keeps_three_characters_and_the_domain(string input, string expected) => Assert.Equal(expected, PiMask.Email(input));

    [Theory]
    [InlineData("张三丰", "张**")]
    [InlineData("John", "J***")]
    public void Name_keeps_the_first_character(string input, string expected) => Assert.Equal(expected, PiMask.Name(input));

    [Theory]
    [InlineData("123456789", "123***789")]
    [InlineData("ab", "**")]
    [InlineData("a", "*")]
    public void Default_keeps_thirds_and_never_shows_a_whole_value(string input, string expected) => Assert.Equal(expected, PiMask.Default(input));

    [Fact]
    public void Keep_rejects_negative_counts() => Assert.Throws<ArgumentOutOfRangeException>(() => PiMask.Keep("abc", -1, 0));
}
