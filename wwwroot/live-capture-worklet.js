// The Live page's microphone capture, on the audio thread: mixes the input to mono, resamples it to 16 kHz and
// posts 100 ms pieces of 16-bit PCM, the shape /v3/ws takes (AssemblyAI accepts 50–1000 ms per message).
class LiveCapture extends AudioWorkletProcessor {
  constructor() {
    super();
    this.step = sampleRate / 16000;
    this.position = 0;
    this.previous = 0;
    this.piece = new Int16Array(1600);
    this.filled = 0;
  }

  process(inputs) {
    const channels = inputs[0];
    if (!channels || channels.length === 0) return true;
    const length = channels[0].length;
    const mono = new Float32Array(length);
    for (const channel of channels) for (let i = 0; i < length; i++) mono[i] += channel[i] / channels.length;

    // Linear interpolation; index -1 is the last sample of the previous block.
    while (this.position <= length - 1) {
      const index = Math.floor(this.position);
      const fraction = this.position - index;
      const left = index === 0 ? this.previous : mono[index - 1];
      const right = mono[index];
      const value = Math.max(-1, Math.min(1, left + (right - left) * fraction));
      this.piece[this.filled++] = value < 0 ? value * 0x8000 : value * 0x7fff;
      if (this.filled === this.piece.length) {
        this.port.postMessage(this.piece.buffer, [this.piece.buffer]);
        this.piece = new Int16Array(1600);
        this.filled = 0;
      }
      this.position += this.step;
    }
    this.position -= length;
    this.previous = mono[length - 1];
    return true;
  }
}

registerProcessor("live-capture", LiveCapture);
