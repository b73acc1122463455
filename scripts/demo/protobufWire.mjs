// The few pieces of the protocol buffers wire format the demo's event-file and W&B-log writers need: varints,
// length-delimited fields, fixed 32/64-bit numbers. Messages are built as arrays of encoded fields.

export function varint(value) {
  const bytes = [];
  let v = BigInt.asUintN(64, BigInt(value));
  while (v >= 0x80n) {
    bytes.push(Number((v & 0x7fn) | 0x80n));
    v >>= 7n;
  }
  bytes.push(Number(v));
  return Buffer.from(bytes);
}

const key = (field, wireType) => varint((field << 3) | wireType);

export const int = (field, value) => Buffer.concat([key(field, 0), varint(value)]);

export const bool = (field, value) => int(field, value ? 1 : 0);

export function bytes(field, content) {
  const data = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
  return Buffer.concat([key(field, 2), varint(data.length), data]);
}

export const message = (field, ...fields) => bytes(field, Buffer.concat(fields));

export function double(field, value) {
  const data = Buffer.alloc(8);
  data.writeDoubleLE(value);
  return Buffer.concat([key(field, 1), data]);
}

export function float(field, value) {
  const data = Buffer.alloc(4);
  data.writeFloatLE(value);
  return Buffer.concat([key(field, 5), data]);
}
