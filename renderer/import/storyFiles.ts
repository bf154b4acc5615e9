/** Which import a dropped or chosen file goes to, by its name or type; null for anything else (photos, …). */
export function storyFileKind(file: Pick<File, 'name' | 'type'>): 'docx' | 'html' | null {
  if (/\.docx$/i.test(file.name) || file.type === 'application/vnd.openxmlformats-officedocument.wordprocessingml.document') return 'docx';
  if (/\.html?$/i.test(file.name) || file.type === 'text/html') return 'html';
  return null;
}

/** While dragging, only the types are known: is a Word or HTML file among them? */
export function dragHasStoryFile(transfer: DataTransfer | null): boolean {
  return [...(transfer?.items ?? [])].some((item) => item.kind === 'file' && storyFileKind({ name: '', type: item.type }) !== null);
}

export const storyFileAccept = '.docx,.html,.htm,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/html';
