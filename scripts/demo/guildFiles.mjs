// Writes Guild AI run folders: <guild home>/runs/<32 hex>/.guild/attrs/<name> (one YAML value per file, times
// in microseconds since the epoch) and, for the scalars, a TensorBoard event file under .guild/.
import { join } from 'node:path';
import { writeFile } from './mlflowFiles.mjs';
import { writeEventFile } from './tensorboardFiles.mjs';

export function writeGuildRun(home, id, { op, flags, label, start, end, exitStatus, series }) {
  const folder = join(home, 'runs', id);
  const attrs = join(folder, '.guild', 'attrs');
  const us = (ms) => `${ms * 1000}\n`;
  writeFile(join(attrs, 'id'), `${id}\n`);
  writeFile(join(attrs, 'op'), `${op}\n`);
  writeFile(join(attrs, 'flags'), Object.entries(flags).map(([k, v]) => `${k}: ${v}\n`).join(''));
  writeFile(join(attrs, 'label'), `${label}\n`);
  writeFile(join(attrs, 'started'), us(start));
  writeFile(join(attrs, 'host'), 'demo-box\n');
  writeFile(join(attrs, 'user'), 'demo\n');
  writeFile(join(attrs, 'cmd'), `- /usr/bin/python3\n- -um\n- guild.op_main\n- ${op}\n`);
  writeFile(join(attrs, 'platform'), 'Linux 6.1.0 x86_64\n');
  writeFile(join(attrs, 'pip_freeze'), '- numpy==1.26.4\n- scikit-learn==1.4.2\n');
  writeFile(join(attrs, 'vcs_commit'), 'git:3d5e9f0a1b2c3d4e5f60718293a4b5c6d7e8f901\n');
  if (end !== undefined) {
    writeFile(join(attrs, 'stopped'), us(end));
    writeFile(join(attrs, 'exit_status'), `${exitStatus}\n`);
  }
  writeFile(join(folder, '.guild', 'output'), `Training ${op}\n`);
  writeEventFile(join(folder, '.guild'), { start, series });
  return folder;
}
