// Makes VS Code ask again for code lenses or inlay hints, as the server's workspace/codeLens/refresh and
// workspace/inlayHint/refresh would: vscode-languageclient keeps one change emitter per registered provider
// (InlayHintsProviderShape.onDidChangeInlayHints, CodeLensProviderShape.onDidChangeCodeLensEmitter) and finds
// the provider for a document, so each open document's provider is fired, each one once.

export interface ChangeEmitter {
  fire(): void;
}

/** Fires the emitter of every provider serving one of `documents`; returns how many were fired. */
export function fireProviderChanges<D>(documents: Iterable<D>, emitterOf: (document: D) => ChangeEmitter | undefined): number {
  const fired = new Set<ChangeEmitter>();
  for (const document of documents) {
    const emitter = emitterOf(document);
    if (!emitter || fired.has(emitter)) continue;
    fired.add(emitter);
    emitter.fire();
  }
  return fired.size;
}
