// Typing latency in a long story: Dateline's editor against stock Tiptap (StarterKit only) on the same text, in
// the same run and the same Chromium. Builds nothing of Dateline itself: it needs `out/` (run.mjs builds it).
// Dateline is measured twice, with its spellchecker off and on (set through the settings API), on the same story.
//
// The story: ~10,000 words of generated Vietnamese (≈ 140 paragraphs, a few H2 headings). The page is 1280×800;
// the caret goes to the end of a line in the middle paragraph of the body; then a short warm-up (not counted) and
// 200 characters of Vietnamese are typed, one keystroke at a time with a 30 ms pause after each one settles:
// ASCII characters and spaces as real key presses (keydown → keypress → beforeinput → input); precomposed
// letters (đ, ặ, ư, …) one at a time, and every fourth word whole, as `insertText` (beforeinput → input, no
// keydown), which is how an input method (Telex, VNI, the OS's Vietnamese keyboard) delivers finished text.
//
// What is measured, in the page, per keystroke, from t0 = performance.now() in a capturing keydown listener on
// the editor element (or in the capturing beforeinput listener when no keydown came first):
//  - DOM change: the first MutationObserver callback on the editor element after t0, read in a microtask queued
//    from that callback. ProseMirror's own observer parses the browser's edit and dispatches the transaction
//    synchronously in its callback, so deferring by one microtask puts the reading after ProseMirror (and every
//    transaction/update listener it calls) has finished, whichever observer the browser notifies first. In
//    Dateline this includes the synchronous React re-render that a keystroke triggers (checked: the save
//    indicator already reads "unsaved" at that point on the first keystroke).
//  - Next frame: requestAnimationFrame is requested at that point and performance.now() is read in its callback,
//    the start of the frame that shows the change (p95 under 16.7 ms means no keystroke missed a frame).
//  - Painted: that callback posts a MessageChannel message, and performance.now() is read when it arrives. The
//    message is a task queued behind the frame, so the reading falls after that frame's style, layout and paint
//    on the main thread (a second rAF would add an idle vsync wait instead).
/* global performance, MutationObserver, MessageChannel, queueMicrotask, Element -- used in functions that run in the page */
import { readFile, symlink, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { recordBenchResults, repoRoot } from './benchResults.mjs';
import { cleanupStack, launchChromium, percentile, round, serveStatic, sleep, startWebHost } from './support.mjs';
import { countWords, generateHeading, generateParagraphs } from './vietnameseCorpus.mjs';

const seed = 20240514;
const bodyWords = 10_000;
const headingEvery = 30;
const viewport = { width: 1280, height: 800 };
const pauseMs = 30;
const warmUpText = 'Tại Cẩm Phả, hôm nay ';
const typedText = 'Sáng 14/5, đồng chí Lương Cường nhấn mạnh Quảng Ninh cần đặc biệt chú trọng bảo vệ vịnh Hạ Long, phát triển du lịch bền vững, nâng cao đời sống người dân vùng biển đảo, khắc phục hậu quả cơn bão số 3.'.normalize('NFC');
const datelineEditor = '[role="textbox"][aria-label="Soạn bài"]';
const stockEditor = '.ProseMirror';

/** The story's text, as Tiptap JSON blocks, and the paragraph the caret goes into. */
function benchStory() {
  const paragraphs = generateParagraphs(seed, bodyWords);
  const blocks = [];
  paragraphs.forEach((text, index) => {
    if (index > 0 && index % headingEvery === 0) {
      blocks.push({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: generateHeading(seed + index) }] });
    }
    blocks.push({ type: 'paragraph', content: [{ type: 'text', text }] });
  });
  return {
    headline: 'Quảng Ninh tăng tốc hoàn thiện hạ tầng ven biển',
    sapo: 'Sáng 14/5, UBND tỉnh Quảng Ninh tổ chức hội nghị đánh giá tiến độ các dự án trọng điểm.',
    blocks,
    target: paragraphs[Math.floor(paragraphs.length / 2)],
    words: paragraphs.reduce((sum, text) => sum + countWords(text), 0),
    paragraphCount: paragraphs.length,
    headingCount: blocks.length - paragraphs.length,
  };
}

