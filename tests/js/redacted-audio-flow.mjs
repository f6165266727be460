// AssemblyAI's JavaScript SDK asks Verbatim for PII-redacted audio and downloads it as the SDK does (a plain fetch).
// usage: node redacted-audio-flow.mjs <baseUrl> <apiKey> <audioFile> <outputFile>
// Writes the redacted audio to <outputFile> and prints one JSON line for the .NET test to check.
import { writeFile } from "node:fs/promises";
import { AssemblyAI } from "assemblyai";

const [baseUrl, apiKey, audioFile, outputFile] = process.argv.slice(2);
const client = new AssemblyAI({ apiKey, baseUrl });

const transcript = await client.transcripts.transcribe(
  { audio: audioFile, redact_pii: true, redact_pii_policies: ["phone_number"], redact_pii_audio: true },
  { pollingInterval: 500, pollingTimeout: 120000 },
);
const redacted = await client.transcripts.redactedAudio(transcript.id);
const file = await client.transcripts.redactedAudioFile(transcript.id);
await writeFile(outputFile, Buffer.from(await file.arrayBuffer()));
console.log(JSON.stringify({
  status: transcript.status,
  error: transcript.error ?? null,
  words: transcript.words,
  redactedStatus: redacted.status,
  redactedAudioUrl: redacted.redacted_audio_url,
}));
