using System.Net;
using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Api;

/// <summary>Every resource belongs to a team; another team's ids answer as if they did not exist.</summary>
[Collection(ApiCollection.Name)]
public sealed class TeamScopingTests(ApiFixture fixture)
{
    [Fact]
    public async Task Create_WithAnotherTeamsUploadUrl_Returns403CannotAccessUploadedFile()
    {
        using var ann = fixture.Ann();
        using var bob = fixture.Bob();
        var annsUpload = await ann.UploadAsync(TestSpeech.Say("private words"));
        var (status, body) = await bob.PostTranscriptAsync(new { audio_url = annsUpload });
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal("Cannot access uploaded file", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task GetAndDelete_AnotherTeamsTranscript_Return404()
    {
        using var ann = fixture.Ann();
        using var bob = fixture.Bob();
        var created = await ann.CreateTranscriptAsync(new { audio_url = await ann.UploadAsync(TestSpeech.Say("hello there")) });
        var id = created.GetProperty("id").GetString();

        var (getStatus, getBody) = await bob.GetAsync($"/v2/transcript/{id}");
        Assert.Equal(HttpStatusCode.NotFound, getStatus);
        Assert.Equal("Transcript not found", getBody.GetProperty("error").GetString());

        using var delete = await bob.Http.DeleteAsync($"/v2/transcript/{id}");
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);

        var (bobsList, _) = await bob.GetAsync("/v2/transcript");
        Assert.Equal(HttpStatusCode.OK, bobsList);
        Assert.DoesNotContain(id, (await bob.GetAsync("/v2/transcript?limit=200")).Body.GetProperty("transcripts").EnumerateArray().Select(t => t.GetProperty("id").GetString()));
        Assert.Equal("completed", (await ann.WaitForTranscriptAsync(id!)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Get_WithMalformedId_Returns404()
    {
        using var ann = fixture.Ann();
        var (status, body) = await ann.GetAsync("/v2/transcript/not-a-uuid");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("Transcript not found", body.GetProperty("error").GetString());
    }
}