/**
 * The keystrokes for a text: spaces and ASCII characters as key presses, other characters as insertText, and
 * every fourth word (when it has a non-ASCII letter) as one insertText, like an input method committing a word.
 */
function keystrokes(text) {
  const steps = [];
  text.split(' ').forEach((word, index) => {
    if (index > 0) steps.push({ key: 'Space' });
    if (!word) return;
    if (index % 4 === 3 && /[^\x20-\x7e]/.test(word)) {
      steps.push({ insertText: word });
      return;
    }
    for (const char of word) steps.push(/[\x21-\x7e]/.test(char) ? { key: char } : { insertText: char });
  });
  return steps;
}

/** Runs in the page: listens on the editor element and records one sample per keystroke. */
function installProbe(editor) {
  const samples = [];
  let pending = null;
  let onSettled = null;
  const begin = (via) => {
    pending = { via, t0: performance.now(), dom: null, frame: null };
  };
  editor.addEventListener('keydown', () => pending || begin('keydown'), true);
  editor.addEventListener('beforeinput', (event) => pending || begin(`beforeinput:${event.inputType}`), true);
  const observer = new MutationObserver(() => {
    const sample = pending;
    if (!sample || sample.domSeen) return;
    sample.domSeen = true;
    queueMicrotask(() => {
      sample.dom = performance.now() - sample.t0;
      requestAnimationFrame(() => {
        sample.frameStart = performance.now() - sample.t0;
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          sample.frame = performance.now() - sample.t0;
          channel.port1.close();
          onSettled?.();
        };
        channel.port2.postMessage(null);
      });
    });
  });
  observer.observe(editor, { subtree: true, childList: true, characterData: true, attributes: true });
  window.__keystrokeProbe = {
    /** Resolves 'ok' once the current keystroke has its next-frame reading, or a reason after `timeoutMs`. */
    settle: (timeoutMs = 3000) =>
      new Promise((resolve) => {
        const finish = (outcome) => {
          clearTimeout(timer);
          onSettled = null;
          if (outcome === 'ok') samples.push({ via: pending.via, dom: pending.dom, frameStart: pending.frameStart, frame: pending.frame });
          pending = null;
          resolve(outcome);
        };
        const timer = setTimeout(() => finish(!pending ? 'no keydown or beforeinput event' : pending.dom === null ? 'no DOM change' : 'no frame'), timeoutMs);
        onSettled = () => finish('ok');
        if (pending?.frame != null) finish('ok');
      }),
    reset: () => {
      samples.length = 0;
      pending = null;
    },
    samples: () => samples,
    stop: () => observer.disconnect(),
  };
}

/** Puts the caret at the end of a line in the middle of the target paragraph, by a real click and End. */
async function placeCaret(page, editorSelector, target) {
  const point = await page.evaluate(
    ({ editorSelector, target }) => {
      const editor = document.querySelector(editorSelector);
      const paragraph = [...editor.children].find((child) => child.tagName === 'P' && child.textContent === target);
      if (!paragraph) throw new Error('target paragraph not found');
      paragraph.scrollIntoView({ block: 'center' });
      const rect = paragraph.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    },
    { editorSelector, target },
  );
  await page.mouse.click(point.x, point.y);
  await page.keyboard.press('End');
  const inTarget = await page.evaluate(
    ({ editorSelector, target }) => {
      const selection = window.getSelection();
      const node = selection?.anchorNode;
      const element = node instanceof Element ? node : node?.parentElement;
      const paragraph = element?.closest('p');
      return Boolean(selection?.isCollapsed && paragraph?.parentElement === document.querySelector(editorSelector) && paragraph.textContent === target);
    },
    { editorSelector, target },
  );
  if (!inTarget) throw new Error('the caret did not land in the target paragraph');
}

