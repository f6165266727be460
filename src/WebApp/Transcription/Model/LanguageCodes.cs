namespace WebApp.Transcription.Model;

/// <summary>AssemblyAI's language codes: a base language ("en", "pt") with an optional region ("en_us", "en_au").</summary>
public static class LanguageCodes
{
    /// <summary>"en_us" → "en"; "de" → "de".</summary>
    public static string Base(string code)
    {
        var underscore = code.IndexOf('_');
        return (underscore < 0 ? code : code[..underscore]).ToLowerInvariant();
    }

    /// <summary>The regional codes AssemblyAI accepts beside the base ones.</summary>
    public static IReadOnlyList<string> Regional { get; } = ["en_us", "en_au", "en_uk"];

    /// <summary>The codes a request may use for a set of base languages: each base code, and its regional variants.</summary>
    public static IReadOnlyList<string> AcceptedFor(IEnumerable<string> baseCodes)
    {
        var bases = baseCodes.ToHashSet(StringComparer.Ordinal);
        return [.. bases.Order(StringComparer.Ordinal), .. Regional.Where(code => bases.Contains(Base(code)))];
    }
}
