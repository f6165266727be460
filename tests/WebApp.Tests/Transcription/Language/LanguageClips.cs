namespace WebApp.Tests.Transcription.Language;

/// <summary>One clip for language identification: how to make it, and whether it is English.</summary>
/// <param name="Language">"en" or the espeak-ng language the speech is in.</param>
/// <param name="Source">What speaks it: "flite:kal16", "espeak:de+m3", "librivox", "cards".</param>
/// <param name="Make">Writes the clip into the given directory and returns its path.</param>
public sealed record LanguageClip(string Language, string Source, string Text, Func<string, string> Make)
{
    public bool IsEnglish => Language == "en";
}

/// <summary>
/// Speech for calibrating and measuring the language identifier, generated on the machine (espeak-ng in many languages,
/// flite and espeak-ng English) plus Debian's real English recordings. <see cref="Calibration"/> and
/// <see cref="HeldOut"/> share no text and no recording, so the held-out figures are not the fit's own.
/// </summary>
public static class LanguageClips
{
    private static readonly Dictionary<string, (string[] Calibration, string[] HeldOut)> Foreign = new()
    {
        ["de"] = (["Der Zug nach Hamburg fährt heute eine halbe Stunde später ab, weil es auf der Strecke einen Unfall gegeben hat.",
                   "Meine Großmutter hat jeden Sonntag einen Apfelkuchen gebacken und die ganze Familie zum Kaffee eingeladen."],
                  ["Wir haben uns im Sommer ein kleines Haus am See gemietet und sind jeden Morgen schwimmen gegangen.",
                   "Die Stadtverwaltung hat beschlossen, die alte Brücke im nächsten Frühjahr vollständig zu erneuern."]),
        ["fr"] = (["Nous sommes allés au marché ce matin pour acheter des légumes frais et du fromage de chèvre.",
                   "Le musée du Louvre accueille chaque année des millions de visiteurs venus du monde entier."],
                  ["Mon frère travaille dans une petite boulangerie près de la gare depuis plus de dix ans.",
                   "Il faut absolument que tu viennes dîner chez nous samedi soir avec tes enfants."]),
        ["es"] = (["Mañana por la mañana vamos a visitar a mis abuelos que viven en un pueblo cerca de la montaña.",
                   "El gobierno ha anunciado nuevas medidas para reducir la contaminación en las grandes ciudades."],
                  ["Cuando era pequeño me encantaba jugar al fútbol con mis amigos en la plaza del barrio.",
                   "La biblioteca municipal estará cerrada durante todo el mes de agosto por obras de reforma."]),
        ["it"] = (["Ogni estate andiamo in vacanza al mare con tutta la famiglia e mangiamo il gelato sulla spiaggia.",
                   "Il treno per Firenze è in ritardo di venti minuti a causa di un guasto tecnico."],
                  ["La mia vicina di casa coltiva pomodori e basilico sul suo piccolo balcone.",
                   "Domani sera ci sarà un concerto di musica classica nella piazza principale della città."]),
        ["pt"] = (["Ontem à noite fomos jantar num restaurante novo perto do rio e a comida estava ótima.",
                   "O meu irmão mais velho estuda engenharia na universidade de Lisboa há três anos."],
                  ["Durante o inverno chove muito nesta região e as estradas ficam cheias de lama.",
                   "A professora pediu aos alunos que lessem um livro inteiro durante as férias."]),
        ["nl"] = (["Wij fietsen elke ochtend naar ons werk, ook als het regent en waait.",
                   "De bakker op de hoek verkoopt het lekkerste brood van de hele buurt."],
                  ["Volgende week gaan we met de hele klas naar het museum in Amsterdam.",
                   "Mijn zus heeft een nieuwe baan gevonden bij een groot bedrijf in Rotterdam."]),
        ["pl"] = (["W zeszłym tygodniu pojechaliśmy do Krakowa, żeby odwiedzić naszych przyjaciół ze studiów.",
                   "Moja babcia zawsze gotuje pierogi z kapustą i grzybami na święta Bożego Narodzenia."],
                  ["Jutro rano muszę iść do lekarza, bo od kilku dni boli mnie gardło.",
                   "Nasz pociąg do Warszawy odjeżdża z peronu trzeciego za piętnaście minut."]),
        ["ru"] = (["Вчера вечером мы гуляли по парку и разговаривали о нашей будущей поездке на море.",
                   "Мой отец работает инженером на большом заводе уже больше двадцати лет."],
                  ["Зимой в нашем городе бывает очень холодно, и все носят тёплые шапки.",
                   "Библиотека открыта каждый день с девяти утра до восьми вечера, кроме воскресенья."]),
        ["hi"] = (["मैं हर सुबह अपने दोस्तों के साथ पार्क में दौड़ने जाता हूँ और फिर चाय पीता हूँ।",
                   "मेरी माँ बहुत स्वादिष्ट खाना बनाती हैं और हमें हर रविवार को नई चीज़ें खिलाती हैं।"],
                  ["कल शाम को बहुत तेज़ बारिश हुई और सड़कों पर पानी भर गया।",
                   "हमारे स्कूल में अगले हफ्ते एक बड़ा खेल का मेला लगने वाला है।"]),
        ["cmn"] = (["我们明天早上要去北京看望我的爷爷奶奶，他们住在城市的东边。",
                    "这家饭馆的饺子非常好吃，每天中午都有很多人在门口排队。"],
                   ["今年夏天我和朋友们一起去海边旅行，天气很好，我们玩得很开心。",
                    "图书馆周末开放到晚上九点，很多学生在那里复习功课。"]),
        ["ja"] = (["きのうの よる、ともだちと いっしょに えきの ちかくの レストランで ばんごはんを たべました。",
                   "まいあさ しちじに おきて、いぬと いっしょに こうえんを さんぽします。"],
                  ["らいしゅうの どようびに、かぞくで やまへ ハイキングに いく よていです。",
                   "この まちの としょかんは とても しずかで、べんきょうするのに ちょうど いいです。"]),
        ["tr"] = (["Dün akşam arkadaşlarımla birlikte sahilde yürüyüş yaptık ve balık yedik.",
                   "Annem her sabah kahvaltıda taze ekmek, peynir ve zeytin hazırlar."],
                  ["Gelecek ay İstanbul'a gidip eski okul arkadaşlarımı ziyaret edeceğim.",
                   "Bu kitabı okumayı bitirdikten sonra sana ödünç verebilirim."]),
    };

