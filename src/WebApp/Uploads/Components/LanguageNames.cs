namespace WebApp.Uploads.Components;

/// <summary>AssemblyAI's language codes in words, for the form and the library.</summary>
public static class LanguageNames
{
    public static string Describe(string? code) => code switch
    {
        null => "—",
        "en" => "English",
        "en_us" => "English (US)",
        "en_uk" => "English (UK)",
        "en_au" => "English (Australia)",
        _ => code,
    };
}
