using System.ComponentModel.DataAnnotations;
using WebApp.Transcription.Audio;
using WebApp.Transcription.Engines;

namespace WebApp.Transcription.Engines.PocketSphinx;

/// <summary>Settings under "Verbatim:Engines:PocketSphinx".</summary>
public sealed class PocketSphinxOptions
{
    public const string Section = "Verbatim:Engines:PocketSphinx";

    /// <summary>Holds en-us/, en-us.lm.bin and cmudict-en-us.dict (Debian package pocketsphinx-en-us).</summary>
    [Required]
    public string ModelDirectory { get; set; } = "/usr/share/pocketsphinx/model/en-us";

    /// <summary>
    /// How many pocketsphinx decoders the process keeps (each ~100 MB resident); 0 means one per processor core. They are
    /// shared by all jobs, so this bounds the CPU the engine uses however many jobs run at once.
    /// </summary>
    [Range(0, 256)]
    public int Decoders { get; set; }

    /// <summary>Where decoded PCM is spooled while a job runs (~115 MB per hour of audio); empty means the system temp directory.</summary>
    public string? ScratchDirectory { get; set; }

    public int DecoderCount => Decoders > 0 ? Decoders : Environment.ProcessorCount;
}
