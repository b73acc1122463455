// The wire contract with the C# server, mirrored from server/IdeTracker.Server/Protocol/*.cs and
// Lsp/LspMethods.cs. Fields the server leaves null are absent (it omits nulls). Doubles that are not
// finite travel as the strings "NaN", "Infinity" and "-Infinity".
import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import {
  arrayOf, boolean, integer, literal, metricNumber, nullable, object, optional, recordOf, string,
  type Required_,
} from './shapes';

export type MetricNumber = number | 'NaN' | 'Infinity' | '-Infinity';

/** The number a wire double stands for. */
export function toNumber(value: MetricNumber): number {
  switch (value) {
    case 'NaN': return Number.NaN;
    case 'Infinity': return Number.POSITIVE_INFINITY;
    case '-Infinity': return Number.NEGATIVE_INFINITY;
    default: return value;
  }
}

export type RunStatus = 'running' | 'scheduled' | 'finished' | 'failed' | 'killed' | 'unknown';

export type RunTreeNodeKind = 'store' | 'experiment' | 'run' | 'problems' | 'problem';

/** A metric value with its name; `label` ("val_acc 0.934") is ready to show. */
export interface MetricValue {
  key: string;
  value: MetricNumber;
  higherIsBetter: boolean;
  label: string;
}

export interface RunTreeNode {
  /** Opaque; pass it back as `nodeId` to get the node's children. */
  id: string;
  kind: RunTreeNodeKind;
  label: string;
  /** Server-made: "val_acc 0.934 · 3 days ago", "MLflow · 1,234 runs", a problem's reason. */
  description?: string;
  hasChildren: boolean;
  childCount?: number;
  runId?: string;
  source?: string;
  status?: RunStatus;
  startTime?: string;
  timeAgo?: string;
  mainMetric?: MetricValue;
  /** Present (true) for a run still being written: status not final, a file of it changed in the last minutes. */
  live?: boolean;
  /** Absolute path of the run folder, the store, or the file a problem is about. */
  path?: string;
  metricsFile?: string;
  line?: number;
  /** Present (true) for a run the user starred. */
  starred?: boolean;
  /** The user's tags on the run (they also lead its description). */
  tags?: string[];
  /** Present (true) when the run's files are gone and the node shows its annotation's snapshot. */
  gone?: boolean;
  /** Lineage grouping: what changed from the run this one hangs under ("lr 0.01 → 0.001"). */
  change?: string;
}

export type TreeGrouping = 'experiment' | 'lineage';

export interface RunTreeParams {
  /** Absent: the top level (stores and the Problems node). */
  nodeId?: string;
  offset: number;
  limit: number;
  /** A filter expression: stores and experiments count matching runs only; experiments list them flat, or
   * by lineage among the matching runs. Sent with every request: node ids do not carry it. */
  filter?: string;
  grouping?: TreeGrouping;
}

/** One page of children; more remain when `offset + nodes.length < total`. */
export interface RunTreeResult {
  nodes: RunTreeNode[];
  total: number;
  offset: number;
}

export interface RunDetailsParams {
  runId: string;
}

export interface MetricSummary {
  last: MetricNumber;
  min: MetricNumber;
  max: MetricNumber;
  count: number;
  lastStep: number;
}

/** A non-scalar series (images, histograms…), listed, never loaded. */
export interface RunMedia {
  tag: string;
  kind: string;
  count: number;
  lastStep: number;
}

/** Data a run read: path relative to the workspace (or a URI), digest, size in bytes, file count. */
export interface DataInput {
  path: string;
  digest?: string;
  size?: number;
  files?: number;
}