    private static readonly string[] EnglishCalibration =
    [
        "The committee will meet again next Thursday to review the budget for the new library building.",
        "She walked her dog along the river every evening, even when the weather turned cold and wet.",
        "Please remember to turn off the lights and lock the back door before you leave the office.",
        "Our neighbours planted three apple trees in their garden last spring, and they already have fruit.",
    ];

    private static readonly string[] EnglishHeldOut =
    [
        "The train to Boston was delayed by almost an hour because of a signal problem near the station.",
        "My brother has been working at the small bakery on the corner for more than ten years.",
        "We rented a little cabin by the lake last summer and went swimming every single morning.",
        "The city council decided to rebuild the old bridge completely by the end of next year.",
    ];

    /// <summary>Clips the identifier's coefficients are fitted on.</summary>
    public static IReadOnlyList<LanguageClip> Calibration { get; } = Build(heldOut: false);

    /// <summary>Clips it is measured on: other texts, other recordings.</summary>
    public static IReadOnlyList<LanguageClip> HeldOut { get; } = Build(heldOut: true);

    private static List<LanguageClip> Build(bool heldOut)
    {
        var clips = new List<LanguageClip>();
        string[] foreignVoices = heldOut ? ["+m3", "+f2"] : ["", "+f4"];
        foreach (var (language, texts) in Foreign)
        {
            var lines = heldOut ? texts.HeldOut : texts.Calibration;
            for (var i = 0; i < lines.Length; i++)
            {
                clips.Add(EspeakClip(language, language + foreignVoices[i % foreignVoices.Length], lines[i]));
            }
        }

        var english = heldOut ? EnglishHeldOut : EnglishCalibration;
        string[] fliteVoices = heldOut ? ["slt", "awb"] : ["kal16", "rms"];
        string[] espeakVoices = heldOut ? ["en-gb+m3", "en-us+f2"] : ["en-us+m3", "en-gb"];
        for (var i = 0; i < english.Length; i++)
        {
            var text = english[i];
            var flite = fliteVoices[i % fliteVoices.Length];
            clips.Add(new LanguageClip("en", "flite:" + flite, text, dir => TestAudio.Flite(text, Path.Combine(dir, $"{flite}-{Guid.NewGuid():N}.wav"), flite)));
            clips.Add(EspeakClip("en", espeakVoices[i % espeakVoices.Length], text));
        }

        // Real recordings: the LibriVox reader and the card-game speaker, split between the two sets.
        var librivox = LibrivoxClips.All.Where((_, i) => i % 2 == (heldOut ? 1 : 0));
        clips.AddRange(librivox.Select(clip => new LanguageClip("en", "librivox", clip.Transcript, _ => clip.Path)));
        var cards = heldOut ? new[] { "004", "005" } : ["001", "002", "003"];
        clips.AddRange(cards.Select(card => new LanguageClip("en", "cards", card, _ => $"/usr/share/pocketsphinx/test/data/cards/{card}.wav")));
        return clips;
    }

    private static LanguageClip EspeakClip(string language, string voice, string text) =>
        new(language, "espeak:" + voice, text, dir => TestAudio.Espeak(text, Path.Combine(dir, $"{voice}-{Guid.NewGuid():N}.wav"), voice, 150));
}
