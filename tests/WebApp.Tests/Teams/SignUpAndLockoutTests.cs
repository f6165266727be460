using System.Net;
using Microsoft.EntityFrameworkCore;
using WebApp.Accounts;
using WebApp.Data.Entities;
using WebApp.Teams;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Teams;

/// <summary>A fresh server as an operator gets it: the first account is its administrator, then sign-up is by invitation; wrong passwords lock.</summary>
public sealed class SignUpAndLockoutTests : IAsyncLifetime
{
    // The server's own default, not the open sign-up the other tests' servers use.
    private readonly VerbatimServer server = new(new Dictionary<string, string> { ["Verbatim__Accounts__SignUpPolicy"] = "InvitedOnly" });

    public Task InitializeAsync() => server.StartAsync();

    public Task DisposeAsync() => server.DisposeAsync().AsTask();

    [Fact]
    public async Task FirstAccount_IsTheAdministrator_ThenOnlyAnInviteLinkOpensRegistration_AndNobodyClosesIt()
    {
        using var admin = await BrowserSession.RegisterAsync(server.BaseAddress, "admin@example.com");
        using var stranger = BrowserSession.Anonymous(server.BaseAddress, "stranger@example.com");

        Assert.Contains("invitation only", await stranger.Http.GetStringAsync("/Account/Register"));
        // Posting the form anyway: the closed page renders no form, so there is nothing to submit to.
        using var refused = await stranger.TryRegisterAsync();
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        await using (var db = server.OpenDatabase())
        {
            Assert.False(await db.Users.AnyAsync(u => u.Email == "stranger@example.com"));
        }

        var invite = await InviteAsync("admin@example.com");
        using var invited = await stranger.TryRegisterAsync($"/Account/Register?Invite={invite}&ReturnUrl=/join/{invite}");
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        Assert.EndsWith($"/join/{invite}", invited.Headers.Location!.OriginalString);

        await using (var db = server.OpenDatabase())
        {
            var users = await db.Users.OrderBy(u => u.CreatedAt).Select(u => new { u.Email, u.IsServerAdministrator }).ToListAsync();
            Assert.Equal([("admin@example.com", true), ("stranger@example.com", false)], users.Select(u => (u.Email, u.IsServerAdministrator)));
            await new SignUpGate(db, new TeamInvites(db, TimeProvider.System), Microsoft.Extensions.Options.Options.Create(new AccountsOptions())).SetPolicyAsync(SignUpPolicy.Nobody);
        }

        var another = await InviteAsync("admin@example.com");
        using var late = BrowserSession.Anonymous(server.BaseAddress, "late@example.com");
        Assert.Contains("does not take new accounts", await late.Http.GetStringAsync($"/Account/Register?Invite={another}"));
        using var closed = await late.TryRegisterAsync($"/Account/Register?Invite={another}");
        Assert.NotEqual(HttpStatusCode.Redirect, closed.StatusCode);
        await using var check = server.OpenDatabase();
        Assert.False(await check.Users.AnyAsync(u => u.Email == "late@example.com"));
    }

    [Fact]
    public async Task FiveWrongPasswords_LockTheAccount_SoEvenTheRightOneIsRefused()
    {
        using (await BrowserSession.RegisterAsync(server.BaseAddress, "owner@example.com"))
        {
        }

        using var browser = BrowserSession.Anonymous(server.BaseAddress, "owner@example.com");
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var wrong = await browser.TrySignInAsync("Wrong-password-1");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("Invalid login attempt", await wrong.Content.ReadAsStringAsync());
        }

        using var fifth = await browser.TrySignInAsync("Wrong-password-1");
        Assert.Equal(HttpStatusCode.Redirect, fifth.StatusCode);
        Assert.Contains("Account/Lockout", fifth.Headers.Location!.OriginalString);

        using var right = await browser.TrySignInAsync(BrowserSession.Password);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Contains("Account/Lockout", right.Headers.Location!.OriginalString);
        Assert.DoesNotContain(browser.Cookies.GetCookies(server.BaseAddress), cookie => cookie.Name == ".AspNetCore.Identity.Application");
    }

    private async Task<string> InviteAsync(string adminEmail)
    {
        await using var db = server.OpenDatabase();
        var admin = await db.Users.SingleAsync(u => u.Email == adminEmail);
        var (invite, error) = await new TeamInvites(db, TimeProvider.System).CreateAsync(admin.Id, admin.PersonalTeamId, TeamRole.Member, TimeSpan.FromDays(1));
        Assert.Null(error);
        return invite!.Token;
    }
}
