import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { chooseRecorder, installAdvice, knownRecorders, type RecorderEnvironment } from '../recorders';

const output = '/ws/.ide-tracker/notes/.recordings/20261202-010203.wav';

function env(platform: NodeJS.Platform, available: string[], hasPulse = false): RecorderEnvironment {
  return { platform, which: (program) => (available.includes(program) ? `/usr/bin/${program}` : undefined), hasPulse };
}

function chosen(setting: string, environment: RecorderEnvironment) {
  const choice = chooseRecorder(setting, output, environment);
  assert.ok(choice.ok, choice.ok ? '' : choice.message);
  return choice.recorder;
}

describe('choosing a recorder', () => {
  test('looks for arecord, pw-record, parecord, sox, rec, ffmpeg in that order on Linux', () => {
    assert.deepEqual(knownRecorders.map((r) => r.name), ['arecord', 'pw-record', 'parecord', 'sox', 'rec', 'ffmpeg']);
    const names = ['arecord', 'pw-record', 'parecord', 'sox', 'rec', 'ffmpeg'];
    // With every recorder from the i-th on installed (listed backwards), the i-th is the one chosen.
    const order = names.map((_, i) => chosen('', env('linux', names.slice(i).reverse())).origin);
    assert.deepEqual(order, names);
  });

  test('asks each Linux recorder for 16 kHz mono 16-bit WAV at the output path', () => {
    const line = (name: string, pulse = false) => {
      const r = chosen('', env('linux', [name], pulse));
      return [r.program, ...r.args].join(' ');
    };
    assert.equal(line('arecord'), `/usr/bin/arecord -q -f S16_LE -r 16000 -c 1 -t wav ${output}`);
    assert.equal(line('pw-record'), `/usr/bin/pw-record --rate 16000 --channels 1 --format s16 ${output}`);
    assert.equal(line('parecord'), `/usr/bin/parecord --rate=16000 --channels=1 --format=s16le --file-format=wav ${output}`);
    assert.equal(line('sox'), `/usr/bin/sox -q -d -r 16000 -c 1 -b 16 ${output}`);
    assert.equal(line('rec'), `/usr/bin/rec -q -r 16000 -c 1 -b 16 ${output}`);
    assert.equal(line('ffmpeg', true), `/usr/bin/ffmpeg -hide_banner -loglevel error -nostats -f pulse -i default -ac 1 -ar 16000 -y ${output}`);
    assert.equal(line('ffmpeg', false), `/usr/bin/ffmpeg -hide_banner -loglevel error -nostats -f alsa -i default -ac 1 -ar 16000 -y ${output}`);
  });

  test('stops ffmpeg with q on stdin and every other recorder with SIGINT', () => {
    assert.equal(chosen('', env('linux', ['ffmpeg'])).stop, 'quitKey');
    assert.equal(chosen('', env('linux', ['arecord'])).stop, 'interrupt');
    assert.equal(chosen('', env('linux', ['sox'])).stop, 'interrupt');
  });

  test('on macOS uses sox, rec or ffmpeg from avfoundation, never the Linux-only ones', () => {
    assert.equal(chosen('', env('darwin', ['arecord', 'pw-record', 'sox'])).origin, 'sox');
    const ffmpeg = chosen('', env('darwin', ['arecord', 'ffmpeg']));
    assert.deepEqual(ffmpeg.args.slice(4, 8), ['-f', 'avfoundation', '-i', ':0']);
  });

  test('on Windows uses sox or ffmpeg from DirectShow', () => {
    assert.equal(chosen('', env('win32', ['rec', 'sox'])).origin, 'sox');
    const ffmpeg = chosen('', env('win32', ['rec', 'ffmpeg']));
    assert.deepEqual(ffmpeg.args.slice(4, 8), ['-f', 'dshow', '-i', 'audio=default']);
  });

  test('the setting wins over detection, with {output} replaced and ffmpeg stopped by its key', () => {
    const custom = chosen(`"/opt/my rec/rec" --out {output}`, env('linux', ['arecord']));
    assert.deepEqual([custom.program, ...custom.args], ['/opt/my rec/rec', '--out', output]);
    assert.equal(custom.origin, 'ideTracker.voiceNotes.recorderCommand setting');
    assert.equal(custom.stop, 'interrupt');
    assert.equal(chosen('C:\\\\tools\\\\ffmpeg.exe -f dshow -i "audio=Mic (USB)" {output}', env('win32', [])).stop, 'quitKey');
  });

  test('a setting that does not parse says why and names the setting', () => {
    const choice = chooseRecorder('rec "oops', output, env('linux', ['arecord']));
    assert.deepEqual(choice, {
      ok: false, reason: 'badSetting',
      message: 'The ideTracker.voiceNotes.recorderCommand setting cannot be read: the double quote at column 5 is never closed.',
    });
  });

  test('no recorder found says what was looked for and what to install on this platform', () => {
    const linux = chooseRecorder('', output, env('linux', []));
    assert.ok(!linux.ok && linux.reason === 'none');
    assert.match(linux.message, /looked for arecord, pw-record, parecord, sox, rec, ffmpeg/);
    assert.match(linux.message, /alsa-utils/);
    assert.match(linux.message, /ideTracker\.voiceNotes\.recorderCommand/);
    const mac = chooseRecorder('', output, env('darwin', ['arecord']));
    assert.ok(!mac.ok && /looked for sox, rec, ffmpeg\)/.test(mac.message) && /brew install sox/.test(mac.message));
    assert.match(installAdvice('win32'), /winget/);
  });
});
