using WebApp.Tests.Infrastructure;

namespace WebApp.Tests.Streaming;

/// <summary>
/// One app serving TLS with a certificate the tests make (the SDK's streaming client insists on wss:), with a limit of
/// two live sessions per team so the limit can be reached; and a generated two-voice conversation.
/// </summary>
public sealed class StreamingFixture : IAsyncLifetime
{
    public const string First = "we will go to the park in the afternoon and play football with our friends";
    public const string Second = "the weather today is sunny with a light breeze from the west";
    public const int SessionsPerTeam = 2;

    public TestCertificate Certificate { get; } = new();

    public VerbatimServer Server { get; private set; } = null!;

    public string Key { get; private set; } = "";

    /// <summary>1 s of quiet, <see cref="First"/> (flite kal16), 1.5 s, <see cref="Second"/> (flite slt), 2 s.</summary>
    public string Conversation { get; private set; } = "";

    /// <summary>Where <see cref="Second"/> starts in <see cref="Conversation"/>, in ms.</summary>
    public int SecondStartsMs { get; private set; }

    public async Task InitializeAsync()
    {
        Server = new VerbatimServer(new Dictionary<string, string> { ["Verbatim__Streaming__MaxSessionsPerTeam"] = SessionsPerTeam.ToString() }, tls: Certificate);
        await Server.StartAsync();
        Key = await Server.CreateApiKeyAsync("live@example.com");
        var first = TestSpeech.Concat(TestSpeech.Say(First, "kal16"));
        SecondStartsMs = (int)((1 + TestAudio.DurationSeconds(first) + 1.5) * 1000);
        Conversation = TestSpeech.Concat(TestSpeech.Silence(1), first, TestSpeech.Silence(1.5), TestSpeech.Say(Second, "slt"), TestSpeech.Silence(2));
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class StreamingCollection : ICollectionFixture<StreamingFixture>
{
    public const string Name = "streaming";
}
