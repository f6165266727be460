using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Api;

/// <summary>One running app shared by the API tests, with two users (Ann and Bob) in separate teams.</summary>
public sealed class ApiFixture : IAsyncLifetime
{
    public VerbatimServer Server { get; } = new(new Dictionary<string, string> { ["Verbatim__Uploads__MaxBytes"] = "20000000" });

    public AudioHost AudioHost { get; } = new();

    public string AnnKey { get; private set; } = "";

    public string BobKey { get; private set; } = "";

    public V2Client Ann() => new(Server.CreateClient(AnnKey));

    public V2Client Bob() => new(Server.CreateClient(BobKey));

    public async Task InitializeAsync()
    {
        await Server.StartAsync();
        AnnKey = await Server.CreateApiKeyAsync("ann@example.com");
        BobKey = await Server.CreateApiKeyAsync("bob@example.com");
    }

    public async Task DisposeAsync()
    {
        AudioHost.Dispose();
        await Server.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "api";
}
