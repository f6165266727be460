using Microsoft.EntityFrameworkCore;
using WebApp.Api.V2;
using WebApp.Data.Entities;
using WebApp.Tests.Library;
using WebApp.Transcription.Model;

namespace WebApp.Tests.Api;

/// <summary>Transcripts stored in AssemblyAI's wire format before the pipeline had its own are rewritten once, losing nothing.</summary>
public sealed class StoredWireFormatUpgradeTests : IDisposable
{
    private readonly LibraryDatabase database = new();

    [Fact]
    public async Task Upgrade_WireFormatRow_ReadsTheSameAndAnswersTheSameOverTheApi()
    {
        var team = database.AddUser("legacy@example.com").PersonalTeamId;
        var id = Guid.NewGuid();
        await using (var db = database.CreateDbContext())
        {
            db.Transcripts.Add(new Transcript
            {
                Id = id,
                TeamId = team,
                Status = TranscriptStatus.Completed,
                AudioUrl = "https://example.com/call.mp3",
                OptionsJson = """{"audio_url":"https://example.com/call.mp3","speech_models":["universal-3-pro","universal-2"],"speaker_labels":true,"speakers_expected":2,"redact_pii":true,"redact_pii_policies":["person_name"],"redact_pii_sub":"entity_name","custom_spelling":[{"from":["okonkwo"],"to":"Okonkwo"}],"webhook_url":"https://hooks.example.com/done","punctuate":false}""",
                WordsJson = """[{"text":"Hello","start":100,"end":400,"confidence":0.9,"speaker":"A","channel":null},{"text":"[PERSON_NAME]","start":500,"end":900,"confidence":0.8,"speaker":"B","channel":null}]""",
                Text = "Hello [PERSON_NAME]",
                CreatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        await using (var db = database.CreateDbContext())
        {
            Assert.Equal(1, await StoredWireFormatUpgrade.UpgradeAsync(db));
            Assert.Equal(0, await StoredWireFormatUpgrade.UpgradeAsync(db));
        }

        await using var check = database.CreateDbContext();
        var transcript = await check.Transcripts.SingleAsync(t => t.Id == id);
        var options = StoredOptions.Read(transcript);
        Assert.Equal(["universal-3-pro", "universal-2"], options.SpeechModels);
        Assert.Equal(new WebApp.Transcription.Model.SpeakerOptions(true, 2), options.Speakers);
        Assert.Equal(["person_name"], options.Redaction!.Policies);
        Assert.False(options.Formatting.Punctuate);
        Assert.Equal("Okonkwo", options.Formatting.CustomSpelling.Single().To);
        Assert.Equal("https://hooks.example.com/done", options.Webhook!.Url);
        Assert.Equal(2, transcript.SpeakerCount);
        Assert.Equal([new Word("Hello", 100, 400, 0.9, "A"), new Word("[PERSON_NAME]", 500, 900, 0.8, "B")], StoredWords.Read(transcript));

        var response = TranscriptMapper.ToResponse(transcript);
        Assert.Equal(["universal-3-pro", "universal-2"], response.SpeechModels);
        Assert.Equal("entity_name", response.RedactPiiSub);
        Assert.True(response.SpeakerLabels);
        Assert.Equal(2, response.Utterances!.Count);
        Assert.Equal("[PERSON_NAME]", response.Words![1].Text);
        Assert.Equal("""[{"from":["okonkwo"],"to":"Okonkwo"}]""", response.CustomSpelling!.ToJsonString());
    }

    public void Dispose() => database.Dispose();
}
