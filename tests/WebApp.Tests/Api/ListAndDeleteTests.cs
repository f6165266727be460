using System.Net;
using System.Text.Json;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Api;

[Collection(ApiCollection.Name)]
public sealed class ListAndDeleteTests(ApiFixture fixture)
{
    [Fact]
    public async Task List_PagesNewestFirstWithAssemblyAiPageDetails()
    {
        // A user of their own, so that other tests' transcripts do not mix in.
        using var carol = new V2Client(fixture.Server.CreateClient(await fixture.Server.CreateApiKeyAsync($"carol-{Guid.NewGuid():N}@example.com")));
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            // Dead URLs: these jobs fail fast, which is all a listing needs.
            ids.Add((await carol.CreateTranscriptAsync(new { audio_url = fixture.AudioHost.Url($"/gone-{i}.mp3") })).GetProperty("id").GetString()!);
        }

        ids.Reverse();
        var (status, first) = await carol.GetAsync("/v2/transcript?limit=2");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(ids[..2], Ids(first));
        var details = first.GetProperty("page_details");
        Assert.Equal(2, details.GetProperty("limit").GetInt32());
        Assert.Equal(2, details.GetProperty("result_count").GetInt32());
        Assert.Contains("/v2/transcript?limit=2", details.GetProperty("current_url").GetString());
        var item = first.GetProperty("transcripts")[0];
        Assert.Equal($"{fixture.Server.BaseAddress}v2/transcript/{ids[0]}", item.GetProperty("resource_url").GetString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d+$", item.GetProperty("created").GetString());

        var (_, second) = await carol.GetAsync(new Uri(details.GetProperty("prev_url").GetString()!).PathAndQuery);
        Assert.Equal(ids[2..4], Ids(second));

        var (_, newer) = await carol.GetAsync(new Uri(second.GetProperty("page_details").GetProperty("next_url").GetString()!).PathAndQuery);
        Assert.Equal(ids[..2], Ids(newer));

        foreach (var id in ids)
        {
            await carol.WaitForTranscriptAsync(id);
        }

        var (_, errors) = await carol.GetAsync("/v2/transcript?status=error&limit=10");
        Assert.Equal(ids, Ids(errors));
        var (_, completed) = await carol.GetAsync("/v2/transcript?status=completed");
        Assert.Empty(Ids(completed));
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=201")]
    [InlineData("limit=ten")]
    [InlineData("status=finished")]
    [InlineData("before_id=not-a-uuid")]
    public async Task List_WithBadParameters_Returns400(string query)
    {
        using var ann = fixture.Ann();
        var (status, body) = await ann.GetAsync($"/v2/transcript?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("error").GetString()));
    }

    [Fact]
    public async Task Delete_CompletedTranscript_ReplacesTextAndRemovesTheUploadedFile()
    {
        using var ann = fixture.Ann();
        var uploadUrl = await ann.UploadAsync(TestSpeech.Say("please forget this"));
        var uploadFile = Directory.GetFiles(Path.Combine(fixture.Server.DataDirectory, "uploads"), new Uri(uploadUrl).Segments[^1], SearchOption.AllDirectories).Single();
        var created = await ann.CreateTranscriptAsync(new { audio_url = uploadUrl });
        var id = created.GetProperty("id").GetString()!;
        await ann.WaitForTranscriptAsync(id);

        using var response = await ann.Http.DeleteAsync($"/v2/transcript/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var deleted = await V2Client.ReadJsonAsync(response);
        Assert.Equal("Deleted by user.", deleted.GetProperty("text").GetString());
        Assert.Equal("http://deleted_by_user", deleted.GetProperty("audio_url").GetString());
        Assert.Equal(JsonValueKind.Null, deleted.GetProperty("words").ValueKind);
        Assert.False(File.Exists(uploadFile));

        var (_, again) = await ann.GetAsync($"/v2/transcript/{id}");
        Assert.Equal("Deleted by user.", again.GetProperty("text").GetString());
        var (reuseStatus, _) = await ann.PostTranscriptAsync(new { audio_url = uploadUrl });
        Assert.Equal(HttpStatusCode.BadRequest, reuseStatus);
    }

    private static List<string> Ids(JsonElement list) =>
        list.GetProperty("transcripts").EnumerateArray().Select(t => t.GetProperty("id").GetString()!).ToList();
}
