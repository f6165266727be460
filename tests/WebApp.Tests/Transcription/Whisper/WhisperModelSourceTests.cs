using WebApp.Transcription.Engines.Whisper;

namespace WebApp.Tests.Transcription.Whisper;

[Collection(WhisperCollection.Name)]
public sealed class WhisperModelSourceTests(WhisperFixture fixture)
{
    [Fact]
    public void Engines_ModelCopiedInAfterStart_IsListedUnderItsNameAndKeptWhileUnchanged()
    {
        using var scratch = new ScratchDirectory();
        var source = new WhisperModelSource(scratch.Path, fixture.Create);
        Assert.Empty(source.Engines);

        File.Copy(Path.Combine(fixture.ModelsDirectory, "ggml-tiny.en.bin"), scratch.File("ggml-small.en.bin"));
        File.WriteAllText(scratch.File("notes.txt"), "not a model");
        var listed = source.Engines;

        var engine = Assert.IsType<WhisperSpeechEngine>(Assert.Single(listed));
        Assert.Equal("whisper-small.en", engine.Name);
        Assert.True(engine.Model.EnglishOnly);
        Assert.Equal(new FileInfo(scratch.File("ggml-small.en.bin")).Length, engine.Model.SizeBytes);
        Assert.Equal(4, engine.Capabilities.AccuracyRank);
        Assert.Same(engine, Assert.Single(source.Engines));
    }

    [Fact]
    public void Engines_ModelReplaced_IsANewEngine()
    {
        using var scratch = new ScratchDirectory();
        var source = new WhisperModelSource(scratch.Path, fixture.Create);
        var path = scratch.File("ggml-base.bin");
        File.Copy(Path.Combine(fixture.ModelsDirectory, "ggml-tiny.bin"), path);
        var before = Assert.Single(source.Engines);

        File.AppendAllText(path, "x");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(1));
        var after = Assert.Single(source.Engines);

        Assert.NotSame(before, after);
        Assert.Equal("whisper-base", after.Name);
        Assert.True(after.Capabilities.IdentifiesLanguage);
    }

    [Theory]
    [InlineData("ggml-small.en.bin", "whisper-small.en")]
    [InlineData("ggml-large-v3-turbo.bin", "whisper-large-v3-turbo")]
    [InlineData("ggml-base.bin", "whisper-base")]
    [InlineData("ggml-silero-v5.1.2.bin", null)]
    [InlineData("small.bin", null)]
    [InlineData("ggml-.bin", null)]
    public void EngineNameFor_FileName_FollowsWhisperCppsNaming(string fileName, string? expected) =>
        Assert.Equal(expected, WhisperModelFile.EngineNameFor(fileName));

    [Theory]
    [InlineData("tiny.en", "tiny", 2)]
    [InlineData("base", "base", 3)]
    [InlineData("small.en-tdrz", "small", 4)]
    [InlineData("medium", "medium", 5)]
    [InlineData("large-v3", "large", 6)]
    [InlineData("large-v3-turbo-q5_0", "turbo", 6)]
    public void FromModelName_PublishedName_KnowsItsSize(string modelName, string size, int rank)
    {
        var known = WhisperModelSize.FromModelName(modelName);

        Assert.NotNull(known);
        Assert.Equal(size, known.Name);
        Assert.Equal(rank, known.AccuracyRank);
        Assert.Contains("MB", known.Describe());
    }
}
