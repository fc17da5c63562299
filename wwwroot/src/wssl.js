// Decoder (and, for tests and the dev harness, encoder) of the "WSSL" v1 raw slice
// (docs/annotation-protocol.md "Raw slice"): little-endian, 40-byte header, 16-bit samples.

export const WSSL_HEADER_LENGTH = 40;
export const SampleType = Object.freeze({ Int16: 1, UInt16: 2 });

/**
 * Decodes one slice. Returns { version, sampleType, width, height, slope, intercept,
 * spacing: [x, y], samples: Int16Array|Uint16Array } (samples row-major, top row first).
 */
export function decodeWssl(buffer) {
  const bytes = buffer instanceof ArrayBuffer ? new Uint8Array(buffer) : new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  if (bytes.byteLength < WSSL_HEADER_LENGTH) throw new Error(`WSSL: ${bytes.byteLength} bytes is shorter than the header`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = String.fromCharCode(bytes[0], bytes[1], bytes[2], bytes[3]);
  if (magic !== 'WSSL') throw new Error(`WSSL: bad magic "${magic}"`);
  const version = view.getUint8(4);
  if (version !== 1) throw new Error(`WSSL: unsupported version ${version}`);
  const sampleType = view.getUint8(5);
  if (sampleType !== SampleType.Int16 && sampleType !== SampleType.UInt16) throw new Error(`WSSL: unknown sample type ${sampleType}`);
  const headerLength = view.getUint16(6, true);
  if (headerLength < WSSL_HEADER_LENGTH) throw new Error(`WSSL: header length ${headerLength} < 40`);
  const width = view.getUint32(8, true);
  const height = view.getUint32(12, true);
  const slope = view.getFloat64(16, true);
  const intercept = view.getFloat64(24, true);
  const spacing = [view.getFloat32(32, true), view.getFloat32(36, true)];
  const count = width * height;
  const needed = headerLength + count * 2;
  if (bytes.byteLength < needed) throw new Error(`WSSL: ${bytes.byteLength} bytes, expected ${needed} for ${width} × ${height}`);
  // Copy into an aligned buffer so typed arrays work whatever the source offset, and convert
  // from little-endian explicitly rather than trusting the platform.
  const Samples = sampleType === SampleType.Int16 ? Int16Array : Uint16Array;
  const samples = new Samples(count);
  const get = sampleType === SampleType.Int16 ? view.getInt16.bind(view) : view.getUint16.bind(view);
  for (let p = 0, o = headerLength; p < count; p++, o += 2) samples[p] = get(o, true);
  return { version, sampleType, width, height, slope, intercept, spacing, samples };
}

/** Real values (sample · slope + intercept); returns the samples themselves when the map is identity. */
export function realValues({ samples, slope, intercept }) {
  if (slope === 1 && intercept === 0) return samples;
  const out = new Float32Array(samples.length);
  for (let p = 0; p < samples.length; p++) out[p] = samples[p] * slope + intercept;
  return out;
}

/** Encodes a slice; used by tests and the dev harness to play the server. */
export function encodeWssl({ width, height, samples, sampleType = SampleType.Int16, slope = 1, intercept = 0, spacing = [1, 1] }) {
  const buf = new ArrayBuffer(WSSL_HEADER_LENGTH + width * height * 2);
  const view = new DataView(buf);
  'WSSL'.split('').forEach((ch, i) => view.setUint8(i, ch.charCodeAt(0)));
  view.setUint8(4, 1);
  view.setUint8(5, sampleType);
  view.setUint16(6, WSSL_HEADER_LENGTH, true);
  view.setUint32(8, width, true);
  view.setUint32(12, height, true);
  view.setFloat64(16, slope, true);
  view.setFloat64(24, intercept, true);
  view.setFloat32(32, spacing[0], true);
  view.setFloat32(36, spacing[1], true);
  const set = sampleType === SampleType.Int16 ? view.setInt16.bind(view) : view.setUint16.bind(view);
  for (let p = 0; p < width * height; p++) set(WSSL_HEADER_LENGTH + p * 2, samples[p], true);
  return buf;
}
