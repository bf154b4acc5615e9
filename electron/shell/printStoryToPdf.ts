import { writeFile } from 'node:fs/promises';
import { BrowserWindow, dialog } from 'electron';
import { slugify } from '../../shared/text/slugify';
import { isAppUrl } from './appOrigin';
import { windowOptions } from './windowOptions';

const printViewPattern = /#\/print\/[a-z0-9-]{8,64}(\?print)?$/;

/** The export menu's PDF item opens a story's print view (`#/print/<id>?print`) of the app itself. */
export function isPrintViewUrl(url: string, devServerUrl?: string): boolean {
  return isAppUrl(url, devServerUrl) && printViewPattern.test(url);
}

/** Resolves once the print view marks its page ready (photos decoded, fonts loaded), or after 20 s. */
const waitForReady = `new Promise((resolve) => {
  const started = Date.now();
  const timer = setInterval(() => {
    if (document.querySelector('.paper[data-ready="true"]') || Date.now() - started > 20000) { clearInterval(timer); resolve(true); }
  }, 100);
})`;

/**
 * The desktop app's PDF proof: the print view loads in a hidden window of its own, Chromium prints it to PDF
 * with the view's print stylesheet (A4 as its @page says), and the native save dialog asks where to put it.
 * The browser build prints the same view with window.print() instead.
 */
export async function printStoryToPdf(parent: BrowserWindow | null, url: string, preloadPath: string): Promise<void> {
  // windowOptions() sets contextIsolation and sandbox, and every new window is denied (lockDownWebContents);
  // this one is hidden and never clicked. Electronegativity cannot see options built by a function.
  const view = new BrowserWindow({ ...windowOptions(preloadPath), show: false }); // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK
  try {
    await view.loadURL(url.replace(/\?print$/, ''));
    await view.webContents.executeJavaScript(waitForReady);
    const pdf = await view.webContents.printToPDF({ printBackground: true, preferCSSPageSize: true });
    const name = slugify(view.webContents.getTitle()) || 'dateline';
    const options = { defaultPath: `${name}.pdf`, filters: [{ name: 'PDF', extensions: ['pdf'] }] };
    const { canceled, filePath } = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
    if (!canceled && filePath) await writeFile(filePath, pdf);
  } finally {
    view.destroy();
  }
}
