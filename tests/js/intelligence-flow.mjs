// Audio intelligence through AssemblyAI's official JavaScript SDK, changing nothing but the base URL: the options the
// local engine serves come back in the SDK's own fields, and the ones it cannot serve are refused, never ignored.
// usage: node intelligence-flow.mjs <baseUrl> <apiKey> <speechFile> <mostlySilentFile>
// Prints one JSON line for the .NET test to check.
import { AssemblyAI } from "assemblyai";

const [baseUrl, apiKey, speechFile, silentFile] = process.argv.slice(2);
const client = new AssemblyAI({ apiKey, baseUrl });
const polling = { pollingInterval: 500, pollingTimeout: 120000 };

const speech = await client.files.upload(speechFile);
const understood = await client.transcripts.transcribe(
  { audio: speech, entity_detection: true, auto_highlights: true, sentiment_analysis: true, speech_threshold: 0.2 },
  polling,
);
const quiet = await client.transcripts.transcribe({ audio: await client.files.upload(silentFile), speech_threshold: 0.5 }, polling);

// Each refused option is a 400, which the SDK throws with the server's error message.
const refusals = {};
for (const [name, options] of Object.entries({
  summarization: { summarization: true, summary_type: "bullets" },
  auto_chapters: { auto_chapters: true },
  content_safety: { content_safety: true },
  iab_categories: { iab_categories: true },
  prompt: { prompt: "A call about a delivery." },
  temperature: { temperature: 0.3 },
})) {
  try {
    const accepted = await client.transcripts.submit({ audio: speech, ...options });
    refusals[name] = `accepted as ${accepted.id}`;
  } catch (error) {
    refusals[name] = error.message;
  }
}

console.log(JSON.stringify({
  status: understood.status,
  error: understood.error ?? null,
  text: understood.text,
  entities: understood.entities,
  highlights: understood.auto_highlights_result,
  sentiments: understood.sentiment_analysis_results,
  speechThreshold: understood.speech_threshold,
  quietStatus: quiet.status,
  quietError: quiet.error ?? null,
  refusals,
}));
