namespace WebApp.Transcription.Redaction;

/// <summary>
/// Frequent English words that are never a name, a street or a company on their own. Detectors that take "the word
/// after a cue" ("my name is …", "… street") use this list to refuse "my name is not important" or "a busy street".
/// </summary>
internal static class CommonWords
{
    public static bool Contains(string word) => Words.Contains(word);

    private static readonly HashSet<string> Words = new(
    [
        // Function words.
        "a", "an", "the", "this", "that", "these", "those", "and", "or", "but", "nor", "so", "yet", "if", "then", "than",
        "because", "as", "at", "by", "for", "from", "in", "into", "of", "off", "on", "onto", "out", "over", "to", "up",
        "down", "with", "without", "about", "above", "after", "again", "against", "along", "among", "around", "before",
        "behind", "below", "beneath", "beside", "between", "beyond", "during", "except", "inside", "near", "outside",
        "since", "through", "throughout", "toward", "towards", "under", "until", "upon", "within", "via", "per",
        "i", "me", "my", "mine", "myself", "you", "your", "yours", "yourself", "he", "him", "his", "himself", "she", "her",
        "hers", "herself", "it", "its", "itself", "we", "us", "our", "ours", "ourselves", "they", "them", "their",
        "theirs", "themselves", "who", "whom", "whose", "which", "what", "when", "where", "why", "how", "whatever",
        "i'm", "i'll", "i've", "i'd", "you're", "you'll", "you've", "he's", "she's", "it's", "we're", "they're",
        "that's", "there's", "here's", "what's", "let's", "don't", "doesn't", "didn't", "can't", "won't", "isn't",
        "aren't", "wasn't", "weren't", "couldn't", "wouldn't", "shouldn't", "haven't", "hasn't", "hadn't",
        "is", "am", "are", "was", "were", "be", "been", "being", "do", "does", "did", "done", "doing", "have", "has",
        "had", "having", "can", "could", "will", "would", "shall", "should", "may", "might", "must", "ought",
        "not", "no", "yes", "yeah", "okay", "ok", "oh", "well", "please", "thanks", "thank", "sorry", "hello", "hi",
        "hey", "bye", "goodbye", "sure", "right", "really", "very", "just", "only", "also", "too", "even", "still",
        "already", "almost", "always", "never", "ever", "often", "sometimes", "usually", "now", "here", "there",
        "today", "tomorrow", "yesterday", "tonight", "soon", "later", "early", "late", "once", "twice", "all", "any",
        "some", "every", "each", "both", "either", "neither", "few", "many", "much", "more", "most", "less", "least",
        "other", "another", "such", "same", "own", "enough", "several", "whole", "anyone", "anybody", "anything",
        "someone", "somebody", "something", "everyone", "everybody", "everything", "nobody", "nothing", "none",
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "first", "second", "third",
        "last", "next", "um", "uh",

        // Common verbs, nouns and adjectives heard right after "my name is", "this is", "doctor" or before "street".
        "speaking", "calling", "back", "talking", "going", "coming", "looking", "trying", "getting",
        "fine", "good", "great", "happy", "glad", "ready", "busy", "new", "old", "big", "small", "little", "long",
        "short", "high", "low", "open", "closed", "nice", "bad", "best", "better", "worst", "free", "full",
        "real", "true", "wrong", "important", "different", "local", "nearby", "nearest", "quiet",
        "appointment", "office", "visit", "said", "says", "told", "asked", "called", "named", "wants", "wanted",
        "know", "knows", "think", "thinks", "see", "sees", "saw", "say", "tell", "ask", "call", "get", "got", "go",
        "went", "gone", "come", "came", "make", "made", "take", "took", "give", "gave", "find", "found", "work",
        "works", "worked", "live", "lives", "lived", "want", "need", "needs", "like", "likes", "love", "hate", "help",
        "feel", "felt", "look", "looks", "looked", "seem", "seems", "keep", "kept", "let", "put", "run", "set",
        "way", "thing", "things", "time", "times", "day", "days", "week", "year", "years", "people", "person", "man",
        "woman", "child", "kids", "family", "friend", "friends", "guy", "guys", "lady", "sir", "madam", "ma'am",
        "name", "number", "phone", "email", "address", "home", "house", "street", "road", "city", "town", "place",
        "school", "company", "business", "bank", "money", "car", "job", "team", "group", "part", "side", "end",
        "top", "bottom", "front", "middle", "line", "point", "case", "fact", "idea", "problem", "question", "answer",
        "reason", "world", "country", "state", "area", "room", "door", "water", "food", "story", "word", "words",
        "doctor", "nurse", "patient", "hospital", "store", "shop", "market", "center", "park", "church",
        "one's", "it'll", "who's", "where's", "gonna", "wanna", "kind", "sort", "lot", "bit", "minute", "hour",
        "website", "site", "web", "online", "page", "link", "account", "profile",
    ], StringComparer.Ordinal);
}
