using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace WebApp.Tests.Infrastructure;

/// <summary>The calls an AssemblyAI user makes, over real HTTP, answering parsed JSON.</summary>
public sealed class V2Client(HttpClient http) : IDisposable
{
    public HttpClient Http => http;

    public async Task<string> UploadAsync(string path)
    {
        await using var file = File.OpenRead(path);
        using var response = await http.PostAsync("/v2/upload", new StreamContent(file));
        var body = await ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"upload answered {(int)response.StatusCode}: {body}");
        return body.GetProperty("upload_url").GetString()!;
    }

    /// <param name="path">Another region's path, such as /eu/v2/transcript.</param>
    public async Task<(HttpStatusCode Status, JsonElement Body)> PostTranscriptAsync(object request, string path = "/v2/transcript")
    {
        using var response = await http.PostAsJsonAsync(path, request);
        return (response.StatusCode, await ReadJsonAsync(response));
    }

    public async Task<JsonElement> CreateTranscriptAsync(object request)
    {
        var (status, body) = await PostTranscriptAsync(request);
        Assert.True(status == HttpStatusCode.OK, $"create answered {(int)status}: {body}");
        return body;
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string path)
    {
        using var response = await http.GetAsync(path);
        return (response.StatusCode, await ReadJsonAsync(response));
    }

    /// <summary>Polls like the quick-start does until the transcript is completed or error.</summary>
    public async Task<JsonElement> WaitForTranscriptAsync(string id, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(180));
        while (true)
        {
            var (status, body) = await GetAsync($"/v2/transcript/{id}");
            Assert.Equal(HttpStatusCode.OK, status);
            var state = body.GetProperty("status").GetString();
            if (state is "completed" or "error")
            {
                return body;
            }

            Assert.True(DateTime.UtcNow < deadline, $"transcript {id} still {state} at the deadline");
            await Task.Delay(250);
        }
    }

    public async Task<JsonElement> TranscribeAsync(string audioPath, object? options = null)
    {
        var uploadUrl = await UploadAsync(audioPath);
        var request = JsonSerializer.SerializeToNode(options ?? new { })!.AsObject();
        request["audio_url"] = uploadUrl;
        var created = await CreateTranscriptAsync(request);
        return await WaitForTranscriptAsync(created.GetProperty("id").GetString()!);
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        try
        {
            return JsonDocument.Parse(text).RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new Xunit.Sdk.XunitException($"Expected JSON, got {(int)response.StatusCode} {response.Content.Headers.ContentType}: {text[..Math.Min(text.Length, 500)]}");
        }
    }

    public void Dispose() => http.Dispose();
}
