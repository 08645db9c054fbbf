/**
 * The HTML shell of the Briefing panel's webview: a strict Content Security
 * Policy, the codicon font, the panel's stylesheet and the bundled script.
 * Everything visible is built by the script; the shell holds no data.
 */
import * as vscode from 'vscode';

/**
 * Returns the panel's HTML. `nonce` must be fresh and unguessable for every
 * render (the caller makes it with node's crypto); it admits our one script
 * and the codicon stylesheet, which vscode-elements' icons re-link inside
 * their shadow roots with the same nonce.
 */
export function renderPanelHtml(webview: vscode.Webview, extensionUri: vscode.Uri, nonce: string): string {
  const asset = (...path: string[]): string => escapeAttribute(webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', ...path)).toString());
  const source = webview.cspSource;
  // No 'unsafe-inline' for styles: Lit adopts constructed stylesheets and sets
  // element styles through the CSSOM, neither of which CSP governs, and the
  // icon component's <link> carries the nonce. No data: or remote anything.
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${source} 'nonce-${nonce}'`,
    `font-src ${source}`,
    `img-src ${source}`,
  ].join('; ');
  const n = escapeAttribute(nonce);
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)};">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <link rel="stylesheet" id="vscode-codicon-stylesheet" href="${asset('dist', 'codicon.css')}" nonce="${n}">
  <link rel="stylesheet" href="${asset('panel.css')}" nonce="${n}">
  <title>Briefing</title>
</head>
<body>
  <script type="module" nonce="${n}" src="${asset('dist', 'webview.js')}"></script>
</body>
</html>`;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