export interface RunDetailsResult {
  id: string;
  nativeId: string;
  name: string;
  source: string;
  store: string;
  experiment?: string;
  parentId?: string;
  status: RunStatus;
  startTime?: string;
  endTime?: string;
  duration?: string;
  timeAgo?: string;
  user?: string;
  host?: string;
  command?: string;
  gitCommit?: string;
  gitDirty?: boolean;
  note?: string;
  /** What sets the run apart: Hydra's overrides, a Guild or Sacred label. */
  label?: string;
  live: boolean;
  path: string;
  metricsFile?: string;
  params: Record<string, string>;
  metrics: Record<string, MetricSummary>;
  tags: Record<string, string>;
  /** Installed packages: name → version ("" when unknown). */
  packages: Record<string, string>;
  /** python, os, gpu, cuda…: where the run ran, as recorded. */
  environment: Record<string, string>;
  media: RunMedia[];
  dataInputs: DataInput[];
  mainMetric?: MetricValue;
  /** Markdown with every run-supplied string already escaped by the server. */
  tooltip: string;
  /** The user's star, tags and note; absent when the run has no annotation file. */
  annotation?: Annotation;
  /** The voice notes that talk about this run, newest first. */
  notes: RunNoteDto[];
  /** Present (true) when the run's files are gone and these details are its annotation's snapshot. */
  gone?: boolean;
}

/** What the user wrote about a run; `file` is the `.ide-tracker/` file that holds it. */
export interface Annotation {
  runId: string;
  starred: boolean;
  tags: string[];
  note?: string;
  file?: string;
}

/** Absent fields stay as they are; `tags` replaces the run's tags; an empty `note` removes it. */
export interface SetAnnotationParams {
  runId: string;
  starred?: boolean;
  tags?: string[];
  note?: string;
}

export interface QueryParams {
  filter?: string;
  /** A key with an optional leading "-" for descending: "-val_acc", "start", "name", "lr". */
  sort?: string;
  offset: number;
  /** 0 only validates and counts. */
  limit: number;
}

/** Why a filter or sort does not parse; `position` is a 0-based offset into the text, `length` what to underline. */
export interface FilterError {
  message: string;
  position: number;
  length: number;
  expected: string[];
  field: 'filter' | 'sort';
}

export interface QueryResult {
  runs: RunTreeNode[];
  total: number;
  offset: number;
  error?: FilterError;
}

export interface CompareParams {
  runIds: string[];
  /** Absent: the main metric first, then up to 50 metrics most of the runs report. */
  metricKeys?: string[];
}

export interface CompareRun {
  id: string;
  name: string;
  experiment?: string;
  source: string;
  status: RunStatus;
  startTime?: string;
  timeAgo?: string;
  label?: string;
  starred: boolean;
  /** The user's tags, then the source's tags as "key=value". */
  tags: string[];
  gone?: boolean;
  path?: string;
}

/** One value per run of `CompareResult.runs`, null where the run has none. */
export interface CompareRow {
  key: string;
  values: Array<string | null>;
  differs: boolean;
}

export interface CompareMetricCell {
  last: MetricNumber;
  min: MetricNumber;
  max: MetricNumber;
  /** max or min by the row's direction. */
  best: MetricNumber;
  count: number;
  lastStep: number;
}

export interface CompareMetric {
  key: string;
  higherIsBetter: boolean;
  values: Array<CompareMetricCell | null>;
  /** Index into `runs` of the best run; absent when no run has a finite value. */
  bestIndex?: number;
}

export interface MetricKeyCount {
  key: string;
  runs: number;
}

export interface CompareResult {
  runs: CompareRun[];
  params: CompareRow[];
  metrics: CompareMetric[];
  /** "git.commit", "git.dirty", "package.torch", "env.python" rows. */
  environment: CompareRow[];
  /** Every metric any of the runs reports, for the column picker. */
  metricKeys: MetricKeyCount[];
  /** Ids asked for that the index does not hold. */
  missing: string[];
  mainMetric?: string;
}

export interface MetricSeriesParams {
  runIds: string[];
  keys: string[];
  /** Default 2,000, at most 10,000. */
  maxPoints?: number;
}

/** Equal-length columns by step; `total` is how many points the run logged (more than sent when downsampled). */
export interface MetricSeries {
  runId: string;
  key: string;
  steps: number[];
  /** Unix milliseconds. */
  wallTimes: number[];
  values: MetricNumber[];
  total: number;
}

export interface MetricSeriesResult {
  series: MetricSeries[];
}

export type IndexState = 'indexing' | 'ready';

