using System.Diagnostics;
using System.Globalization;
using WebApp.Transcription.Formatting;
using WebApp.Transcription.Model;
using WebApp.Transcription.Redaction;

namespace Verbatim.Bench;

/// <summary>
/// Precision and recall of PII detection on labelled sentences written the way the recognizer outputs speech
/// (lower case, numbers spelled out, "," and "|" for short and long pauses). Each sentence is formatted first, as
/// the worker does, then searched for every supported policy at once. A found entity is correct when its policy
/// matches a labelled one and their times overlap ("lenient"), or coincide ("exact"). The labels were written as a
/// person would mark the PII, including cases the rules are known to miss, so the figures are not tuned to 100%.
/// </summary>
internal sealed class PiiBench : IBenchSection
{
    private const int WordMs = 300;
    private const int GapMs = 100;
    private const int CommaPauseMs = 400;
    private const int SentencePauseMs = 900;

    public string Name => "pii";

    public string Description => "PII redaction precision/recall on labelled spoken sentences";

    public Task RunAsync(BenchContext context)
    {
        Run(Console.Out);
        return Task.CompletedTask;
    }

    public static void Run(TextWriter output)
    {
        var tallies = new SortedDictionary<string, Tally>(StringComparer.Ordinal);
        Tally Of(string policy) => tallies.TryGetValue(policy, out var tally) ? tally : tallies[policy] = new Tally();
        var exact = new Tally();
        var misses = new List<string>();

        foreach (var sentence in Sentences)
        {
            var words = Spoken(sentence.Script);
            var gold = new List<GoldSpan>();
            foreach (var label in sentence.Gold)
            {
                // The same words labelled twice ("emily … emily") are two occurrences, in order.
                gold.Add(label.Locate(sentence.Script, words, after: gold.LastOrDefault(g => g.Spoken == label.Spoken)?.Start ?? -1));
            }

            var found = PiiRedactor.Detect(TranscriptFormatter.Format(words, FormattingOptions.AssemblyAiDefaults), [.. PiiPolicy.Supported]);

            foreach (var label in gold)
            {
                var hit = found.Any(entity => entity.Policy == label.Policy && Overlap(entity, label));
                Of(label.Policy).Add(goldHit: hit);
                exact.Add(goldHit: found.Any(entity => entity.Policy == label.Policy && entity.Start == label.Start && entity.End == label.End));
                if (!hit)
                {
                    misses.Add($"missed {label.Policy} \"{label.Spoken}\" in \"{sentence.Script}\"");
                }
            }

            foreach (var entity in found)
            {
                var correct = gold.Any(label => label.Policy == entity.Policy && Overlap(entity, label));
                Of(entity.Policy).Add(foundCorrect: correct);
                exact.Add(foundCorrect: gold.Any(label => label.Policy == entity.Policy && entity.Start == label.Start && entity.End == label.End));
                if (!correct)
                {
                    misses.Add($"wrong  {entity.Policy} \"{entity.Text}\" in \"{sentence.Script}\"");
                }
            }
        }

        output.WriteLine($"  {Sentences.Length} sentences, {Sentences.Sum(s => s.Gold.Length)} labelled entities");
        output.WriteLine($"  {"policy",-28} {"labels",6} {"found",6} {"precision",10} {"recall",8}");
        foreach (var (policy, tally) in tallies)
        {
            output.WriteLine($"  {policy,-28} {tally.Labels,6} {tally.Found,6} {tally.Precision,10} {tally.Recall,8}");
        }

        var overall = tallies.Values.Aggregate(new Tally(), (sum, tally) => sum.Plus(tally));
        output.WriteLine($"  {"overall (overlapping spans)",-28} {overall.Labels,6} {overall.Found,6} {overall.Precision,10} {overall.Recall,8}");
        output.WriteLine($"  {"overall (exact spans)",-28} {exact.Labels,6} {exact.Found,6} {exact.Precision,10} {exact.Recall,8}");
        output.WriteLine($"  {"format + detect speed",-28} {WordsPerSecond():N0} words/s");
        foreach (var miss in misses)
        {
            output.WriteLine($"    {miss}");
        }
    }

    private static bool Overlap(PiiEntity entity, GoldSpan label) => entity.Start < label.End && label.Start < entity.End;

