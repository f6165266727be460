using WebApp.Transcription.Audio;
using WebApp.Transcription.Engines;

namespace WebApp.Transcription.Engines.PocketSphinx.Keyterms;

/// <summary>
/// A job's pronouncing dictionary: the model's, plus the key term words it lacks with their guessed pronunciations. Its
/// decoders load it in place of the model's; the file is deleted with this object.
/// </summary>
public sealed class KeytermDictionary : IDisposable
{
    private KeytermDictionary(string path) => Path = path;

    public string Path { get; }

    public static KeytermDictionary Write(string modelDirectory, KeytermVocabulary vocabulary)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"verbatim-keyterms-{Guid.NewGuid():N}.dict");
        File.Copy(System.IO.Path.Combine(modelDirectory, PocketSphinxConfig.DictionaryFileName), path);
        File.AppendAllLines(path, vocabulary.Words
            .Where(word => word.Phones is not null)
            .Select(word => $"{word.Text} {word.Phones}"));
        return new KeytermDictionary(path);
    }

    public void Dispose() => File.Delete(Path);
}
