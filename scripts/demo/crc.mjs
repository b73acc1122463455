// Reflected CRC-32 of the two kinds the demo's writers need: zlib's (W&B logs) and Castagnoli's (TensorBoard's
// TFRecord framing). They differ only in the polynomial.

function table(polynomial) {
  const entries = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? polynomial ^ (c >>> 1) : c >>> 1;
    entries[n] = c >>> 0;
  }
  return entries;
}

function crcOf(entries, parts) {
  let crc = 0xffffffff;
  for (const part of parts) for (const byte of part) crc = entries[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const zlib = table(0xedb88320);
const castagnoli = table(0x82f63b78);

/** CRC-32 (zlib) of the concatenation of `parts`. */
export const crc32 = (...parts) => crcOf(zlib, parts);

/** CRC-32C of the concatenation of `parts`. */
export const crc32c = (...parts) => crcOf(castagnoli, parts);
