import type { NoteDto } from '../../../protocol';

export function noteDto(id: string, overrides: Partial<NoteDto> = {}): NoteDto {
  return {
    id,
    title: `Note ${id}`,
    createdAt: '2026-12-02T01:00:00Z',
    createdLabel: '3 minutes ago',
    status: 'recorded',
    folder: `/ws/.ide-tracker/notes/${id}`,
    audioPath: `/ws/.ide-tracker/notes/${id}/audio.wav`,
    runIds: [],
    runNames: [],
    tooltip: `**Note ${id}**`,
    ...overrides,
  };
}
