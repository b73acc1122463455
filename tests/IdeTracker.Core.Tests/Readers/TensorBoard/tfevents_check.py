#!/usr/bin/env python3
"""How the expected values in the TensorBoard and Guild corpus tests were checked by hand.

A reader written apart from the C# one, with nothing but the standard library (no protobuf package): it
checks the TFRecord framing and both masked CRC-32Cs, decodes the Event / Summary / TensorProto /
HParamsPluginData wire format itself, and prints per tag the point count, first and last (step, value)
and the wall-time range, plus the hparams plugin's session_start_info map and session_end_info status.

    python3 tfevents_check.py FILE [FILE ...]
"""
import struct
import sys

CRC_TABLE = []
for n in range(256):
    c = n
    for _ in range(8):
        c = (c >> 1) ^ 0x82F63B78 if c & 1 else c >> 1
    CRC_TABLE.append(c)


def crc32c(data):
    c = 0xFFFFFFFF
    for b in data:
        c = CRC_TABLE[(c ^ b) & 0xFF] ^ (c >> 8)
    return c ^ 0xFFFFFFFF


def masked(data):
    c = crc32c(data)
    return ((((c >> 15) | (c << 17)) & 0xFFFFFFFF) + 0xA282EAD8) & 0xFFFFFFFF


def varint(buf, i):
    shift = result = 0
    while True:
        b = buf[i]
        i += 1
        result |= (b & 0x7F) << shift
        if not b & 0x80:
            return result, i
        shift += 7


def fields(buf):
    """Yields (field number, wire type, value): ints for varint/fixed, bytes for length-delimited."""
    i = 0
    while i < len(buf):
        key, i = varint(buf, i)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, i = varint(buf, i)
        elif wire == 1:
            value = buf[i:i + 8]
            i += 8
        elif wire == 2:
            length, i = varint(buf, i)
            value = buf[i:i + length]
            i += length
        elif wire == 5:
            value = buf[i:i + 4]
            i += 4
        else:
            raise ValueError(f"wire type {wire}")
        yield number, wire, value


def records(path):
    data = open(path, "rb").read()
    at = 0
    while at + 12 <= len(data):
        header = data[at:at + 8]
        (length,) = struct.unpack("<Q", header)
        (length_crc,) = struct.unpack("<I", data[at + 8:at + 12])
        assert length_crc == masked(header), f"{path}: bad length crc at {at}"
        if at + 12 + length + 4 > len(data):
            print(f"  torn record at {at}")
            return
        body = data[at + 12:at + 12 + length]
        (data_crc,) = struct.unpack("<I", data[at + 12 + length:at + 16 + length])
        assert data_crc == masked(body), f"{path}: bad data crc at {at}"
        yield body
        at += 16 + length
    assert at == len(data), f"{path}: {len(data) - at} trailing bytes"


def tensor_scalar(buf):
    dtype, dims, content, values = 0, 0, b"", []
    for n, w, v in fields(buf):
        if n == 1:
            dtype = v
        elif n == 2:
            dims = sum(1 for dn, _, _ in fields(v) if dn == 2)
        elif n == 4:
            content = v
        elif n == 5:
            values += list(struct.unpack(f"<{len(v) // 4}f", v)) if w == 2 else [struct.unpack("<f", v)[0]]
        elif n == 6:
            values += list(struct.unpack(f"<{len(v) // 8}d", v)) if w == 2 else [struct.unpack("<d", v)[0]]
    if dims:
        return None
    if content and dtype == 1:
        return struct.unpack("<f", content[:4])[0]
    if content and dtype == 2:
        return struct.unpack("<d", content[:8])[0]
    return values[0] if values else None


def proto_value(buf):
    for n, w, v in fields(buf):
        if n == 2:
            return struct.unpack("<d", v)[0]
        if n == 3:
            return v.decode()
        if n == 4:
            return bool(v)
        if n == 1:
            return None
    return None


def hparams(content, tag):
    for n, _, v in fields(content):
        if n == 3:
            for sn, _, sv in fields(v):
                if sn == 1:
                    entry = dict((en, ev) for en, _, ev in fields(sv))
                    print(f"  hparam {entry.get(1, b'').decode()!r} = {proto_value(entry.get(2, b''))!r}")
        elif n == 4:
            for en, _, ev in fields(v):
                if en == 1:
                    print(f"  session_end_info status = {ev}")


def main(paths):
    for path in paths:
        print(path)
        tags, plugin, times, count = {}, {}, [], 0
        for body in records(path):
            count += 1
            wall, step, summary = 0.0, 0, None
            for n, _, v in fields(body):
                if n == 1:
                    (wall,) = struct.unpack("<d", v)
                elif n == 2:
                    step = v
                elif n == 3:
                    print(f"  file_version {v.decode()!r}")
                elif n == 5:
                    summary = v
            times.append(wall)
            if summary is None:
                continue
            for n, _, value in fields(summary):
                if n != 1:
                    continue
                tag, simple, tensor, kind = "", None, None, None
                for vn, _, vv in fields(value):
                    if vn == 1:
                        tag = vv.decode()
                    elif vn == 2:
                        (simple,) = struct.unpack("<f", vv)
                    elif vn == 4:
                        kind = "image"
                    elif vn == 5:
                        kind = "histogram"
                    elif vn == 6:
                        kind = "audio"
                    elif vn == 8:
                        tensor = vv
                    elif vn == 9:
                        for mn, _, mv in fields(vv):
                            if mn == 1:
                                pd = dict((pn, pv) for pn, _, pv in fields(mv))
                                plugin.setdefault(tag, pd.get(1, b"").decode())
                                if plugin[tag] == "hparams":
                                    hparams(pd.get(2, b""), tag)
                if simple is None and tensor is not None and plugin.get(tag) == "scalars":
                    simple = tensor_scalar(tensor)
                if simple is not None:
                    tags.setdefault(tag, []).append((step, simple, wall))
                elif kind or tensor is not None:
                    tags.setdefault(f"[{kind or plugin.get(tag) or 'tensor'}] {tag}", []).append((step, None, wall))
        print(f"  {count} records, wall time {min(times)!r} .. {max(times)!r} (first {times[0]!r}, last {times[-1]!r})")
        for tag, points in sorted(tags.items()):
            print(f"  {tag!r}: {len(points)} points, first {points[0][:2]!r}, last {points[-1][:2]!r}")


if __name__ == "__main__":
    main(sys.argv[1:])
