// The microphone in the status bar: "Record a voice note" while idle, the elapsed time while recording
// (warning colours near the limit), a click stops.
import * as vscode from 'vscode';
import type { RecordingController } from './recordingController';
import { idleStatus, recordingStatus } from './recordingLabels';

export const recordingStatusBarId = 'ideTracker.voiceNote';

export function createRecordingStatusBar(controller: RecordingController): vscode.StatusBarItem & vscode.Disposable {
  const item = vscode.window.createStatusBarItem(recordingStatusBarId, vscode.StatusBarAlignment.Left, 9);
  item.name = 'ide-tracker voice note';
  const update = () => {
    const elapsed = controller.elapsed;
    const content = elapsed ? recordingStatus(elapsed.seconds, elapsed.maxSeconds) : idleStatus();
    item.text = content.text;
    item.tooltip = content.tooltip;
    item.command = content.command;
    item.backgroundColor = content.warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    item.accessibilityInformation = { label: content.tooltip };
  };
  const listening = controller.onDidChange(update);
  update();
  item.show();
  const dispose = item.dispose.bind(item);
  item.dispose = () => {
    listening.dispose();
    dispose();
  };
  return item;
}
