namespace WebApp.Transcription.Redaction;

/// <summary>
/// US states, large US and world cities, countries and continents, in the recognizer's spelling (lower case, one
/// word per word). <see cref="NeedsPreposition"/> are also everyday words or first names ("turkey", "mobile",
/// "charlotte"): they count as places only after "in", "from", "to" and the like.
/// </summary>
internal static class Places
{
    public static readonly WordPhrases Names = new(
    [
        // States and the federal district.
        "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut", "delaware", "florida",
        "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas", "kentucky", "louisiana", "maine",
        "maryland", "massachusetts", "michigan", "minnesota", "mississippi", "missouri", "montana", "nebraska",
        "nevada", "new hampshire", "new jersey", "new mexico", "new york", "north carolina", "north dakota", "ohio",
        "oklahoma", "oregon", "pennsylvania", "rhode island", "south carolina", "south dakota", "tennessee", "texas",
        "utah", "vermont", "virginia", "washington", "west virginia", "wisconsin", "wyoming", "district of columbia",
        "washington d c", "puerto rico",

        // US cities.
        "new york city", "los angeles", "chicago", "houston", "phoenix", "philadelphia", "san antonio", "san diego",
        "dallas", "san jose", "austin", "jacksonville", "fort worth", "columbus", "charlotte", "san francisco",
        "indianapolis", "seattle", "denver", "boston", "el paso", "nashville", "detroit", "oklahoma city", "portland",
        "las vegas", "memphis", "louisville", "baltimore", "milwaukee", "albuquerque", "tucson", "fresno",
        "sacramento", "kansas city", "mesa", "atlanta", "omaha", "colorado springs", "raleigh", "long beach",
        "virginia beach", "miami", "oakland", "minneapolis", "tulsa", "tampa", "arlington", "new orleans",
        "wichita", "cleveland", "bakersfield", "aurora", "anaheim", "honolulu", "santa ana", "riverside",
        "corpus christi", "lexington", "stockton", "saint louis", "st louis", "pittsburgh", "saint paul",
        "cincinnati", "anchorage", "greensboro", "plano", "newark", "lincoln", "orlando", "irvine", "toledo",
        "jersey city", "chula vista", "durham", "fort wayne", "st petersburg", "laredo", "buffalo", "madison",
        "lubbock", "chandler", "scottsdale", "reno", "glendale", "norfolk", "winston salem", "boise", "richmond",
        "baton rouge", "des moines", "spokane", "birmingham", "rochester", "salt lake city", "savannah",
        "brooklyn", "queens", "manhattan", "the bronx", "staten island", "hollywood", "silicon valley",
        "palo alto", "berkeley", "cambridge", "princeton", "ann arbor", "santa monica", "pasadena", "hartford",
        "providence", "burlington", "charleston", "knoxville", "chattanooga", "mobile", "jackson",
        "little rock", "tallahassee", "gainesville", "key west", "fort lauderdale", "miami beach", "albany",
        "syracuse", "trenton", "dover", "annapolis", "juneau", "helena", "cheyenne", "bismarck",
        "pierre", "topeka", "springfield", "montgomery", "santa fe", "carson city", "olympia", "salem",

        // Countries.
        "afghanistan", "albania", "algeria", "argentina", "armenia", "australia", "austria", "azerbaijan",
        "bahamas", "bangladesh", "belarus", "belgium", "belize", "bolivia", "bosnia", "botswana", "brazil",
        "bulgaria", "cambodia", "cameroon", "canada", "chile", "china", "colombia", "congo", "costa rica",
        "croatia", "cuba", "cyprus", "czech republic", "czechia", "denmark", "dominican republic", "ecuador",
        "egypt", "el salvador", "england", "estonia", "ethiopia", "fiji", "finland", "france", "germany", "ghana",
        "great britain", "greece", "guatemala", "haiti", "honduras", "hong kong", "hungary", "iceland", "india",
        "indonesia", "iran", "iraq", "ireland", "israel", "italy", "jamaica", "japan", "jordan", "kazakhstan",
        "kenya", "korea", "north korea", "south korea", "kuwait", "laos", "latvia", "lebanon", "liberia", "libya",
        "lithuania", "luxembourg", "madagascar", "malaysia", "mali", "malta", "mexico", "moldova", "mongolia",
        "morocco", "mozambique", "myanmar", "nepal", "netherlands", "holland", "new zealand", "nicaragua",
        "niger", "nigeria", "norway", "oman", "pakistan", "palestine", "panama", "paraguay", "peru",
        "philippines", "poland", "portugal", "qatar", "romania", "russia", "rwanda", "saudi arabia", "scotland",
        "senegal", "serbia", "singapore", "slovakia", "slovenia", "somalia", "south africa", "spain", "sri lanka",
        "sudan", "sweden", "switzerland", "syria", "taiwan", "tanzania", "thailand", "tunisia", "turkey", "uganda",
        "ukraine", "united arab emirates", "united kingdom", "united states", "united states of america", "america",
        "uruguay", "uzbekistan", "venezuela", "vietnam", "wales", "yemen", "zambia", "zimbabwe", "u s", "u k",
        "the u s", "the u k", "usa", "u s a", "u.s.", "u.s.a.", "u.k.",

        // World cities and continents.
        "london", "paris", "berlin", "madrid", "rome", "milan", "venice", "florence", "amsterdam", "brussels",
        "vienna", "prague", "warsaw", "budapest", "athens", "istanbul", "moscow", "dublin", "edinburgh", "lisbon",
        "barcelona", "munich", "zurich", "geneva", "stockholm", "oslo", "copenhagen", "helsinki", "toronto",
        "montreal", "vancouver", "ottawa", "calgary", "mexico city", "havana", "bogota", "lima", "santiago",
        "buenos aires", "rio de janeiro", "sao paulo", "cairo", "lagos", "nairobi", "johannesburg", "cape town",
        "dubai", "tel aviv", "jerusalem", "mumbai", "delhi", "new delhi", "bangalore", "beijing", "shanghai",
        "tokyo", "osaka", "kyoto", "seoul", "bangkok", "manila", "jakarta", "hanoi", "sydney", "melbourne",
        "auckland", "africa", "asia", "europe", "north america", "south america", "antarctica",
    ]);

    public static readonly IReadOnlySet<string> NeedsPreposition = new HashSet<string>(
    [
        "turkey", "china", "jordan", "chile", "mobile", "buffalo", "reading", "jackson", "lincoln", "madison",
        "charlotte", "austin", "houston", "dallas", "phoenix", "aurora", "savannah", "florence", "sydney", "paris",
        "virginia", "georgia", "victoria", "richmond", "chandler", "durham", "orlando", "montgomery", "salem",
        "dover", "helena", "pierre", "columbus", "cleveland", "arlington", "lexington", "washington", "holland",
        "america", "mesa", "plano", "reno", "niger", "wales", "queens", "santiago", "lima", "springfield",
    ], StringComparer.Ordinal);

    /// <summary>Words that make the next word a place: "in turkey", "flew to paris", "born in georgia".</summary>
    public static readonly WordPhrases Prepositions = new(
    [
        "in", "from", "to", "at", "near", "visit", "visited", "visiting", "live", "lives", "lived", "living",
        "moved", "move", "around", "outside", "across", "through", "toward", "towards", "into", "city of",
        "state of", "downtown", "northern", "southern", "eastern", "western", "central", "north", "south", "east",
        "west", "back to", "trip", "flight", "flew", "drove",
    ]);
}
