using WebApp.Mail;

namespace WebApp.Tests.Mail;

public sealed class MailOptionsTests
{
    [Fact]
    public void NoMailSettings_AreValid_AndMeanNoMail()
    {
        var options = new MailOptions();
        Assert.True(new MailOptionsValidator().Validate(null, options).Succeeded);
        Assert.False(options.IsConfigured);
    }

    [Theory]
    [InlineData(null, 587, "StartTls", "v@example.org", null, null, "Host is required")]
    [InlineData("smtp.example.org", 0, "StartTls", "v@example.org", null, null, "Port must be between 1 and 65535")]
    [InlineData("smtp.example.org", 587, "StartTls", null, null, null, "From must be a mail address")]
    [InlineData("smtp.example.org", 587, "StartTls", "not an address", null, null, "From must be a mail address")]
    [InlineData("smtp.example.org", 587, "StartTls", "v@example.org", "user", null, "both UserName and Password")]
    [InlineData("smtp.example.org", 25, "None", "v@example.org", "user", "secret", "never sent without TLS")]
    [InlineData("bad host!", 587, "StartTls", "v@example.org", null, null, "not a host name")]
    public void Invalid_MailSettings_StopStartUp_NamingTheSetting(string? host, int port, string tls, string? from, string? user, string? password, string expected)
    {
        var options = new MailOptions { Host = host, Port = port, Tls = Enum.Parse<MailTls>(tls), From = from, UserName = user, Password = password };
        var result = new MailOptionsValidator().Validate(null, options);
        Assert.True(result.Failed);
        Assert.Contains("Verbatim:Mail", result.FailureMessage);
        Assert.Contains(expected, result.FailureMessage);
    }

    [Fact]
    public void AComplete_MailSetting_IsValid()
    {
        var options = new MailOptions { Host = "smtp.example.org", Port = 465, Tls = MailTls.Implicit, From = "Verbatim <v@example.org>", UserName = "v", Password = "secret" };
        Assert.True(new MailOptionsValidator().Validate(null, options).Succeeded);
        Assert.True(options.IsConfigured);
    }

    [Theory]
    [InlineData("ann@example.org", true)]
    [InlineData("  ann@example.org ", true)]
    [InlineData("Ann <ann@example.org>", true)]
    [InlineData("ann", false)]
    [InlineData("ann@example.org, bob@example.org", false)]
    [InlineData("", false)]
    public void InviteAddresses_AreOnePlainAddress(string text, bool valid)
    {
        Assert.Equal(valid, WebApp.Teams.InviteMail.TryParseAddress(text, out var mailbox));
        if (valid)
        {
            Assert.Equal("ann@example.org", mailbox.Address);
        }
    }
}