async function typeSteps(page, steps) {
  const failures = [];
  for (const [index, step] of steps.entries()) {
    if (step.key) await page.keyboard.press(step.key);
    else await page.keyboard.insertText(step.insertText);
    const outcome = await page.evaluate(() => window.__keystrokeProbe.settle());
    if (outcome !== 'ok') failures.push(`keystroke ${index} (${JSON.stringify(step)}): ${outcome}`);
    await sleep(pauseMs);
  }
  return failures;
}

/** Clicks, warms up, types the measured text and checks it landed; returns the samples. */
async function measure(page, editorSelector, story, beforeTyping = async () => undefined) {
  await page.waitForFunction(
    ({ editorSelector, target }) => {
      const editor = document.querySelector(editorSelector);
      return Boolean(editor && [...editor.children].some((child) => child.tagName === 'P' && child.textContent === target));
    },
    { editorSelector, target: story.target },
    { timeout: 30_000 },
  );
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await beforeTyping();
  await sleep(500);
  await placeCaret(page, editorSelector, story.target);
  await page.locator(editorSelector).evaluate(installProbe);
  await sleep(300);

  const warmUpFailures = await typeSteps(page, keystrokes(warmUpText));
  await page.evaluate(() => window.__keystrokeProbe.reset());
  const steps = keystrokes(typedText);
  // Chromium's own main-thread totals over the measured typing, as a cross-check less sensitive to frame timing.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map(({ name, value }) => [name, value]));
  const before = await metrics();
  const failures = await typeSteps(page, steps);
  const after = await metrics();
  await cdp.detach();
  const perKeystroke = (name) => ((after[name] - before[name]) * 1000) / steps.length;
  const mainThread = { task: perKeystroke('TaskDuration'), script: perKeystroke('ScriptDuration'), layout: perKeystroke('LayoutDuration') };
  const samples = await page.evaluate(() => window.__keystrokeProbe.samples());
  await page.evaluate(() => window.__keystrokeProbe.stop());
  if (warmUpFailures.length || failures.length) {
    throw new Error(`keystrokes without a measurement:\n  ${[...warmUpFailures, ...failures].join('\n  ')}`);
  }
  if (samples.length !== steps.length) throw new Error(`expected ${steps.length} samples, got ${samples.length}`);

  // The typed text must be in the document, in one piece, in the paragraph the caret was put in.
  const inserted = warmUpText + typedText;
  const landed = await page.evaluate(
    ({ editorSelector, inserted, target }) => {
      const editor = document.querySelector(editorSelector);
      const paragraph = [...editor.children].find((child) => child.textContent.includes(inserted));
      return paragraph ? paragraph.textContent.replace(inserted, '') === target : false;
    },
    { editorSelector, inserted, target: story.target },
  );
  if (!landed) throw new Error(`the typed text did not land in the target paragraph (${editorSelector})`);
  return { samples, mainThread, keystrokeCount: steps.length };
}

function summarize({ samples, mainThread }) {
  const dom = samples.map((sample) => sample.dom);
  const frame = samples.map((sample) => sample.frame);
  const frameStart = samples.map((sample) => sample.frameStart);
  return {
    frameStartP50: percentile(frameStart, 50),
    frameStartP95: percentile(frameStart, 95),
    n: samples.length,
    viaKeydown: samples.filter((sample) => sample.via === 'keydown').length,
    domP50: percentile(dom, 50),
    domP95: percentile(dom, 95),
    domMax: Math.max(...dom),
    frameP50: percentile(frame, 50),
    frameP95: percentile(frame, 95),
    frameMax: Math.max(...frame),
    mainThread,
  };
}

// ---- Dateline -------------------------------------------------------------------------------------------

