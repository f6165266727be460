namespace WebApp.Transcription.Redaction;

/// <summary>
/// Well-known organisations by name, and the words that end or start an organisation's name ("… Inc",
/// "… University", "Bank of …"). Names that are also plain words ("apple", "target", "shell") are left out.
/// </summary>
internal static class Organizations
{
    public static readonly WordPhrases Known = new(
    [
        "google", "microsoft", "amazon", "facebook", "netflix", "walmart", "costco", "starbucks", "mcdonald's",
        "mcdonalds", "ibm", "i b m", "intel", "nvidia", "oracle", "samsung", "sony", "toyota", "honda", "tesla",
        "boeing", "verizon", "comcast", "paypal", "mastercard", "fedex", "dhl", "walgreens", "cvs", "c v s",
        "home depot", "best buy", "coca cola", "pepsi", "nike", "adidas", "disney", "youtube", "twitter",
        "instagram", "linkedin", "uber", "lyft", "airbnb", "spotify", "chase bank", "wells fargo",
        "bank of america", "citibank", "citigroup", "goldman sachs", "morgan stanley", "jpmorgan", "j p morgan",
        "american express", "geico", "state farm", "allstate", "progressive insurance", "kaiser permanente",
        "blue cross", "medicare", "medicaid", "nasa", "fbi", "f b i", "cia", "c i a", "irs", "i r s", "nato",
        "united nations", "unicef", "red cross", "cnn", "c n n", "bbc", "b b c", "nbc", "n b c", "cbs", "c b s",
        "espn", "fox news", "new york times", "washington post", "harvard", "stanford", "yale", "princeton",
        "m i t", "mit", "columbia university", "oxford", "berkeley", "ucla", "u c l a", "mayo clinic",
        "cleveland clinic", "johns hopkins", "microsoft corporation", "general motors", "general electric",
        "ford motor company", "exxon", "chevron", "at and t", "t mobile", "sprint", "delta airlines",
        "united airlines", "american airlines", "southwest airlines", "assemblyai", "assembly ai", "openai",
        "open ai",
    ]);

    /// <summary>"Acme Corporation", "Northwest General Hospital", "Lincoln High School".</summary>
    public static readonly IReadOnlySet<string> NameEndings = new HashSet<string>(
    [
        "inc", "inc.", "incorporated", "corporation", "corp", "corp.", "llc", "ltd", "ltd.", "limited", "company",
        "co.", "group", "holdings", "bank", "university", "college", "hospital", "institute", "foundation",
        "airlines", "airline", "insurance", "associates", "partners", "clinic", "school", "academy", "agency",
        "department", "motors", "industries", "technologies", "systems", "solutions", "labs", "laboratories",
        "pharmaceuticals", "enterprises", "consulting", "society", "association", "council", "church",
    ], StringComparer.Ordinal);

    /// <summary>"University of Alaska", "Bank of America".</summary>
    public static readonly IReadOnlySet<string> NameStarts = new HashSet<string>(
        ["university", "bank", "college", "institute", "department", "church", "museum"],
        StringComparer.Ordinal);

    /// <summary>Descriptive words that belong to many names even though they are common ("First National Bank").</summary>
    public static readonly IReadOnlySet<string> NameWords = new HashSet<string>(
    [
        "first", "national", "american", "united", "general", "state", "community", "federal", "international",
        "global", "royal", "memorial", "regional", "central", "city", "county", "high", "middle", "elementary",
        "medical", "savings", "trust", "mutual", "children's", "saint", "st", "st.", "new", "north", "south",
        "east", "west",
    ], StringComparer.Ordinal);
}
