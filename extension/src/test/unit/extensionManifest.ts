// The extension's package.json, found above wherever the test bundle was written (out/unit/…).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface ExtensionManifest {
  readonly activationEvents: string[];
  readonly contributes: { configuration: { properties: Record<string, { type?: string; default?: unknown; markdownDescription?: string }> } };
}

export function readExtensionManifest(): ExtensionManifest {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const path = join(dir, 'package.json');
    if (existsSync(path)) {
      const manifest = JSON.parse(readFileSync(path, 'utf8')) as Partial<ExtensionManifest>;
      if (manifest.activationEvents && manifest.contributes) return manifest as ExtensionManifest;
    }
  }
  throw new Error(`no extension package.json above ${__dirname}`);
}
