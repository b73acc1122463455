// The compare panel's webview bundle: wires the page to VS Code's webview API.
import type { CompareViewState, HostToWebview, WebviewToHost } from '../src/features/compare/messages';
import { CompareApp } from './app';
import { echartsSurface } from './echartsSurface';
import './styles.css';

interface VsCodeApi {
  postMessage(message: WebviewToHost): void;
  getState(): unknown;
  setState(state: CompareViewState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const app = new CompareApp(document.getElementById('root')!, vscode, echartsSurface);
window.addEventListener('message', (event: MessageEvent<HostToWebview>) => app.receive(event.data));
app.start();