/** Creates the story through the host's own API, so it is stored in whatever shape the store writes today. */
async function createStory(host, story) {
  const { origin, searchParams } = new URL(host.url);
  const response = await fetch(`${origin}/api/stories.create`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${searchParams.get('token')}` },
    body: JSON.stringify({ headline: story.headline, sapo: story.sapo, body: { type: 'doc', content: story.blocks }, category: 'Thời sự', tags: ['Quảng Ninh'], bylines: ['Minh Đức'] }),
  });
  const created = await response.json();
  if (!response.ok) throw new Error(`could not create the benchmark story: ${JSON.stringify(created).slice(0, 200)}`);
  return created.id;
}

const plainText = (node) => (typeof node?.text === 'string' ? node.text : (node?.content ?? []).map(plainText).join(''));

/**
 * Whether Dateline's autosave wrote the typed text to the story file. Not part of the measurement (no save runs
 * while typing: the autosave waits for an 800 ms pause), so a failed save is reported, not thrown.
 */
async function savedToDisk(page, dataDir, id, text) {
  const file = join(dataDir, 'stories', `${id}.json`);
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    try {
      const stored = JSON.parse(await readFile(file, 'utf8'));
      if (plainText(stored.body).includes(text)) return { saved: true };
    } catch {
      // Mid-rename: try again.
    }
    const state = await page.locator('.save-state').first().getAttribute('data-state').catch(() => null);
    if (state === 'failed') break;
    await sleep(200);
  }
  const indicator = await page.locator('.save-state').first().textContent().catch(() => null);
  return { saved: false, indicator: indicator ?? '(no save indicator)' };
}

/** Turns the spellchecker on or off through the settings API, as the reporter's settings would. */
async function setSpellcheck(host, spellcheck) {
  const { origin, searchParams } = new URL(host.url);
  const response = await fetch(`${origin}/api/settings.update`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${searchParams.get('token')}` },
    body: JSON.stringify({ spellcheck }),
  });
  if (!response.ok) throw new Error(`could not set spellcheck to ${spellcheck}: ${(await response.text()).slice(0, 200)}`);
}

const spellcheckPass = 'dateline:spellcheck-pass';

/**
 * With the spellchecker on, typing starts only after it has checked the screen once with the worker's answers
 * (two passes), so the measured keystrokes pay for its decorations and mapping. Its checks themselves run
 * after a pause in typing, never on a keystroke; how long they take is read afterwards from the page's
 * `performance.measure` entries, as a separate figure.
 */
async function spellcheckReady(page) {
  await page.waitForFunction((name) => performance.getEntriesByName(name).length >= 2, spellcheckPass, { timeout: 30_000 });
}

async function spellcheckPasses(page) {
  await sleep(1500);
  return page.evaluate(
    (name) => ({
      durations: performance.getEntriesByName(name).map((entry) => entry.duration),
      underlined: document.querySelectorAll('.spelling-error').length,
    }),
    spellcheckPass,
  );
}