export interface IndexStatusParams {
  state: IndexState;
  runs: number;
  live: number;
  problems: number;
  /** The status bar text: "1,234 runs · 2 live · 3 problems". */
  summary: string;
}

export interface RunsChangedParams {
  runIds: string[];
  /** True after a full scan: refresh everything. */
  all: boolean;
}

export interface PrimaryMetricSetting {
  name?: string;
  direction?: string;
}

export interface InitializationOptions {
  storagePath?: string;
  excludeGlobs?: string[];
  primaryMetric?: PrimaryMetricSetting;
}

/** The user's `ideTracker.voiceNotes.*` settings, sent with every speech request. */
export interface SpeechSettings {
  /** A catalog model: tiny.en, base.en, tiny, base. */
  model: string;
  /** A model file, or a folder holding ggml-<model>.bin; absent: the user's cache. */
  modelPath?: string;
  /** "en", "de", …, or "auto". */
  language: string;
  /** Base URL the model file name is appended to; absent: the server's default. */
  downloadUrl?: string;
  /** 0 or absent: one per core, at most 8. */
  threads?: number;
}

export type NoteStatus = 'recorded' | 'transcribing' | 'transcribed' | 'drafted' | 'failed';

/** One voice note; paths are absolute. A failed note keeps its audio, says why in `error`, and can be retried. */
export interface NoteDto {
  id: string;
  title: string;
  createdAt: string;
  /** "3 minutes ago". */
  createdLabel: string;
  status: NoteStatus;
  error?: string;
  folder: string;
  audioPath?: string;
  /** "1 minute, 12 seconds" of audio. */
  durationLabel?: string;
  transcriptPath?: string;
  /** The transcript's first 300 characters; "" when no speech was heard. */
  transcriptPreview?: string;
  draftPath?: string;
  runIds: string[];
  /** The linked runs' names, in the order of `runIds`. */
  runNames: string[];
  /** Markdown for the Notes view's tooltip. */
  tooltip: string;
}

export interface NotesListResult {
  notes: NoteDto[];
  /** Notes folders that could not be read, each a located message. */
  problems: string[];
}

/** `moveAudio`: a recording the extension just made is moved into the note; a file the user chose is copied. */
export interface CreateNoteParams {
  audioPath: string;
  moveAudio: boolean;
  runIds?: string[];
}

export interface NoteRequestParams {
  noteId: string;
  speech?: SpeechSettings;
  runIds?: string[];
  workDoneToken?: string;
}

export interface SpeechRequestParams {
  speech?: SpeechSettings;
  workDoneToken?: string;
}

/** Whether the configured model is there and usable; when not, `problem` says why, naming the `searched` paths. */
export interface ModelStatusDto {
  model: string;
  found: boolean;
  path?: string;
  problem?: string;
  searched: string[];
  downloadUrl: string;
  /** Where a download goes: the user's model cache. */
  downloadPath: string;
  /** "75 MB"; absent when the catalog does not know the size. */
  sizeLabel?: string;
  /** The whisper.cpp library loads and is the pinned version. */
  engineReady: boolean;
  engineProblem?: string;
}

export interface NotesChangedParams {
  noteIds: string[];
}

/** A voice note that talks about a run, as the run's details will list it. */
export interface RunNoteDto {
  id: string;
  title: string;
  createdLabel: string;
  draftPath?: string;
}

export namespace RunTreeRequest {
  export const method = 'ideTracker/runTree' as const;
  export const type = new RequestType<RunTreeParams, RunTreeResult, void>(method);
}

export namespace RunDetailsRequest {
  export const method = 'ideTracker/runDetails' as const;
  export const type = new RequestType<RunDetailsParams, RunDetailsResult | null, void>(method);
}

export namespace ReindexRequest {
  export const method = 'ideTracker/reindex' as const;
  export const type = new RequestType0<null, void>(method);
}

export namespace QueryRequest {
  export const method = 'ideTracker/query' as const;
  export const type = new RequestType<QueryParams, QueryResult, void>(method);
}

export namespace CompareRequest {
  export const method = 'ideTracker/compare' as const;
  export const type = new RequestType<CompareParams, CompareResult, void>(method);
}

