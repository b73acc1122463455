/** The Notes view in the Experiments container, below the runs. */
export const notesViewId = 'ideTracker.notes';
