// What the server is told at start: where VS Code keeps this workspace's storage (the index lives there,
// never in the user's tree) and the settings that change what it indexes and which metric it shows.
import type { InitializationOptions } from '../../protocol';

export interface IndexSettings {
  readonly primaryMetricName: string;
  readonly primaryMetricDirection: string;
  readonly exclude: readonly string[];
}

/** Settings whose change needs a new server (they are only read at initialize, or when the client is made:
 * ideTracker.configFiles is the client's document selector). */
export const restartSettings = ['ideTracker.primaryMetric', 'ideTracker.exclude', 'ideTracker.server.path', 'ideTracker.configFiles'];

export function buildInitializationOptions(storagePath: string | undefined, settings: IndexSettings): InitializationOptions {
  const options: InitializationOptions = {};
  if (storagePath) options.storagePath = storagePath;
  const exclude = settings.exclude.map((glob) => glob.trim()).filter((glob) => glob.length > 0);
  if (exclude.length > 0) options.excludeGlobs = exclude;
  const name = settings.primaryMetricName.trim();
  const direction = settings.primaryMetricDirection === 'max' || settings.primaryMetricDirection === 'min'
    ? settings.primaryMetricDirection : undefined;
  if (name || direction) {
    options.primaryMetric = {};
    if (name) options.primaryMetric.name = name;
    if (direction) options.primaryMetric.direction = direction;
  }
  return options;
}