    /// <summary>Formatting and detection time over the whole set, repeated, as words per second of one core.</summary>
    private static double WordsPerSecond()
    {
        var transcripts = Sentences.Select(sentence => Spoken(sentence.Script)).ToList();
        var stopwatch = Stopwatch.StartNew();
        var words = 0;
        for (var round = 0; round < 20; round++)
        {
            foreach (var transcript in transcripts)
            {
                PiiRedactor.Detect(TranscriptFormatter.Format(transcript, FormattingOptions.AssemblyAiDefaults), [.. PiiPolicy.Supported]);
                words += transcript.Count;
            }
        }

        return words / stopwatch.Elapsed.TotalSeconds;
    }

    /// <summary>Recognizer-style words for a script: 300 ms per word, 100 ms gaps, longer at "," and "|".</summary>
    private static List<Word> Spoken(string script)
    {
        var words = new List<Word>();
        var time = 0;
        var gap = 0;
        foreach (var part in script.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part is "," or "|")
            {
                gap = part == "," ? CommaPauseMs : SentencePauseMs;
                continue;
            }

            time += words.Count == 0 ? 0 : gap;
            words.Add(new Word(part, time, time + WordMs, 0.9));
            time += WordMs;
            gap = GapMs;
        }

        return words;
    }

    private sealed class Tally
    {
        public int Labels { get; private set; }

        public int Found { get; private set; }

        private int labelsHit;
        private int findingsCorrect;

        public string Precision => Found == 0 ? "-" : (findingsCorrect / (double)Found).ToString("P0", CultureInfo.InvariantCulture);

        public string Recall => Labels == 0 ? "-" : (labelsHit / (double)Labels).ToString("P0", CultureInfo.InvariantCulture);

        public void Add(bool? goldHit = null, bool? foundCorrect = null)
        {
            if (goldHit is { } hit)
            {
                Labels++;
                labelsHit += hit ? 1 : 0;
            }

            if (foundCorrect is { } correct)
            {
                Found++;
                findingsCorrect += correct ? 1 : 0;
            }
        }

        public Tally Plus(Tally other) => new()
        {
            Labels = Labels + other.Labels,
            Found = Found + other.Found,
            labelsHit = labelsHit + other.labelsHit,
            findingsCorrect = findingsCorrect + other.findingsCorrect,
        };
    }

    /// <summary>A labelled entity: its policy and the spoken words it is, located by time in the script.</summary>
    private sealed record GoldSpan(string Policy, string Spoken, int Start, int End);

    private sealed record Label(string Policy, string Spoken)
    {
        /// <param name="after">Only an occurrence starting later than this time counts.</param>
        public GoldSpan Locate(string script, List<Word> words, int after)
        {
            string[] target = [.. Spoken.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(part => part is not ("," or "|"))];
            for (var start = 0; start + target.Length <= words.Count; start++)
            {
                if (words[start].Start > after && target.Select((part, k) => words[start + k].Text == part).All(matched => matched))
                {
                    return new GoldSpan(Policy, Spoken, words[start].Start, words[start + target.Length - 1].End);
                }
            }

            throw new InvalidOperationException($"Label \"{Spoken}\" is not in \"{script}\".");
        }
    }

    private sealed record LabelledSentence(string Script, Label[] Gold);

    /// <summary>A sentence and its labels, each "policy: spoken words".</summary>
    private static LabelledSentence S(string script, params string[] labels) =>
        new(script, [.. labels.Select(label => label.Split(": ", 2)).Select(parts => new Label(parts[0], parts[1]))]);

    private static readonly LabelledSentence[] Sentences =
    [
        // Person names.
        S("hi my name is jennifer lopez and i'm calling about my bill", "person_name: jennifer lopez"),
        S("this is doctor raymond okafor from the clinic", "person_name: raymond okafor", "occupation: doctor"),
        S("can i speak with michael please", "person_name: michael"),
        S("my manager kwame said it was fine", "person_name: kwame", "occupation: manager"),
        S("i sent it to priya and tom yesterday", "person_name: priya", "person_name: tom"),
        S("mister hernandez will call you back", "person_name: hernandez"),
        S("her name is olivia brown", "person_name: olivia brown"),
        S("bill and grace went to the store", "person_name: bill", "person_name: grace"),
        S("i talked to the new guy named tyrese", "person_name: tyrese"),
        S("tell ms park i said thanks", "person_name: park"),
        S("the account holder is david chen", "person_name: david chen"),
        S("our ceo jane doe announced it on monday", "person_name: jane doe"),

        // Email and web addresses.
        S("my email is sarah dot miller at gmail dot com", "email_address: sarah dot miller at gmail dot com"),
        S("you can reach me at j smith at outlook dot com", "email_address: j smith at outlook dot com"),
        S("send the file to support at acme dot io", "email_address: support at acme dot io"),
        S("check out our website at example dot com", "url: example dot com"),

        // Phone numbers.
        S("call me at four one five five five five two six seven one", "phone_number: four one five five five five two six seven one"),
        S("my number is two zero six , eight eight one , four four two two", "phone_number: two zero six , eight eight one , four four two two"),
        S("the office line is one eight hundred five five five zero one nine nine", "phone_number: one eight hundred five five five zero one nine nine"),
        S("text me on seven one eight five five five three three four four", "phone_number: seven one eight five five five three three four four"),
        S("dial five five five nine eight seven six", "phone_number: five five five nine eight seven six"),

        // Card, social security, bank and account numbers.
        S("my card number is four four eight five , two seven five seven , four two three zero , eight three two seven",
            "credit_card_number: four four eight five , two seven five seven , four two three zero , eight three two seven"),
        S("the visa is four one one one one one one one one one one one one one one one",
            "credit_card_number: four one one one one one one one one one one one one one one one"),
        S("use the mastercard five one zero five one zero five one zero five one zero five one zero zero",
            "organization: mastercard", "credit_card_number: five one zero five one zero five one zero five one zero five one zero zero"),
        S("the tracking number is one two three four five six seven eight nine zero one two three four five six",
            "number_sequence: one two three four five six seven eight nine zero one two three four five six"),
        S("my social security number is five three six , two two , four four one nine", "us_social_security_number: five three six , two two , four four one nine"),
        S("ssn is one two three four five six seven eight nine", "us_social_security_number: one two three four five six seven eight nine"),
        S("the serial is five three six two two four four one nine", "number_sequence: five three six two two four four one nine"),
        S("my routing number is zero two one zero zero zero zero two one", "banking_information: zero two one zero zero zero zero two one"),
        S("my checking account number is four four five five six six seven seven", "banking_information: four four five five six six seven seven"),
        S("my member id is eight eight two one nine three", "account_number: eight eight two one nine three"),
        S("policy number one zero zero four two nine nine two", "account_number: one zero zero four two nine nine two"),
        S("the cvv on the back is three four seven", "credit_card_cvv: three four seven"),

        // Dates.
        S("the appointment is on march third", "date: march third"),
        S("i was born on july fourth nineteen seventy six", "date_of_birth: july fourth nineteen seventy six"),
        S("my date of birth is the twelfth of october nineteen eighty eight", "date_of_birth: twelfth of october nineteen eighty eight"),
        S("we closed the deal on december first twenty twenty two", "date: december first twenty twenty two"),
        S("she was born in nineteen ninety five", "date_of_birth: nineteen ninety five"),
        S("back in january twenty nineteen we moved", "date_interval: january twenty nineteen"),

        // Locations.
        S("i live at two two one baker street", "location: two two one baker street"),
        S("we moved from ohio to florida", "location: ohio", "location: florida"),
        S("ship it to four fifty park avenue apartment twelve", "location: four fifty park avenue apartment twelve"),
        S("she grew up in paris", "location: paris"),
        S("my office is in san diego california", "location: san diego", "location: california"),
        S("the zip code is nine four one zero three", "location: nine four one zero three"),
        S("the weather in boston will be sunny with highs near seventy", "location: boston"),

        // Organizations.
        S("i work for microsoft", "organization: microsoft"),
        S("she's a nurse at mercy general hospital", "organization: mercy general hospital", "occupation: nurse"),
        S("he graduated from the university of texas", "organization: university of texas"),
        S("we bank with wells fargo", "organization: wells fargo"),
        S("initech corporation laid off staff", "organization: initech corporation"),
        S("the lakers won last night", "organization: lakers"),

        // Health.
        S("i was diagnosed with type two diabetes last year", "medical_condition: type two diabetes"),
        S("he takes lisinopril for high blood pressure", "drug: lisinopril", "medical_condition: high blood pressure"),
        S("she had a stroke in june", "medical_condition: stroke", "date_interval: june"),
        S("my son has asthma and takes albuterol", "medical_condition: asthma", "drug: albuterol"),
        S("i broke my wrist playing soccer", "injury: broke my wrist"),
        S("he needs a colonoscopy next month", "medical_process: colonoscopy"),
        S("blood type is b negative", "blood_type: b negative"),

        // Amounts, times, ages.
        S("i'm thirty four years old", "person_age: thirty four"),
        S("the rent is twelve hundred dollars a month", "money_amount: twelve hundred dollars"),
        S("let's meet at two thirty p m", "time: two thirty p m"),
        S("i've been waiting for forty five minutes", "duration: forty five minutes"),

        // Vocabularies.
        S("we celebrate hanukkah every year", "event: hanukkah"),
        S("i'm a registered republican", "political_affiliation: republican"),
        S("my wife is jewish", "religion: jewish"),
        S("i'm a gemini", "zodiac_sign: gemini"),
        S("we got divorced in twenty eighteen", "marital_status: divorced", "date_interval: twenty eighteen"),
        S("she speaks spanish and french", "language: spanish", "language: french"),
        S("he is a software engineer", "occupation: software engineer"),
        S("my grandmother was irish", "nationality: irish"),
        S("the patient is a sixty year old male", "person_age: sixty", "gender_sexuality: male"),

        // Several at once.
        S("hi this is carlos rivera my phone is three one two five five five eight eight two one and i live in chicago",
            "person_name: carlos rivera", "phone_number: three one two five five five eight eight two one", "location: chicago"),
        S("please email tom at acme dot com about invoice seven seven four one two",
            "email_address: tom at acme dot com", "number_sequence: seven seven four one two"),
        S("mrs alvarez paid two hundred dollars on may fifth", "person_name: alvarez", "money_amount: two hundred dollars", "date: may fifth"),

        // Written after the rules, to check them on sentences they were not shaped by.
        S("my doctor told me to rest", "occupation: doctor"),
        S("the new york times reported it", "organization: new york times"),
        S("we flew delta to atlanta", "organization: delta", "location: atlanta"),
        S("my daughter goes to lincoln elementary school", "organization: lincoln elementary school"),
        S("the fbi called about case number four four one two eight", "organization: fbi", "number_sequence: four four one two eight"),
        S("send it to one twenty three oak lane springfield", "location: one twenty three oak lane", "location: springfield"),
        S("i'm allergic to penicillin", "drug: penicillin"),
        S("he served in the army for ten years", "duration: ten years"),
        S("my husband is a retired police officer from denver", "occupation: police officer", "location: denver"),
        S("call dr nguyen at two one two five five five zero one four two", "person_name: nguyen", "phone_number: two one two five five five zero one four two"),
        S("her son emily no her daughter emily has autism", "person_name: emily", "person_name: emily", "medical_condition: autism"),
        S("the package goes to seven seven seven brockton avenue abington massachusetts",
            "location: seven seven seven brockton avenue", "location: abington", "location: massachusetts"),
        S("he's a muslim from pakistan", "religion: muslim", "location: pakistan"),
        S("i owe him fifty bucks", "money_amount: fifty bucks"),
        S("she turned eighty last week", "person_age: eighty"),
        S("i'll call you at five"),
        S("the jury found him guilty"),
        S("she will grace us with her presence"),
        S("we had a single goal"),
        S("turn left on the main road"),

        // No PII: every finding here is a false positive.
        S("the meeting went well and everyone agreed"),
        S("please turn to page forty two"),
        S("we need to mark this as done"),
        S("the store opens early on weekdays"),
        S("one of the best things about summer is the long days"),
        S("we hope you enjoy the show"),
        S("you may leave early"),
        S("let's grab turkey sandwiches"),
        S("that was a stroke of genius"),
        S("it was a great game"),
        S("i looked at the results"),
        S("we need three or four people"),
    ];
}
