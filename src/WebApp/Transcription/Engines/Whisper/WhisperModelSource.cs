namespace WebApp.Transcription.Engines.Whisper;

/// <summary>
/// The whisper models in the models folder, one engine per <c>ggml-&lt;name&gt;.bin</c>. The folder is listed on every
/// read (a directory listing, no file is opened), so a model copied in while the server runs is offered at once; an
/// engine is kept while its file is unchanged, so its loaded model serves job after job, and dropped (its memory freed
/// once its jobs end) when the file is replaced or removed.
/// </summary>
public sealed class WhisperModelSource(string modelsDirectory, Func<WhisperModelFile, WhisperSpeechEngine> createEngine) : ISpeechEngineSource
{
    private readonly Lock gate = new();
    private Dictionary<string, WhisperSpeechEngine> engines = new(StringComparer.Ordinal);
    private IReadOnlyList<ISpeechEngine> listed = [];

    public string ModelsDirectory { get; } = modelsDirectory;

    public IReadOnlyList<ISpeechEngine> Engines
    {
        get
        {
            var files = ListModelFiles(ModelsDirectory);
            lock (gate)
            {
                if (files.Count == engines.Count && files.All(file => engines.TryGetValue(file.Path, out var engine) && engine.Model == file))
                {
                    return listed;
                }

                var next = new Dictionary<string, WhisperSpeechEngine>(StringComparer.Ordinal);
                foreach (var file in files)
                {
                    next[file.Path] = engines.TryGetValue(file.Path, out var engine) && engine.Model == file ? engine : createEngine(file);
                }

                foreach (var (path, engine) in engines)
                {
                    if (!next.TryGetValue(path, out var kept) || kept != engine)
                    {
                        engine.Retire();
                    }
                }

                engines = next;
                listed = [.. next.Values.OrderBy(engine => engine.Name, StringComparer.Ordinal)];
                return listed;
            }
        }
    }

    /// <summary>The whisper models in <paramref name="directory"/> (name, size and time of each: what decides whether an engine is still current).</summary>
    public static IReadOnlyList<WhisperModelFile> ListModelFiles(string directory)
    {
        var folder = new DirectoryInfo(directory);
        if (!folder.Exists)
        {
            return [];
        }

        try
        {
            return [.. folder.EnumerateFiles(WhisperModelFile.FilePrefix + "*" + WhisperModelFile.FileSuffix)
                .Where(file => WhisperModelFile.EngineNameFor(file.Name) is not null)
                .Select(file => new WhisperModelFile(file.FullName, file.Length, file.LastWriteTimeUtc))];
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A file removed mid-listing, or a folder the server may not read: no models this time, the next read retries.
            return [];
        }
    }
}
