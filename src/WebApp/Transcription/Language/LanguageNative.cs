using System.Runtime.InteropServices;

namespace WebApp.Transcription.Language;

/// <summary>
/// The pocketsphinx calls language identification needs beyond <see cref="Engine.PocketSphinxNative"/>: a second,
/// phone-loop search on the same decoder, and switching between searches.
/// </summary>
internal static partial class LanguageNative
{
    private const string PocketSphinx = "libpocketsphinx.so.3";
    private const string SphinxBase = "libsphinxbase.so.3";

    /// <summary>Sets an integer (or Boolean: 0/1) option of a configuration the decoder already holds.</summary>
    [LibraryImport(SphinxBase, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void cmd_ln_set_int_r(nint config, string name, nint value);

    /// <summary>Adds a search named <paramref name="name"/> that decodes phones under a phone n-gram model.</summary>
    [LibraryImport(PocketSphinx, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int ps_set_allphone_file(nint decoder, string name, string path);

    /// <summary>Makes <paramref name="name"/> the active search; only between utterances.</summary>
    [LibraryImport(PocketSphinx, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int ps_set_search(nint decoder, string name);

    /// <summary>The name of the search the decoder starts with (the word n-gram search).</summary>
    [LibraryImport(PocketSphinx)]
    internal static partial nint ps_get_search(nint decoder);
}
