using AngleSharp.Dom;
using Bunit;
using Microsoft.EntityFrameworkCore;
using WebApp.Components.Pages.ApiKeys;
using WebApp.Data.Entities;
using WebApp.Teams;

namespace WebApp.Tests.Components;

public sealed class ApiKeysPageTests : ApiKeysPageContext
{
    // The page loads and saves through the database asynchronously; generous, for a busy CI machine.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Page_ListsOnlyTheUsersKeys_WithPrefixAndStatus()
    {
        var active = await CreateKeyAsync(User, "Podcast pipeline");
        var revoked = await CreateKeyAsync(User, "Old laptop");
        await WithKeysAsync(keys => keys.RevokeAsync(User.Id, User.PersonalTeamId, revoked.Record.Id));
        await CreateKeyAsync(OtherUser, "Bob's key");

        var page = Render<ApiKeysPage>();

        page.WaitForAssertion(() => Assert.Equal(2, KeyRows(page).Count), Patience);
        var activeRow = Row(page, "Podcast pipeline");
        Assert.Contains($"{active.Key[..6]}…", activeRow.TextContent);
        Assert.Contains("Active", activeRow.TextContent);
        Assert.NotNull(Button(activeRow, "Revoke"));
        var revokedRow = Row(page, "Old laptop");
        Assert.Contains($"{revoked.Key[..6]}…", revokedRow.TextContent);
        Assert.Contains("Revoked", revokedRow.TextContent);
        Assert.Null(Button(revokedRow, "Revoke"));
        Assert.DoesNotContain("Bob's key", page.Markup);
        Assert.DoesNotContain(active.Key, page.Markup);
    }

    [Fact]
    public void Page_WithNoKeys_SaysSo()
    {
        var page = Render<ApiKeysPage>();

        page.WaitForAssertion(() => Assert.Contains("No API keys yet", page.Markup), Patience);
        Assert.Empty(KeyRows(page));
    }

