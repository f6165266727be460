using System.Net;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Api;

[Collection(ApiCollection.Name)]
public sealed class CreateApiKeyCommandTests(ApiFixture fixture)
{
    [Fact]
    public async Task CreateApiKey_PrintsAWorkingKeyOnTheLastLineAndStoresOnlyItsHash()
    {
        var email = $"erin-{Guid.NewGuid():N}@example.com";
        var (exitCode, stdout) = await fixture.Server.RunCommandAsync($"create-api-key --email {email}");
        Assert.Equal(0, exitCode);
        var key = stdout.TrimEnd().Split('\n')[^1];
        Assert.Matches("^[0-9a-f]{32}$", key);

        using var client = fixture.Server.CreateClient(key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v2/transcript")).StatusCode);

        // A second key for the same user works as well; the user is not created twice.
        var (_, again) = await fixture.Server.RunCommandAsync($"create-api-key --email {email}");
        Assert.DoesNotContain("Created user", again);
        Assert.NotEqual(key, again.TrimEnd().Split('\n')[^1]);

        // The database and its write-ahead log hold only the key's hash.
        foreach (var file in Directory.GetFiles(fixture.Server.DataDirectory, "verbatim.db*"))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream, System.Text.Encoding.Latin1);
            Assert.DoesNotContain(key, await reader.ReadToEndAsync());
        }
    }

    [Fact]
    public async Task CreateApiKey_WithoutEmail_ExitsWithUsage()
    {
        var (exitCode, _) = await fixture.Server.RunCommandAsync("create-api-key");
        Assert.Equal(2, exitCode);
    }
}
