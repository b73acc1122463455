#!/usr/bin/env python3
"""Decodes the corpus's W&B logs without our reader, to check by hand the values WandbRunReaderCorpusTests expect.

Independent of the C# code: it walks the LevelDB-style framing itself (32 KiB blocks, 7-byte headers,
CRC-32 of the type byte then the data) and decodes the protobuf wire format with its own varint reader
(no protobuf package is installed here). Field numbers: Record.history = 2, summary = 3, run = 17,
exit = 18, output = 4, stats = 7, output_raw = 13 (each with a Timestamp as field 2:
seconds = 1, nanos = 2); HistoryRecord.item = 1, step = 2; HistoryItem.key = 1, value_json = 16; RunRecord.run_id = 1,
project = 3, display_name = 8, start_time = 17; RunExitRecord.exit_code = 1, runtime = 2.

It also checks what W&B itself wrote: the history's last values must equal wandb-summary.json's.

    python3 tests/IdeTracker.Core.Tests/Readers/Wandb/check_wandb_corpus.py ../shared/corpus/wandb/VerySimpleTransformer/wandb
"""
import glob
import json
import os
import struct
import sys
import zlib

BLOCK = 32768


def records(data):
    """Yields (offset, payload) for each logical record, then ('end', offset, why)."""
    if data[:7] != b':W&B\xe1\xbe\x00':
        yield ('end', 0, 'bad header')
        return
    pos, pieces, first = 7, None, None
    while pos < len(data):
        left = BLOCK - pos % BLOCK
        if left < 7:
            pos += left
            continue
        if pos + 7 > len(data):
            yield ('end', pos, 'header cut off')
            return
        crc, length, kind = struct.unpack('<IHB', data[pos:pos + 7])
        if crc == length == kind == 0:
            yield ('end', pos, 'zeros')
            return
        if pos + 7 + length > len(data):
            yield ('end', first if pieces is not None else pos, 'record cut off')
            return
        body = data[pos + 7:pos + 7 + length]
        if zlib.crc32(body, zlib.crc32(bytes([kind]))) != crc:
            yield ('end', pos, 'checksum')
            return
        if kind == 1:
            yield (pos, body)
        elif kind == 2:
            pieces, first = [body], pos
        elif kind == 3:
            pieces.append(body)
        elif kind == 4:
            pieces.append(body)
            yield (first, b''.join(pieces))
            pieces = None
        pos += 7 + length
    if pieces is not None:
        yield ('end', first, 'split record cut off')


def varint(b, i):
    value = shift = 0
    while True:
        byte = b[i]
        i += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, i


def fields(b):
    i = 0
    while i < len(b):
        tag, i = varint(b, i)
        number, wire = tag >> 3, tag & 7
        if wire == 0:
            value, i = varint(b, i)
        elif wire == 1:
            value, i = b[i:i + 8], i + 8
        elif wire == 5:
            value, i = b[i:i + 4], i + 4
        elif wire == 2:
            length, i = varint(b, i)
            value, i = b[i:i + length], i + length
        else:
            raise ValueError(f'wire type {wire}')
        yield number, value


def first(b, number, default=None):
    return next((v for n, v in fields(b) if n == number), default)


def run_summary(folder):
    out = {'folder': os.path.basename(folder)}
    logs = glob.glob(os.path.join(folder, '*.wandb'))
    summary_path = os.path.join(folder, 'files', 'wandb-summary.json')
    summary = json.load(open(summary_path)) if os.path.exists(summary_path) else {}
    out['summary'] = summary
    if not logs:
        return out
    rows, series, last_time_ms = 0, {}, 0
    for item in records(open(logs[0], 'rb').read()):
        if item[0] == 'end':
            out['end'] = item[1:]
            break
        offset, record = item
        for number, body in fields(record):
            if number == 2:
                rows += 1
                row = {}
                for n, it in fields(body):
                    if n == 1:
                        row[first(it, 1).decode()] = first(it, 16).decode()
                step = int(row['_step'])
                for key, value in row.items():
                    if not key.startswith('_'):
                        series.setdefault(key, []).append((step, int(float(row['_timestamp']) * 1000), float(value)))
            elif number == 17:
                out['run_id'] = first(body, 1, b'').decode()
                out['project'] = first(body, 3, b'').decode()
                out['display_name'] = first(body, 8, b'').decode()
                start = first(body, 17, b'')
                out['start'] = (first(start, 1, 0), first(start, 2, 0))
            elif number == 18:
                out['exit'] = (first(body, 1, 0), first(body, 2, 0))
            elif number in (4, 7, 13):
                stamp = first(body, 2, b'')
                last_time_ms = max(last_time_ms, first(stamp, 1, 0) * 1000 + first(stamp, 2, 0) // 1000000)
    out['rows'] = rows
    out['last_output_or_stats_ms'] = last_time_ms
    out['series'] = {k: {'count': len(v), 'last': v[-1]} for k, v in series.items()}
    out['history_agrees_with_summary'] = all(
        summary.get(k) == v[-1][2] for k, v in series.items()) if series else None
    return out


if __name__ == '__main__':
    for folder in sorted(glob.glob(os.path.join(sys.argv[1], '*run-*'))):
        print(json.dumps(run_summary(folder)))