export namespace MetricSeriesRequest {
  export const method = 'ideTracker/metricSeries' as const;
  export const type = new RequestType<MetricSeriesParams, MetricSeriesResult, void>(method);
}

export namespace SetAnnotationRequest {
  export const method = 'ideTracker/setAnnotation' as const;
  export const type = new RequestType<SetAnnotationParams, Annotation, void>(method);
}

export namespace IndexStatusNotification {
  export const method = 'ideTracker/indexStatus' as const;
  export const type = new NotificationType<IndexStatusParams>(method);
}

export namespace RunsChangedNotification {
  export const method = 'ideTracker/runsChanged' as const;
  export const type = new NotificationType<RunsChangedParams>(method);
}

export namespace NotesListRequest {
  export const method = 'ideTracker/notes/list' as const;
  export const type = new RequestType<Record<string, never>, NotesListResult, void>(method);
}

export namespace NotesCreateRequest {
  export const method = 'ideTracker/notes/create' as const;
  export const type = new RequestType<CreateNoteParams, NoteDto, void>(method);
}

export namespace NotesTranscribeRequest {
  export const method = 'ideTracker/notes/transcribe' as const;
  export const type = new RequestType<NoteRequestParams, NoteDto, void>(method);
}

export namespace NotesDraftRequest {
  export const method = 'ideTracker/notes/draft' as const;
  export const type = new RequestType<NoteRequestParams, NoteDto, void>(method);
}

export namespace SpeechModelStatusRequest {
  export const method = 'ideTracker/speech/modelStatus' as const;
  export const type = new RequestType<SpeechRequestParams, ModelStatusDto, void>(method);
}

export namespace SpeechDownloadModelRequest {
  export const method = 'ideTracker/speech/downloadModel' as const;
  export const type = new RequestType<SpeechRequestParams, ModelStatusDto, void>(method);
}

export namespace NotesChangedNotification {
  export const method = 'ideTracker/notesChanged' as const;
  export const type = new NotificationType<NotesChangedParams>(method);
}

const runStatus = literal<RunStatus>('running', 'scheduled', 'finished', 'failed', 'killed', 'unknown');

const metricValue = object<MetricValue>({
  key: string,
  value: metricNumber,
  higherIsBetter: boolean,
  label: string,
});

const runTreeNode = object<RunTreeNode>({
  id: string,
  kind: literal<RunTreeNodeKind>('store', 'experiment', 'run', 'problems', 'problem'),
  label: string,
  description: optional(string),
  hasChildren: boolean,
  childCount: optional(integer),
  runId: optional(string),
  source: optional(string),
  status: optional(runStatus),
  startTime: optional(string),
  timeAgo: optional(string),
  mainMetric: optional(metricValue),
  live: optional(boolean),
  path: optional(string),
  metricsFile: optional(string),
  line: optional(integer),
  starred: optional(boolean),
  tags: optional(arrayOf(string)),
  gone: optional(boolean),
  change: optional(string),
});

const annotation = object<Annotation>({
  runId: string,
  starred: boolean,
  tags: arrayOf(string),
  note: optional(string),
  file: optional(string),
});

const compareRow = object<CompareRow>({ key: string, values: arrayOf(nullable(string)), differs: boolean });

const metricSummary = object<MetricSummary>({
  last: metricNumber,
  min: metricNumber,
  max: metricNumber,
  count: integer,
  lastStep: integer,
});

const noteDto = object<NoteDto>({
  id: string,
  title: string,
  createdAt: string,
  createdLabel: string,
  status: literal<NoteStatus>('recorded', 'transcribing', 'transcribed', 'drafted', 'failed'),
  error: optional(string),
  folder: string,
  audioPath: optional(string),
  durationLabel: optional(string),
  transcriptPath: optional(string),
  transcriptPreview: optional(string),
  draftPath: optional(string),
  runIds: arrayOf(string),
  runNames: arrayOf(string),
  tooltip: string,
});

