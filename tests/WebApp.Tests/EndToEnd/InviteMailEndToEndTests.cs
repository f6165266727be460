using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MimeKit;
using WebApp.Data.Entities;
using WebApp.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace WebApp.Tests.EndToEnd;

/// <summary>
/// Invites by mail, through a real SMTP server (aiosmtpd) and Chromium: an owner types an address on the team page,
/// the message arrives with a link built from Verbatim:PublicUrl (here "localhost", not the 127.0.0.1 the owner
/// browses), and the link joins its reader to the team. The token appears nowhere in the server's log.
/// </summary>
public sealed class InviteMailEndToEndTests : IAsyncLifetime
{
    private SmtpSink smtp = default!;
    private VerbatimServer server = default!;
    private PlaywrightBrowser browser = default!;

    public async Task InitializeAsync()
    {
        smtp = await SmtpSink.StartAsync();
        server = new VerbatimServer(new Dictionary<string, string>
        {
            ["Verbatim__Accounts__SignUpPolicy"] = "InvitedOnly",
            ["Verbatim__PublicUrl"] = "http://localhost:{port}",
            ["Verbatim__Mail__Host"] = "127.0.0.1",
            ["Verbatim__Mail__Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Verbatim__Mail__Tls"] = "None",
            ["Verbatim__Mail__From"] = "Verbatim <verbatim@example.org>",
        });
        await server.StartAsync();
        browser = await PlaywrightBrowser.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await browser.DisposeAsync();
        await server.DisposeAsync();
        await smtp.DisposeAsync();
    }

    [Fact]
    public async Task Owner_MailsAnInvite_AndTheMailedLinkJoinsTheTeam()
    {
        var owner = await browser.NewPageAsync(server.BaseAddress, PlaywrightBrowser.Desktop);
        await BrowserAccounts.RegisterAsync(owner, "Account/Register", "owner@example.com");
        await PlaywrightBrowser.GoToAsync(owner, "teams");
        for (var tries = 0; tries < 60 && !await owner.Locator("[data-testid=create-team]").IsEnabledAsync(); tries++)
        {
            await owner.FillAsync("#team-name", "");
            await owner.FillAsync("#team-name", "Field desk");
            await owner.WaitForTimeoutAsync(500);
        }

        await owner.ClickAsync("[data-testid=create-team]");
        await owner.WaitForURLAsync("**/teams/*");
        await Expect(owner.Locator("[data-testid=invite-mail-state]")).ToContainTextAsync("Verbatim mails the link");
        await Expect(owner.Locator("[data-testid=create-invite]")).ToBeEnabledAsync(new() { Timeout = 30_000 });

        await owner.FillAsync("#invite-email", "reporter@example.com");
        await Expect(owner.Locator("[data-testid=create-invite]")).ToHaveTextAsync("Send invite", new() { Timeout = 30_000 });
        await owner.ClickAsync("[data-testid=create-invite]");
        await Expect(owner.Locator("[data-testid=invite-sent]")).ToContainTextAsync("reporter@example.com", new() { Timeout = 30_000 });
        await Expect(owner.Locator("[data-testid=invite-link]")).ToHaveCountAsync(0);
        await Expect(owner.Locator("[data-testid=invite-row]")).ToContainTextAsync("reporter@example.com");
        await PlaywrightBrowser.ScreenshotAsync(owner, "invite-mail-1-sent");

        var mail = await smtp.WaitForMessageAsync();
        Assert.Equal("reporter@example.com", Assert.Single(mail.To.Mailboxes).Address);
        Assert.Equal("verbatim@example.org", Assert.Single(mail.From.Mailboxes).Address);
        Assert.Equal("You are invited to join Field desk on Verbatim", mail.Subject);
        var link = System.Text.RegularExpressions.Regex.Match(mail.TextBody ?? "", @"http://\S+").Value;
        Assert.StartsWith($"http://localhost:{server.Port}/join/", link);
        Assert.Contains("as member", mail.TextBody);
        var token = link[(link.LastIndexOf('/') + 1)..];
        Assert.Equal(43, token.Length);

        // The reader of the mail follows its link (on the public address), creates an account from it and joins.
        var member = await browser.NewPageAsync(new Uri($"http://localhost:{server.Port}"), PlaywrightBrowser.Desktop);
        await PlaywrightBrowser.GoToAsync(member, link);
        await Expect(member.Locator("h1")).ToHaveTextAsync("Join Field desk");
        await member.ClickAsync("[data-testid=join-register]");
        await BrowserAccounts.RegisterAsync(member, null, "reporter@example.com");
        await member.WaitForURLAsync("**/join/*");
        await Expect(member.Locator("[data-testid=join-team]")).ToBeEnabledAsync(new() { Timeout = 30_000 });
        await member.ClickAsync("[data-testid=join-team]");
        await member.WaitForURLAsync("**/transcripts");
        await Expect(member.Locator("[data-testid=active-team]")).ToHaveTextAsync("Field desk");

        await using (var db = server.OpenDatabase())
        {
            var role = await db.TeamMembers.Where(m => m.Team!.Name == "Field desk" && m.User!.Email == "reporter@example.com").Select(m => (TeamRole?)m.Role).SingleOrDefaultAsync();
            Assert.Equal(TeamRole.Member, role);
        }

        Assert.DoesNotContain(token, server.Log);
        Assert.DoesNotContain(token, smtp.Log);
    }

