/**
 * Asks the app to show a story again after it came back (an undo of a spike, from a toast that outlives the
 * workspace it was made in); `detail` is the story as saved.
 */
export const reopenStoryEvent = 'dateline:reopen-story';
