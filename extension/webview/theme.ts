// Chart colours from VS Code's theme variables, read again whenever the body's theme class changes.

export interface ChartTheme {
  readonly foreground: string;
  readonly muted: string;
  readonly grid: string;
  readonly background: string;
  readonly tooltipBackground: string;
  readonly fontFamily: string;
  readonly palette: readonly string[];
}

const paletteVariables = ['--vscode-charts-blue', '--vscode-charts-orange', '--vscode-charts-green', '--vscode-charts-red',
  '--vscode-charts-purple', '--vscode-charts-yellow', '--vscode-terminal-ansiCyan', '--vscode-terminal-ansiMagenta'];
const paletteFallback = ['#3794ff', '#d18616', '#89d185', '#f14c4c', '#b180d7', '#cca700', '#11a8cd', '#bc3fbc'];

export function readTheme(element: Element = document.body): ChartTheme {
  const style = getComputedStyle(element);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    foreground: read('--vscode-editor-foreground', '#cccccc'),
    muted: read('--vscode-descriptionForeground', '#999999'),
    grid: read('--vscode-editorWidget-border', read('--vscode-panel-border', '#80808040')),
    background: read('--vscode-editor-background', '#1e1e1e'),
    tooltipBackground: read('--vscode-editorHoverWidget-background', '#252526'),
    fontFamily: read('--vscode-font-family', 'sans-serif'),
    palette: paletteVariables.map((name, i) => read(name, paletteFallback[i]!)),
  };
}

/** Calls `onChange` when VS Code switches theme (it sets vscode-dark/vscode-light/vscode-high-contrast on body). */
export function watchTheme(onChange: () => void, element: Element = document.body): () => void {
  const observer = new MutationObserver(() => onChange());
  observer.observe(element, { attributes: true, attributeFilter: ['class'] });
  return () => observer.disconnect();
}