async function measureDateline(cleanup, browser, story, { spellcheck }) {
  const dataDir = await cleanup.tempDir('dateline-bench-');
  const host = await startWebHost(cleanup, dataDir);
  const id = await createStory(host, story);
  await setSpellcheck(host, spellcheck);
  const context = await browser.newContext({ viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  cleanup.defer(() => context.close());
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(host.url);
  const result = await measure(page, datelineEditor, story, spellcheck ? () => spellcheckReady(page) : undefined);
  const passes = spellcheck ? await spellcheckPasses(page) : null;
  const save = await savedToDisk(page, dataDir, id, warmUpText + typedText);
  if (errors.length) throw new Error(`Dateline page errors: ${errors.join('; ')}`);
  await context.close();
  return { ...result, save, passes };
}

// ---- Stock Tiptap ---------------------------------------------------------------------------------------

/** A page with nothing but `new Editor({ element, extensions: [StarterKit], content })`, built with Vite. */
async function buildStockPage(cleanup, story) {
  const dir = await cleanup.tempDir('tiptap-stock-bench-');
  // Bare imports resolve through the repo's node_modules; the link is removed before the folder.
  await symlink(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  cleanup.defer(() => unlink(join(dir, 'node_modules')));
  const content = {
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: story.headline }] },
      { type: 'paragraph', content: [{ type: 'text', text: story.sapo }] },
      ...story.blocks,
    ],
  };
  await writeFile(join(dir, 'content.json'), JSON.stringify(content));
  await writeFile(
    join(dir, 'main.js'),
    `import '@fontsource/noto-serif/vietnamese-400.css';
import '@fontsource/noto-serif/latin-400.css';
import '@fontsource/noto-serif/vietnamese-700.css';
import '@fontsource/noto-serif/latin-700.css';
import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import content from './content.json';

new Editor({ element: document.querySelector('#editor'), extensions: [StarterKit], content });
`,
  );
  // The same column and type as Dateline's story page, so both lay out comparable lines.
  await writeFile(
    join(dir, 'index.html'),
    `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<title>Stock Tiptap</title>
<style>
  body { margin: 0; background: #fbfaf7; color: #1f1d1a; }
  #editor { max-width: 640px; margin: 0 auto; padding: 20px 40px 120px; }
  .ProseMirror { font-family: 'Noto Serif', Georgia, serif; font-size: 17px; line-height: 1.7; outline: none; }
  .ProseMirror h1 { font-size: 32px; line-height: 1.35; margin: 0 0 14px; }
  .ProseMirror h2 { font-size: 22px; line-height: 1.4; margin: 1.2em 0 0.5em; }
  .ProseMirror p { margin: 0 0 0.9em; }
</style>
</head>
<body>
<div id="editor"></div>
<script type="module" src="./main.js"></script>
</body>
</html>
`,
  );
  const { build } = await import('vite');
  await build({
    configFile: false,
    root: dir,
    base: './',
    logLevel: 'warn',
    cacheDir: join(dir, '.vite-cache'),
    build: { outDir: join(dir, 'dist'), emptyOutDir: true, reportCompressedSize: false },
  });
  return join(dir, 'dist');
}

