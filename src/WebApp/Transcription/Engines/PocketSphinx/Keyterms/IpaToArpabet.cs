using System.Text;
using WebApp.Transcription.Audio;
using WebApp.Transcription.Engines;

namespace WebApp.Transcription.Engines.PocketSphinx.Keyterms;

/// <summary>
/// Turns espeak-ng's IPA (as <c>espeak-ng -v en-us --ipa</c> writes it) into the ARPAbet phones of pocketsphinx's en-us
/// acoustic model (the 39 phones of cmudict-en-us.dict). Stress and length marks carry no phone of their own.
/// </summary>
public static class IpaToArpabet
{
    /// <summary>Longest symbols first, so diphthongs and affricates win over their parts.</summary>
    private static readonly (string Ipa, string Phones)[] Symbols =
    [
        ("eɪ", "EY"), ("aɪ", "AY"), ("ɔɪ", "OY"), ("aʊ", "AW"), ("oʊ", "OW"), ("əʊ", "OW"),
        ("ɪə", "IH R"), ("iə", "IY AH"), ("eə", "EH R"), ("ɛə", "EH R"), ("ʊə", "UH R"),
        ("tʃ", "CH"), ("dʒ", "JH"),
        ("ɜ", "ER"), ("ɚ", "ER"), ("ɝ", "ER"),
        ("i", "IY"), ("ɪ", "IH"), ("ᵻ", "IH"), ("u", "UW"), ("ʊ", "UH"), ("ɑ", "AA"), ("ɒ", "AA"), ("ɔ", "AO"),
        ("o", "OW"), ("æ", "AE"), ("a", "AE"), ("ɛ", "EH"), ("e", "EH"), ("ʌ", "AH"), ("ə", "AH"), ("ɐ", "AH"),
        ("p", "P"), ("b", "B"), ("t", "T"), ("d", "D"), ("k", "K"), ("ɡ", "G"), ("g", "G"), ("f", "F"), ("v", "V"),
        ("θ", "TH"), ("ð", "DH"), ("s", "S"), ("z", "Z"), ("ʃ", "SH"), ("ʒ", "ZH"), ("h", "HH"), ("m", "M"),
        ("n", "N"), ("ŋ", "NG"), ("l", "L"), ("ɫ", "L"), ("ɹ", "R"), ("r", "R"), ("j", "Y"), ("w", "W"), ("ʍ", "W"),
        ("ɾ", "T"), ("ʔ", "T"), ("x", "K"), ("ç", "HH"),
    ];

    /// <summary>The combining mark of a syllabic consonant ("n̩" in "button"): a schwa before it.</summary>
    private const char Syllabic = '\u0329';

    /// <returns>Space-separated phones; empty if nothing in <paramref name="ipa"/> is a phone.</returns>
    public static string Convert(string ipa)
    {
        var phones = new List<string>();
        for (var i = 0; i < ipa.Length;)
        {
            var match = Symbols.FirstOrDefault(symbol => string.CompareOrdinal(ipa, i, symbol.Ipa, 0, symbol.Ipa.Length) == 0);
            if (match.Ipa is null)
            {
                i++; // stress ˈˌ, length ː, syllable breaks, spaces
                continue;
            }

            i += match.Ipa.Length;
            if (i < ipa.Length && ipa[i] == Syllabic)
            {
                phones.Add("AH");
                i++;
            }

            foreach (var phone in match.Phones.Split(' '))
            {
                // "ɪəɹ" and "ɚɹ" would say R twice.
                if (!(phone == "R" && phones.Count > 0 && phones[^1] is "R" or "ER"))
                {
                    phones.Add(phone);
                }
            }
        }

        return new StringBuilder().AppendJoin(' ', phones).ToString();
    }
}
