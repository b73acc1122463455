import { randomBytes } from 'node:crypto';

/** The webview's Content-Security-Policy: nothing but our own bundle and styles. ECharts draws on a
 * canvas and styles its tooltip through the CSSOM (element.style), which a style-src policy allows. */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `img-src ${cspSource} data:`,
    `font-src ${cspSource}`,
  ].join('; ');
}

export function newNonce(): string {
  return randomBytes(18).toString('base64url');
}

export interface PanelHtmlParts {
  readonly cspSource: string;
  readonly nonce: string;
  readonly scriptUri: string;
  readonly styleUri: string;
}

/** The page around the bundle: every value in it is ours (URIs from asWebviewUri, a fresh nonce). */
export function panelHtml({ cspSource, nonce, scriptUri, styleUri }: PanelHtmlParts): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(cspSource, nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${styleUri}" nonce="${nonce}">
<title>Compare Runs</title>
</head>
<body>
<div id="root" data-testid="compare-root"></div>
<script nonce="${nonce}" src="${scriptUri}"></script>
</body>
</html>`;
}