    [Fact]
    public async Task CreateKey_ShowsTheWorkingKeyOnce_AndListsIt()
    {
        var page = Render<ApiKeysPage>();
        page.WaitForAssertion(() => Assert.Contains("No API keys yet", page.Markup), Patience);

        page.FindAll("button").Single(button => button.TextContent.Trim() == "Create key").Click();
        page.WaitForElement(".mud-dialog input", Patience).Input("Podcast pipeline");
        Button(page.Find(".mud-dialog"), "Create key")!.Click();

        var key = page.WaitForElement(".key-reveal code", Patience).TextContent.Trim();
        Assert.Matches("^[0-9a-f]{32}$", key);
        Assert.Contains("will not be shown again", page.Find(".mud-dialog").TextContent);
        var identity = await WithKeysAsync(keys => keys.FindActiveAsync(key));
        Assert.NotNull(identity);
        Assert.Equal(User.Id, identity.UserId);
        Assert.Equal(User.PersonalTeamId, identity.TeamId);
        await using (var db = CreateDbContext())
        {
            var stored = await db.ApiKeys.SingleAsync();
            Assert.Equal("Podcast pipeline", stored.Name);
            Assert.DoesNotContain(key, stored.KeyHash);
        }

        page.WaitForAssertion(() => Assert.Contains($"{key[..6]}…", Row(page, "Podcast pipeline").TextContent), Patience);

        Button(page.Find(".mud-dialog"), "Done")!.Click();
        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".mud-dialog")), Patience);
        Assert.DoesNotContain(key, page.Markup);
        Assert.Single(KeyRows(page));
    }

    [Fact]
    public async Task Revoke_AfterConfirming_RevokesTheKeyAndUpdatesTheList()
    {
        var created = await CreateKeyAsync(User, "CI");
        var page = Render<ApiKeysPage>();
        page.WaitForAssertion(() => Assert.Single(KeyRows(page)), Patience);

        Button(Row(page, "CI"), "Revoke")!.Click();
        Button(page.WaitForElement(".mud-dialog", Patience), "Revoke")!.Click();

        page.WaitForAssertion(() => Assert.Contains("Revoked", Row(page, "CI").TextContent), Patience);
        Assert.Null(Button(Row(page, "CI"), "Revoke"));
        Assert.Null(await WithKeysAsync(keys => keys.FindActiveAsync(created.Key)));
        await using var db = CreateDbContext();
        Assert.NotNull((await db.ApiKeys.SingleAsync()).RevokedAt);
    }

    [Fact]
    public async Task Revoke_WhenCancelled_KeepsTheKey()
    {
        var created = await CreateKeyAsync(User, "CI");
        var page = Render<ApiKeysPage>();
        page.WaitForAssertion(() => Assert.Single(KeyRows(page)), Patience);

        Button(Row(page, "CI"), "Revoke")!.Click();
        Button(page.WaitForElement(".mud-dialog", Patience), "Cancel")!.Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".mud-dialog")), Patience);
        Assert.Contains("Active", Row(page, "CI").TextContent);
        Assert.NotNull(await WithKeysAsync(keys => keys.FindActiveAsync(created.Key)));
    }

    [Fact]
    public async Task Page_ForTheTeamsOwner_ListsEveryKeyOfTheTeam_WithItsCreator_AndRevokesAMembersKey()
    {
        await JoinAsync(OtherUser, User.PersonalTeamId, TeamRole.Member);
        var bobs = await CreateKeyAsync(OtherUser, "Bob in Ann's team", User.PersonalTeamId);
        await CreateKeyAsync(OtherUser, "Bob's own team");

        var page = Render<ApiKeysPage>();

        page.WaitForAssertion(() => Assert.Single(KeyRows(page)), Patience);
        Assert.Contains("bob@example.com", Row(page, "Bob in Ann's team").QuerySelector("[data-testid=key-creator]")!.TextContent);
        Assert.DoesNotContain("Bob's own team", page.Markup);
        Button(Row(page, "Bob in Ann's team"), "Revoke")!.Click();
        Button(page.WaitForElement(".mud-dialog", Patience), "Revoke")!.Click();
        page.WaitForAssertion(() => Assert.Contains("Revoked", Row(page, "Bob in Ann's team").TextContent), Patience);
        Assert.Null(await WithKeysAsync(keys => keys.FindActiveAsync(bobs.Key)));
    }

    [Fact]
    public async Task Page_ForAMember_FollowsTheActiveTeam_AndListsOnlyTheirOwnKeysThere()
    {
        await JoinAsync(User, OtherUser.PersonalTeamId, TeamRole.Member);
        await CreateKeyAsync(OtherUser, "Bob's key");
        await CreateKeyAsync(User, "Ann in Bob's team", OtherUser.PersonalTeamId);
        await CreateKeyAsync(User, "Ann's personal key");
        await using (var db = CreateDbContext())
        {
            Assert.True(await db.SetActiveTeamAsync(User.Id, OtherUser.PersonalTeamId));
        }

        var page = Render<ApiKeysPage>();

        page.WaitForAssertion(() => Assert.Single(KeyRows(page)), Patience);
        Assert.NotNull(Row(page, "Ann in Bob's team"));
        Assert.DoesNotContain("Bob's key", page.Markup);
        Assert.DoesNotContain("Ann's personal key", page.Markup);
        Assert.Empty(page.FindAll("[data-testid=key-creator]"));
        Assert.False(await WithKeysAsync(keys => keys.RevokeAsync(User.Id, OtherUser.PersonalTeamId, KeyIdOf("Bob's key"))));
    }

    private Guid KeyIdOf(string name)
    {
        using var db = CreateDbContext();
        return db.ApiKeys.Single(k => k.Name == name).Id;
    }

    private static IReadOnlyList<IElement> KeyRows(IRenderedComponent<ApiKeysPage> page) =>
        page.FindAll("tbody tr").Where(row => row.QuerySelector("code.key-prefix") is not null).ToList();

    private static IElement Row(IRenderedComponent<ApiKeysPage> page, string keyName) =>
        KeyRows(page).Single(row => row.QuerySelector("td[data-label='Name']")?.TextContent.Trim() == keyName);

    private static IElement? Button(IElement scope, string text) =>
        scope.QuerySelectorAll("button").FirstOrDefault(button => button.TextContent.Trim() == text);
}
