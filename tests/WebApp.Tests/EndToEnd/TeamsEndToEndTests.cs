using Microsoft.Playwright;
using WebApp.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace WebApp.Tests.EndToEnd;

/// <summary>
/// In Chromium, on a server of its own: the administrator creates a team, invites a member who registers and joins
/// through the link, sees the member's API key among the team's and revokes it. Screenshots in TestOutput/screenshots.
/// </summary>
public sealed class TeamsEndToEndTests : IAsyncLifetime
{
    // The server's default sign-up policy (invited only), so the member can register only through the invite.
    private readonly VerbatimServer server = new(new Dictionary<string, string> { ["Verbatim__Accounts__SignUpPolicy"] = "InvitedOnly" });
    private PlaywrightBrowser browser = default!;

    public async Task InitializeAsync()
    {
        await server.StartAsync();
        browser = await PlaywrightBrowser.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await browser.DisposeAsync();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task Administrator_CreatesATeam_InvitesAMemberWhoJoinsByTheLink_AndRevokesTheirKey()
    {
        var admin = await browser.NewPageAsync(server.BaseAddress, PlaywrightBrowser.Desktop);
        await BrowserAccounts.RegisterAsync(admin, "Account/Register", "admin@example.com");

        await PlaywrightBrowser.GoToAsync(admin, "teams");
        // Typing before the circuit is up reaches no one: type again until the button (enabled by the name) says it arrived.
        for (var tries = 0; tries < 60 && !await admin.Locator("[data-testid=create-team]").IsEnabledAsync(); tries++)
        {
            await admin.FillAsync("#team-name", "");
            await admin.FillAsync("#team-name", "Newsroom");
            await admin.WaitForTimeoutAsync(500);
        }

        await admin.ClickAsync("[data-testid=create-team]");
        await admin.WaitForURLAsync("**/teams/*");
        await Expect(admin.Locator("[data-testid=active-team]")).ToHaveTextAsync("Newsroom");

        await Expect(admin.Locator("[data-testid=create-invite]")).ToBeEnabledAsync(new() { Timeout = 30_000 });
        // This server has no Verbatim:Mail: the form asks for no address and says why.
        await Expect(admin.Locator("[data-testid=invite-mail-state]")).ToContainTextAsync("Mail is not configured");
        await Expect(admin.Locator("#invite-email")).ToHaveCountAsync(0);
        await admin.ClickAsync("[data-testid=create-invite]");
        var link = (await admin.Locator("[data-testid=invite-link]").TextContentAsync())!.Trim();
        Assert.Contains("/join/", link);
        await Expect(admin.Locator("[data-testid=invite-table] tbody tr")).ToHaveCountAsync(1);
        await Expect(admin.Locator("[data-testid=invite-row]")).ToContainTextAsync("Link passed on by hand");
        await PlaywrightBrowser.ScreenshotAsync(admin, "teams-1-invite-created");

        // The member opens the link, registers from it, and joins.
        var member = await browser.NewPageAsync(server.BaseAddress, PlaywrightBrowser.Desktop);
        await PlaywrightBrowser.GoToAsync(member, link);
        await Expect(member.Locator("h1")).ToHaveTextAsync("Join Newsroom");
        await PlaywrightBrowser.ScreenshotAsync(member, "teams-2-join-page-signed-out");
        await member.ClickAsync("[data-testid=join-register]");
        await BrowserAccounts.RegisterAsync(member, null, "reporter@example.com");
        await member.WaitForURLAsync("**/join/*");
        await Expect(member.Locator("[data-testid=join-team]")).ToBeEnabledAsync(new() { Timeout = 30_000 });
        await member.ClickAsync("[data-testid=join-team]");
        await member.WaitForURLAsync("**/transcripts");
        await Expect(member.Locator("[data-testid=active-team]")).ToHaveTextAsync("Newsroom");

        // The link is spent.
        var third = await browser.NewPageAsync(server.BaseAddress, PlaywrightBrowser.Desktop);
        await PlaywrightBrowser.GoToAsync(third, link);
        await Expect(third.Locator("h1")).ToHaveTextAsync("This invite does not work");

        // The member makes a key for the team.
        await PlaywrightBrowser.GoToAsync(member, "api-keys");
        await Expect(member.Locator("[data-testid=create-key]")).ToBeEnabledAsync(new() { Timeout = 30_000 });
        await member.ClickAsync("[data-testid=create-key]");
        await member.FillAsync(".mud-dialog input", "Newsroom CI");
        await member.ClickAsync(".mud-dialog button:has-text('Create key')");
        var key = (await member.Locator(".key-reveal code").TextContentAsync())!.Trim();
        using var memberApi = server.CreateClient(key);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await memberApi.GetAsync("/v2/transcript")).StatusCode);

        // The administrator sees the team's members and the member's key, and revokes it.
        await PlaywrightBrowser.GoToAsync(admin, admin.Url);
        await Expect(admin.Locator("[data-testid=member-email]")).ToHaveTextAsync(["admin@example.com", "reporter@example.com"]);
        await PlaywrightBrowser.ScreenshotAsync(admin, "teams-3-members");
        await PlaywrightBrowser.GoToAsync(admin, "api-keys");
        await Expect(admin.Locator("[data-testid=key-creator]")).ToHaveTextAsync(["reporter@example.com"]);
        await PlaywrightBrowser.ScreenshotAsync(admin, "teams-4-team-keys");
        await Expect(admin.Locator("[data-testid=revoke-key]")).ToBeEnabledAsync(new() { Timeout = 30_000 });
        await admin.ClickAsync("[data-testid=revoke-key]");
        await admin.ClickAsync(".mud-dialog button:has-text('Revoke')");
        await Expect(admin.Locator("[data-testid=api-key-table]")).ToContainTextAsync("Revoked");
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await memberApi.GetAsync("/v2/transcript")).StatusCode);

        // The app bar's switcher: back to the administrator's personal team.
        await admin.ClickAsync("[data-testid=team-switcher] summary");
        await PlaywrightBrowser.ScreenshotAsync(admin, "teams-5-switcher-open");
        await admin.ClickAsync("[data-testid=switch-team]:has-text(\"admin@example.com's team\")");
        await Expect(admin.Locator("[data-testid=active-team]")).ToHaveTextAsync("admin@example.com's team");
        await PlaywrightBrowser.ScreenshotAsync(admin, "teams-6-switched");
    }
}
