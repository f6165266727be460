namespace WebApp.Transcription.Redaction;

/// <summary>Short closed word lists for the policies that are a matter of vocabulary.</summary>
internal static class Vocabularies
{
    public static readonly WordPhrases Events = new(
    [
        "christmas", "christmas eve", "easter", "thanksgiving", "halloween", "hanukkah", "chanukah", "passover",
        "yom kippur", "rosh hashanah", "ramadan", "eid", "diwali", "kwanzaa", "new year's", "new year's eve",
        "new year's day", "valentine's day", "saint patrick's day", "st patrick's day", "mother's day",
        "father's day", "memorial day", "labor day", "independence day", "fourth of july", "4th of july",
        "veterans day", "martin luther king day", "presidents day", "cinco de mayo", "mardi gras", "super bowl",
        "world cup", "olympics", "olympic games", "world series", "coachella", "burning man", "black friday",
        "cyber monday", "lunar new year", "chinese new year", "oktoberfest", "comic con",
    ]);

    public static readonly WordPhrases Religions = new(
    [
        "christian", "christians", "christianity", "catholic", "catholics", "catholicism", "protestant",
        "protestants", "baptist", "methodist", "lutheran", "presbyterian", "evangelical", "mormon", "mormons",
        "jehovah's witness", "orthodox", "muslim", "muslims", "islam", "islamic", "jewish", "jew", "jews",
        "judaism", "hindu", "hindus", "hinduism", "buddhist", "buddhists", "buddhism", "sikh", "sikhs", "sikhism",
        "atheist", "atheists", "agnostic", "pagan", "wiccan", "taoist", "shinto", "quaker", "amish",
    ]);

    public static readonly WordPhrases PoliticalAffiliations = new(
    [
        "republican", "republicans", "democrat", "democrats", "democratic party", "republican party", "gop",
        "g o p", "libertarian", "libertarians", "green party", "socialist", "socialists", "communist",
        "communists", "progressive", "progressives", "conservative", "conservatives", "liberal", "liberals",
        "tory", "tories", "labour party", "maga", "tea party", "independent voter",
    ]);

    public static readonly WordPhrases ZodiacSigns = new(
    [
        "aries", "taurus", "gemini", "leo", "virgo", "libra", "scorpio", "sagittarius", "capricorn", "aquarius",
        "pisces", "cancer",
    ]);

    /// <summary>"Cancer" and "Leo" are also a disease and a name: signs only with "sign" or "zodiac" near.</summary>
    public static readonly IReadOnlySet<string> ZodiacNeedingCue = new HashSet<string>(["cancer", "leo"], StringComparer.Ordinal);

    public static readonly WordPhrases ZodiacCues = new(["sign", "zodiac", "star sign", "horoscope", "i'm a", "i am a"]);

    public static readonly WordPhrases MaritalStatuses = new(
    [
        "married", "divorced", "widowed", "widow", "widower", "separated", "engaged", "single", "ex wife",
        "ex-wife", "ex husband", "ex-husband", "fiance", "fiancee", "common law", "remarried", "unmarried",
    ]);

    /// <summary>"Single", "separated" and "engaged" are everyday words unless said of a person ("I'm single").</summary>
    public static readonly IReadOnlySet<string> MaritalNeedingCue = new HashSet<string>(["single", "separated", "engaged"], StringComparer.Ordinal);

    public static readonly WordPhrases MaritalCues = new(
        ["i'm", "i am", "we're", "we are", "he's", "she's", "he is", "she is", "they're", "got", "getting", "recently", "currently", "was", "were"]);

    public static readonly WordPhrases Occupations = new(
    [
        "doctor", "physician", "surgeon", "nurse", "dentist", "pharmacist", "therapist", "psychologist",
        "psychiatrist", "teacher", "professor", "lawyer", "attorney", "judge", "engineer", "software engineer",
        "programmer", "developer", "accountant", "c p a", "cpa", "architect", "scientist", "police officer",
        "cop", "firefighter", "paramedic", "electrician", "plumber", "carpenter", "mechanic", "pilot", "chef",
        "cook", "waiter", "waitress", "bartender", "cashier", "salesman", "saleswoman", "manager", "receptionist",
        "secretary", "journalist", "reporter", "writer", "author", "artist", "musician", "actor", "actors",
        "actress", "farmer", "soldier", "veteran", "truck driver", "driver", "janitor", "librarian", "banker",
        "consultant", "analyst", "designer", "photographer", "social worker", "student",
    ]);

    public static readonly WordPhrases Nationalities = new(
    [
        "american", "americans", "mexican", "canadian", "british", "english", "irish", "scottish", "welsh",
        "french", "german", "italian", "spanish", "portuguese", "dutch", "swedish", "norwegian", "danish",
        "finnish", "polish", "russian", "ukrainian", "greek", "turkish", "chinese", "japanese", "korean",
        "vietnamese", "filipino", "thai", "indian", "pakistani", "bangladeshi", "iranian", "iraqi", "israeli",
        "egyptian", "nigerian", "kenyan", "ethiopian", "south african", "brazilian", "argentinian", "colombian",
        "cuban", "puerto rican", "dominican", "salvadoran", "guatemalan", "haitian", "jamaican", "australian",
        "asian", "african", "african american", "hispanic", "latino", "latina", "latinx", "caucasian", "arab",
        "european", "native american",
    ]);

    public static readonly WordPhrases Languages = new(
    [
        "english", "spanish", "french", "german", "italian", "portuguese", "dutch", "swedish", "norwegian",
        "danish", "finnish", "polish", "russian", "ukrainian", "greek", "turkish", "chinese", "mandarin",
        "cantonese", "japanese", "korean", "vietnamese", "tagalog", "thai", "hindi", "urdu", "bengali", "punjabi",
        "tamil", "arabic", "hebrew", "farsi", "persian", "swahili", "amharic", "somali", "latin", "sign language",
        "american sign language", "creole", "haitian creole",
    ]);

    /// <summary>A word in both lists is a language only when speaking is mentioned: "I speak French", "in Spanish".</summary>
    public static readonly WordPhrases LanguageCues = new(
    [
        "speak", "speaks", "spoke", "speaking", "fluent", "fluent in", "in", "learn", "learning", "learned",
        "study", "studying", "translate", "translated", "into", "native", "understand", "language", "languages",
        "bilingual", "and",
    ]);

    public static readonly WordPhrases GenderSexuality = new(
    [
        "male", "female", "transgender", "trans", "nonbinary", "non binary", "non-binary", "gay", "lesbian",
        "bisexual", "queer", "asexual", "pansexual", "heterosexual", "homosexual", "cisgender", "intersex",
        "lgbt", "lgbtq",
    ]);
}
