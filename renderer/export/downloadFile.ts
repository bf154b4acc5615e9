/**
 * Hands a file to the reporter: a Blob link clicked with `download`. In a browser that is a download; in the
 * desktop app Electron answers it with the native save dialog, so no extra API is needed for either.
 */
export function downloadFile(fileName: string, mimeType: string, dataBase64: string): void {
  const binary = atob(dataBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has started the download by the next task; the URL is no longer needed after it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
