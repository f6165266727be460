using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Regions;

/// <summary>
/// Two real Verbatim processes: "upstream" (an ordinary server with its own data and key) and "front", whose region
/// "eu" is the upstream. Front also has regions that point at scripted upstreams (429, 503, silence), one with a key
/// the upstream refuses, and one without any key.
/// </summary>
public sealed class RegionsFixture : IAsyncLifetime
{
    public const string BusyKey = "busy-region-key-1234567890";

    public const string BrokenKey = "broken-region-key-0987654321";

    public const string WrongKey = "wrong-upstream-key-5555";

    public VerbatimServer Upstream { get; } = new();

    public ScriptedUpstream Busy { get; } = new((request, response) =>
    {
        ScriptedUpstream.Write(response, 429, """{"error": "Too many requests"}""", ("Retry-After", "1"));
        return true;
    });

    public ScriptedUpstream Broken { get; } = new((request, response) =>
    {
        if (request.Path == "/v2/upload")
        {
            ScriptedUpstream.Write(response, 200, """{"upload_url": "https://cdn.example.com/upload/abc123"}""");
        }
        else
        {
            ScriptedUpstream.Write(response, 503, """{"error": "Service unavailable"}""");
        }

        return true;
    });

    public ScriptedUpstream Silent { get; } = new((_, _) => false);

    public VerbatimServer Front { get; private set; } = default!;

    public string UpstreamKey { get; private set; } = "";

    public string AnnKey { get; private set; } = "";

    public string BobKey { get; private set; } = "";

    public V2Client Ann() => new(Front.CreateClient(AnnKey));

    public V2Client Bob() => new(Front.CreateClient(BobKey));

    public V2Client UpstreamClient() => new(Upstream.CreateClient(UpstreamKey));

    public async Task InitializeAsync()
    {
        await Upstream.StartAsync();
        UpstreamKey = await Upstream.CreateApiKeyAsync("office@example.com");
        var settings = new Dictionary<string, string>();
        void Region(string name, string baseUrl, string? key, params (string Name, string Value)[] extra)
        {
            settings[$"Verbatim__Regions__{name}__Kind"] = "AssemblyAI";
            settings[$"Verbatim__Regions__{name}__BaseUrl"] = baseUrl;
            if (key is not null)
            {
                settings[$"Verbatim__Regions__{name}__ApiKey"] = key;
            }

            settings[$"Verbatim__Regions__{name}__PollSeconds"] = "0.5";
            settings[$"Verbatim__Regions__{name}__MaxPollSeconds"] = "1";
            foreach (var (setting, value) in extra)
            {
                settings[$"Verbatim__Regions__{name}__{setting}"] = value;
            }
        }

        var upstreamUrl = Upstream.BaseAddress.ToString().TrimEnd('/');
        Region("eu", upstreamUrl, UpstreamKey);
        Region("badkey", upstreamUrl, WrongKey);
        Region("nokey", upstreamUrl, null);
        Region("busy", Busy.BaseUrl, BusyKey, ("MaxAttempts", "3"), ("MaxRetryDelaySeconds", "5"));
        Region("broken", Broken.BaseUrl, BrokenKey, ("MaxAttempts", "3"), ("MaxRetryDelaySeconds", "1"));
        Region("silent", Silent.BaseUrl, "silent-key", ("MaxAttempts", "2"), ("RequestTimeoutSeconds", "2"), ("MaxRetryDelaySeconds", "1"));
        Front = new VerbatimServer(settings);
        await Front.StartAsync();
        AnnKey = await Front.CreateApiKeyAsync("ann@example.com");
        BobKey = await Front.CreateApiKeyAsync("bob@example.com");
    }

    public async Task DisposeAsync()
    {
        Busy.Dispose();
        Broken.Dispose();
        Silent.Dispose();
        await Front.DisposeAsync();
        await Upstream.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class RegionsCollection : ICollectionFixture<RegionsFixture>
{
    public const string Name = "regions";
}
