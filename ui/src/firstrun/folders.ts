// Folder paths as the first-run screen shows them: the core decides where things go, the screen
// only shows the default that follows a folder being typed.

/** `backups` inside `folder`, with the separator the path already uses (Windows or not). */
export function backupsIn(folder: string): string {
  const separator = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  return `${folder.replace(/[\\/]+$/, '')}${separator}backups`;
}