/** Runtime checks of every message the extension receives or sends; the golden tests hold them against the C# server. */
export const wireShapes = {
  runTreeResult: object<RunTreeResult>({ nodes: arrayOf(runTreeNode), total: integer, offset: integer }),
  runDetailsResult: nullable(object<RunDetailsResult>({
    id: string,
    nativeId: string,
    name: string,
    source: string,
    store: string,
    experiment: optional(string),
    parentId: optional(string),
    status: runStatus,
    startTime: optional(string),
    endTime: optional(string),
    duration: optional(string),
    timeAgo: optional(string),
    user: optional(string),
    host: optional(string),
    command: optional(string),
    gitCommit: optional(string),
    gitDirty: optional(boolean),
    note: optional(string),
    label: optional(string),
    live: boolean,
    path: string,
    metricsFile: optional(string),
    params: recordOf(string),
    metrics: recordOf(metricSummary),
    tags: recordOf(string),
    packages: recordOf(string),
    environment: recordOf(string),
    media: arrayOf(object<RunMedia>({ tag: string, kind: string, count: integer, lastStep: integer })),
    dataInputs: arrayOf(object<DataInput>({ path: string, digest: optional(string), size: optional(integer), files: optional(integer) })),
    mainMetric: optional(metricValue),
    tooltip: string,
    annotation: optional(annotation),
    notes: arrayOf(object<RunNoteDto>({ id: string, title: string, createdLabel: string, draftPath: optional(string) })),
    gone: optional(boolean),
  })),
  annotation,
  queryResult: object<QueryResult>({
    runs: arrayOf(runTreeNode),
    total: integer,
    offset: integer,
    error: optional(object<FilterError>({
      message: string,
      position: integer,
      length: integer,
      expected: arrayOf(string),
      field: literal<FilterError['field']>('filter', 'sort'),
    })),
  }),
  compareResult: object<CompareResult>({
    runs: arrayOf(object<CompareRun>({
      id: string,
      name: string,
      experiment: optional(string),
      source: string,
      status: runStatus,
      startTime: optional(string),
      timeAgo: optional(string),
      label: optional(string),
      starred: boolean,
      tags: arrayOf(string),
      gone: optional(boolean),
      path: optional(string),
    })),
    params: arrayOf(compareRow),
    metrics: arrayOf(object<CompareMetric>({
      key: string,
      higherIsBetter: boolean,
      values: arrayOf(nullable(object<CompareMetricCell>({
        last: metricNumber, min: metricNumber, max: metricNumber, best: metricNumber, count: integer, lastStep: integer,
      }))),
      bestIndex: optional(integer),
    })),
    environment: arrayOf(compareRow),
    metricKeys: arrayOf(object<MetricKeyCount>({ key: string, runs: integer })),
    missing: arrayOf(string),
    mainMetric: optional(string),
  }),
  metricSeriesResult: object<MetricSeriesResult>({
    series: arrayOf(object<MetricSeries>({
      runId: string,
      key: string,
      steps: arrayOf(integer),
      wallTimes: arrayOf(integer),
      values: arrayOf(metricNumber),
      total: integer,
    })),
  }),
  indexStatusParams: object<IndexStatusParams>({
    state: literal<IndexState>('indexing', 'ready'),
    runs: integer,
    live: integer,
    problems: integer,
    summary: string,
  }),
  runsChangedParams: object<RunsChangedParams>({ runIds: arrayOf(string), all: boolean }),
  initializationOptions: object<InitializationOptions>({
    storagePath: optional(string),
    excludeGlobs: optional(arrayOf(string)),
    primaryMetric: optional(object<PrimaryMetricSetting>({ name: optional(string), direction: optional(string) })),
  }),
  noteDto,
  notesListResult: object<NotesListResult>({ notes: arrayOf(noteDto), problems: arrayOf(string) }),
  modelStatusDto: object<ModelStatusDto>({
    model: string,
    found: boolean,
    path: optional(string),
    problem: optional(string),
    searched: arrayOf(string),
    downloadUrl: string,
    downloadPath: string,
    sizeLabel: optional(string),
    engineReady: boolean,
    engineProblem: optional(string),
  }),
  notesChangedParams: object<NotesChangedParams>({ noteIds: arrayOf(string) }),
} satisfies Record<string, Required_>;