    [Fact]
    public async Task ABadAddressOrAMailServerThatIsDown_SaysSo_AndTheLinkIsShownInstead()
    {
        var owner = await browser.NewPageAsync(server.BaseAddress, PlaywrightBrowser.Desktop);
        await BrowserAccounts.RegisterAsync(owner, "Account/Register", "admin@example.com");
        var team = await OpenPersonalTeamAsync(owner);
        await owner.FillAsync("#invite-email", "not an address");
        // The button's words change once the typed address has reached the server.
        await Expect(owner.Locator("[data-testid=create-invite]")).ToHaveTextAsync("Send invite", new() { Timeout = 30_000 });
        await owner.ClickAsync("[data-testid=create-invite]");
        await Expect(owner.Locator(".mud-input-helper-text")).ToContainTextAsync("not an email address");
        await Expect(owner.Locator("[data-testid=invite-table] tbody tr")).ToHaveCountAsync(0);
        Assert.Empty(smtp.Messages());

        smtp.Stop();
        await owner.FillAsync("#invite-email", "reporter@example.com");
        await Expect(owner.Locator(".mud-input-helper-text")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        await owner.ClickAsync("[data-testid=create-invite]");
        await Expect(owner.Locator("[data-testid=invite-mail-error]")).ToContainTextAsync("did not take the message", new() { Timeout = 30_000 });
        await Expect(owner.Locator("[data-testid=invite-link]")).ToContainTextAsync($"http://localhost:{server.Port}/join/");
        await PlaywrightBrowser.ScreenshotAsync(owner, "invite-mail-2-server-down");
        Assert.Empty(smtp.Messages());
        await using var db = server.OpenDatabase();
        Assert.Equal(1, await db.TeamInvites.CountAsync(i => i.TeamId == team));
    }

    private static async Task<Guid> OpenPersonalTeamAsync(IPage page)
    {
        await PlaywrightBrowser.GoToAsync(page, "teams");
        await page.Locator("[data-testid=team-list] a[href^='teams/']").First.ClickAsync();
        await page.WaitForURLAsync("**/teams/*");
        await Expect(page.Locator("[data-testid=create-invite]")).ToBeEnabledAsync(new() { Timeout = 30_000 });
        return Guid.Parse(page.Url[(page.Url.LastIndexOf('/') + 1)..]);
    }
}