async function measureStock(cleanup, browser, story) {
  const dist = await buildStockPage(cleanup, story);
  const url = await serveStatic(cleanup, dist);
  const context = await browser.newContext({ viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  cleanup.defer(() => context.close());
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  const result = await measure(page, stockEditor, story);
  if (errors.length) throw new Error(`stock Tiptap page errors: ${errors.join('; ')}`);
  await context.close();
  return result;
}

// ---- The benchmark --------------------------------------------------------------------------------------

const ms = (value) => `${value.toFixed(1)} ms`;

function printTable(story, dateline, stock, spelling) {
  const rows = [
    ['', 'DOM change p50', 'DOM change p95', 'next frame p50', 'next frame p95', 'painted p50', 'painted p95', 'keystrokes'],
    ['Dateline', ms(dateline.domP50), ms(dateline.domP95), ms(dateline.frameStartP50), ms(dateline.frameStartP95), ms(dateline.frameP50), ms(dateline.frameP95), String(dateline.n)],
    ['Dateline + spellcheck', ms(spelling.domP50), ms(spelling.domP95), ms(spelling.frameStartP50), ms(spelling.frameStartP95), ms(spelling.frameP50), ms(spelling.frameP95), String(spelling.n)],
    ['stock Tiptap', ms(stock.domP50), ms(stock.domP95), ms(stock.frameStartP50), ms(stock.frameStartP95), ms(stock.frameP50), ms(stock.frameP95), String(stock.n)],
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  console.log(
    `\nTyping latency: ${story.words.toLocaleString('en')}-word story (${story.paragraphCount} paragraphs, ${story.headingCount} H2), ` +
      `${viewport.width}×${viewport.height}, ${[...typedText].length} characters typed mid-body (${dateline.viaKeydown} key presses, ` +
      `${dateline.n - dateline.viaKeydown} insertText), ${pauseMs} ms apart`,
  );
  for (const row of rows) console.log(`  ${row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('   ')}`);
  console.log(`  DOM-change p95 ratio (Dateline ÷ stock): ${(dateline.domP95 / stock.domP95).toFixed(2)}×`);
  const threads = (run) => `task ${ms(run.mainThread.task)}, script ${ms(run.mainThread.script)}, layout ${ms(run.mainThread.layout)}`;
  console.log(`  main thread per keystroke (Chromium's Performance metrics): Dateline ${threads(dateline)}; stock ${threads(stock)}`);
  console.log(`  worst keystroke: Dateline DOM ${ms(dateline.domMax)}, frame ${ms(dateline.frameMax)}; stock DOM ${ms(stock.domMax)}, frame ${ms(stock.frameMax)}`);
  console.log('  (from keydown/beforeinput; DOM change = after ProseMirror handled the edit; next frame = the rAF callback of the frame that shows it; painted = after that frame\'s rendering work)');
}

export async function benchEditorKeystroke() {
  if ([...typedText].length !== 200) throw new Error(`the typed text must be 200 characters, not ${[...typedText].length}`);
  const story = benchStory();
  const cleanup = cleanupStack();
  try {
    const browser = await launchChromium(cleanup);
    const datelineRun = await measureDateline(cleanup, browser, story, { spellcheck: false });
    const dateline = summarize(datelineRun);
    const spellingRun = await measureDateline(cleanup, browser, story, { spellcheck: true });
    const spelling = summarize(spellingRun);
    const stock = summarize(await measureStock(cleanup, browser, story));
    printTable(story, dateline, stock, spelling);
    const passes = spellingRun.passes.durations;
    const passMax = Math.max(...passes);
    console.log(
      `  spellcheck: next-frame p95 ${ms(spelling.frameStartP95)} with it, ${ms(dateline.frameStartP95)} without; ${passes.length} checks ran ` +
        `(after pauses, off the keystroke), longest ${ms(passMax)}, p95 ${ms(percentile(passes, 95))}; ${spellingRun.passes.underlined} words underlined on screen`,
    );
    for (const [label, run] of [['Dateline', datelineRun], ['Dateline + spellcheck', spellingRun]]) {
      if (!run.save.saved) console.log(`  warning: ${label} did not save the typed text to the story file; its save indicator says: ${run.save.indicator}`);
    }
    return {
      'editor.keystroke.p50_ms': { value: round(dateline.frameStartP50), unit: 'ms' },
      'editor.keystroke.p95_ms': { value: round(dateline.frameStartP95), unit: 'ms' },
      'editor.keystroke.painted_p95_ms': { value: round(dateline.frameP95), unit: 'ms' },
      'editor.keystroke.stock_p95_ms': { value: round(stock.frameStartP95), unit: 'ms' },
      'editor.keystroke.dom_p95_ms': { value: round(dateline.domP95), unit: 'ms' },
      'editor.keystroke.stock_dom_p95_ms': { value: round(stock.domP95), unit: 'ms' },
      'editor.keystroke.dom_p95_ratio_vs_stock': { value: round(dateline.domP95 / stock.domP95), unit: 'ratio' },
      'editor.keystroke.p95_ms_with_spellcheck': { value: round(spelling.frameStartP95), unit: 'ms' },
      'editor.keystroke.dom_p95_ms_with_spellcheck': { value: round(spelling.domP95), unit: 'ms' },
      'editor.spellcheck.pass_max_ms': { value: round(passMax), unit: 'ms' },
    };
  } finally {
    await cleanup.run();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const figures = await benchEditorKeystroke();
    for (const [name, { value, unit }] of Object.entries(figures)) console.log(`${name} = ${value} ${unit}`);
    recordBenchResults(figures);
  } catch (error) {
    console.error(error);
    process.exitCode = 1;
  }
}
