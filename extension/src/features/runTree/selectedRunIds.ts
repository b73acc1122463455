/** An internal command (not in the palette): the run ids selected in the Runs view, for the voice notes' drafts. */
export const selectedRunIdsCommand = 'ideTracker.selectedRunIds';
