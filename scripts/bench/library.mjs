// A reporter's library of 10,000 stories: how long it takes to open, to save one story in it, to search it and
// how well the search ranks, what the main process holds in memory, and how the story list renders and scrolls.
//
// The corpus: 10,000 Vietnamese stories of about 600 words each (sapo, body with a heading now and then, one or
// two photo captions), with categories, tags, bylines and datelines, generated from vietnameseCorpus.mjs with a
// fixed seed, so every run measures the same library. Phrases with a known answer set are planted in it ("đảng
// viên" in 40 stories and look-alikes such as "đang viện dẫn" and "Đặng Viên" in 30 others, "Hòa Bình" against
// "bình hoa", "sạt lở" against "sát lò", …); "đảng viên" is taken out of the generated text everywhere else.
// The story files are written straight into <tmp>/stories/<id>.json: the store builds its index on first open.
//
// Figures, each against its baseline where there is one. The services run in fresh Node processes standing in for
// the main process (the JIT cold as when the app starts; the OS file cache is warm, the files were just written):
//  - library.first_open_ms: the first open, which also builds index.json from the 10,000 story files, until
//    createServices() resolves.
//  - library.open.p50_ms: three later opens, until createServices() resolves: the summaries and the saved search
//    index are loaded, and the list, the editor and the search work from then on. library.search_ready_ms: the
//    second open (the first after the first), until services.searchReady: the story word sequences (for phrase
//    ranking) are read and the index agrees with every story's revision. That open rebuilds the search index,
//    because the first open's process ended before it was whole, as a first launch that is quit at once would.
//  - main.rss_mb: the RSS of that process once the search index is whole (a Node process, not Electron's main
//    process, which adds Electron's own share).
//  - store.save.p50_ms / p95_ms: 200 `stories.update` calls through createHandlers' table, the body changed a
//    little each time, 10 stories in turn, after 20 uncounted warm-up saves on other stories; against lowdb's own JSONFile holding the same 10,000 stories in one
//    file (update one story in the array, write()), 50 saves. lowdb's writer renames but does not fsync;
//    Dateline fsyncs the story file and its folder, and a line of index.journal. Either stops early (after at least 20 and 10)
//    once it has taken 20 s, so a slow store cannot stall the run; the count is printed.
//  - store.save.p95_ms_with_500_versions: the same 200 saves on ten other stories, each given a history of 500
//    versions first (files and log lines as StoryHistory writes them), against store.save.p95_ms.
//  - search.p50_ms / p95_ms: 200 queries (the 20 below, 30 more with and without marks, multi-word, unfinished
//    last words such as "quang n", and 150 phrases taken from the corpus, half folded) through the search
//    service, every hit ranked and the best 200 returned (what the story list asks for), each once after a warm-up; against a naive scan of every story's folded text, kept in memory,
//    with `includes` for each folded word. Every tenth query also goes through the `stories.search` handler
//    (filters, a category filter on half, limit 200 as the list asks).
//  - search.precision_at_10: over 20 queries with a known answer set, the share of the top 10 that truly hold
//    every word of the query (its exact spelling, either tone-mark placement, where the query has marks; folded
//    otherwise), with the query as typed in the search box, so the last word still completes as a prefix;
//    search.precision_at_10_finished: the same with a space typed after the last word.
//  - list.render_ms, list.scroll_frame.p95_ms: in Chromium (1280×800) through the web host, the time from
//    navigation to the frame that shows the story list's first rows (p50 of three loads after a first one), and
//    the main-thread work of each frame while the list pane is scrolled down with the mouse wheel to its bottom,
//    or 20,000 px (about 300 rows) where the list loads more as it scrolls: from the frame's start to the first
//    task after its rendering. list.scroll_raf_interval.p95_ms: the rAF intervals meanwhile, whole vsyncs
//    (16.7 ms at 60 Hz is the best they can show; more means a dropped frame).
/* global MutationObserver, MessageChannel -- used in functions that run in the page */
import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { repoRoot } from './benchResults.mjs';
import { cleanupStack, launchChromium, percentile, round, sleep, startWebHost } from './support.mjs';
import { countWords, generateHeading, generateParagraphs, mulberry32 } from './vietnameseCorpus.mjs';

const seed = 20250614;
const storyCount = 10_000;
const saveCount = 200;
const savedStories = 10;
const baselineSaveCount = 50;
/** Saves stop early, after at least `minSaves`, once they have taken this long (a slow store must not stall the run). */
const saveBudgetMs = 20_000;
const minSaves = 20;
const searchCount = 200;
/** How many rows the story list asks the search for. */
const listLimit = 200;
const viewport = { width: 1280, height: 800 };
const bundleDir = join(repoRoot, 'node_modules', '.cache', 'dateline-bench-library');
const thisFile = fileURLToPath(import.meta.url);
const quiet = { info() {}, warn() {}, error: console.error };
const ms = (value) => (Number.isFinite(value) ? `${value.toFixed(value < 10 ? 2 : 1)} ms` : '—');
const mb = (bytes) => bytes / 1024 / 1024;

// ---- The corpus -----------------------------------------------------------------------------------------

const categories = ['Thời sự', 'Chính trị', 'Kinh tế', 'Xã hội', 'Văn hóa', 'Giáo dục', 'Y tế', 'Thể thao', 'Pháp luật', 'Quốc tế'];
const reporters = ['Minh Đức', 'Thu Hằng', 'Quang Minh', 'Hoàng Nga', 'Đỗ Phương', 'Thanh Tùng', 'Ngọc Mai', 'Việt Hoa', 'Mạnh Trường', 'Hùng Sơn', 'Phạm Học', 'Thùy Linh'];
const tagPool = ['Quảng Ninh', 'Hạ Long', 'du lịch', 'giao thông', 'kinh tế biển', 'chuyển đổi số', 'giáo dục', 'y tế', 'nông thôn mới', 'an ninh', 'môi trường', 'văn hóa', 'thể thao', 'xây dựng Đảng', 'cải cách hành chính', 'Vân Đồn', 'Móng Cái', 'than', 'bão lũ', 'ngư dân'];
const datelines = ['Quảng Ninh', 'Hạ Long', 'Cẩm Phả', 'Uông Bí', 'Móng Cái', 'Vân Đồn', 'Cô Tô', 'Đông Triều', 'Hà Nội', 'Hải Phòng'];
const sources = ['Theo: baoquangninh.vn', 'Theo: TTXVN', 'Theo: nhandan.vn'];

/**
 * Planted phrases: each goes into `count` stories of its own, as a body sentence, the headline, a caption or a
 * tag. The look-alikes ("đang viện dẫn" for "đảng viên") fold to the same letters as the real answers.
 */
const plants = [
  { key: 'đảng viên', count: 25, where: 'body', text: ['Chi bộ đã kết nạp 3 đảng viên mới trong quý I.', 'Mỗi đảng viên phải gương mẫu trong công tác giảm nghèo.', 'Số đảng viên trẻ tăng so với cùng kỳ năm trước.'] },
  { key: 'đảng viên', count: 10, where: 'headline', text: ['Kết nạp đảng viên mới ở vùng biên', 'Đảng viên trẻ đi đầu chuyển đổi số'] },
  { key: 'đảng viên', count: 5, where: 'caption', text: ['Đảng viên thôn Khe Tiền trồng rừng phòng hộ.'] },
  { key: 'đang viện', count: 10, where: 'body', text: ['Luật sư bào chữa đang viện dẫn các quy định mới để xin giảm nhẹ.'] },
  { key: 'đang viện', count: 8, where: 'headline', text: ['Doanh nghiệp đang viện cớ chậm nộp thuế'] },
  { key: 'Đặng Viên', count: 7, where: 'body', text: ['Ông Đặng Viên, trưởng thôn, cho biết mưa đã ngớt từ chiều qua.'] },
  { key: 'Đặng Viên', count: 5, where: 'caption', text: ['Anh Đặng Viên bên ruộng lúa chờ thu hoạch.'] },
  { key: 'Hòa Bình', count: 10, where: 'body', text: ['Đoàn công tác tỉnh Hòa Bình đến thăm và làm việc tại địa phương.'] },
  { key: 'Hòa Bình', count: 5, where: 'body', text: ['Đội tuyển Hoà Bình giành huy chương vàng ở nội dung đồng đội.'] },
  { key: 'Hòa Bình', count: 5, where: 'headline', text: ['Hòa Bình: mùa lúa chín trên ruộng bậc thang'] },
  { key: 'Hòa Bình', count: 5, where: 'tag', text: ['Hòa Bình'] },
  { key: 'bình hoa', count: 10, where: 'body', text: ['Trên bàn tiếp khách là bình hoa ban trắng muốt.'] },
  { key: 'bình hoa', count: 5, where: 'headline', text: ['Bình hoa đào ngày Tết của người Hà Nội'] },
  { key: 'hòa giải', count: 10, where: 'body', text: ['Tổ hòa giải ở cơ sở đã giải quyết dứt điểm 12 vụ việc.'] },
  { key: 'hoà nhạc', count: 5, where: 'body', text: ['Buổi hoà nhạc mừng xuân thu hút đông đảo khán giả.'] },
  { key: 'sạt lở', count: 15, where: 'body', text: ['Mưa lớn gây sạt lở đất tại nhiều tuyến đường liên xã.'] },
  { key: 'sạt lở', count: 10, where: 'headline', text: ['Khẩn cấp khắc phục sạt lở ở Ba Chẽ'] },
  { key: 'sát lò', count: 12, where: 'body', text: ['Công nhân đứng sát lò nung suốt ca làm việc.'] },
  { key: 'sát lò', count: 8, where: 'headline', text: ['Cảnh sát kiểm tra lò gạch trái phép'] },
  { key: 'cháy rừng', count: 15, where: 'body', text: ['Nguy cơ cháy rừng đang ở cấp cực kỳ nguy hiểm.'] },
  { key: 'cháy rừng', count: 10, where: 'headline', text: ['Chủ động phòng cháy rừng trong mùa khô'] },
  { key: 'chạy rừng', count: 8, where: 'headline', text: ['Giải chạy rừng Yên Tử thu hút 2.000 vận động viên'] },
  { key: 'chảy rừng', count: 7, where: 'body', text: ['Dòng suối chảy qua rừng nguyên sinh quanh năm.'] },
  { key: 'học bổng', count: 15, where: 'body', text: ['Trao 50 suất học bổng cho học sinh nghèo vượt khó.'] },
  { key: 'học bổng', count: 5, where: 'headline', text: ['Học bổng tiếp sức đến trường'] },
  { key: 'học bóng', count: 10, where: 'body', text: ['Học sinh tham gia giải bóng đá thiếu niên cấp tỉnh.'] },
  { key: 'học bóng', count: 5, where: 'headline', text: ['Học sinh khối 9 thi bóng chuyền'] },
  { key: 'bảo vệ chính trị nội bộ', count: 15, where: 'body', text: ['Hội nghị bàn công tác bảo vệ chính trị nội bộ năm nay.'] },
  { key: 'bảo vệ chính trị nội bộ', count: 5, where: 'headline', text: ['Siết chặt công tác bảo vệ chính trị nội bộ'] },
  { key: 'bảo vệ chính trị', count: 10, where: 'body', text: ['Lực lượng bảo vệ chính trị tại cơ sở được kiện toàn.'] },
  { key: 'bão số 3', count: 12, where: 'body', text: ['Khắc phục hậu quả cơn bão số 3 (Yagi) còn nhiều việc phải làm.'] },
  { key: 'bão số 3', count: 8, where: 'headline', text: ['Sau bão số 3, ngư dân trở lại biển'] },
];

/** The 20 queries whose answers are judged, as a reporter types them. */
const precisionQueries = [
  'đảng viên', 'dang vien', 'đang viện dẫn', 'Hòa Bình', 'hòa', 'hoà giải', 'sạt lở', 'sat lo', 'cháy rừng', 'học bổng',
  'bảo vệ chính trị nội bộ', 'bão số 3', 'Lê Văn Ánh', 'Đặng Xuân Phương', 'Cô Tô', 'Quảng Ninh', 'thặng dư', 'Vũ Văn Diện', 'Tô Lâm', 'mặt bằng',
];

/** Queries a reporter types, with and without marks, unfinished last words, one to five words. */
const fixedQueries = [
  ...precisionQueries,
  'quang n', 'bao ve chinh tri noi b', 'Quảng Ninh phát triển du lịch', 'quang ninh du lich', 'ha long', 'hạ lo', 'dang v', 'cao toc van don mong cai',
  'tăng trưởng kinh tế', 'giai phong mat bang', 'và', 'ng', 'th', 'bảo vệ môi trường', 'Nguyễn Xuân Ký', 'nguyen xuan k', 'chuyển đổi số', 'chuyen doi so',
  'Hòa', 'hoa', 'sat l', 'chay r', 'hoc b', 'Công an tỉnh', 'bão', 'xuat khau thuy san', 'khu công nghiệp Đông Triều', 'Vân Đồn', 'ngu dan', 'dang vien ',
];
const warmUpQueries = ['kinh te', 'du lịch biển', 'giao thong van t', 'Móng Cái', 'y te', 'học sinh', 'xay dung nong thon', 'Bãi Cháy', 'ca', 'phòng chống thiên tai'];

/** shared/text/foldVietnamese.ts's fold, for the queries sampled here (this process loads no app code). */
const fold = (text) => text.normalize('NFD').toLowerCase().replace(/\p{M}/gu, '').replace(/đ/gu, 'd').normalize('NFC');
/** "đảng viên" occurs in most generated stories; outside the planted ones it is made "hội viên". */
const clean = (text) => text.replace(/đảng viên/g, 'hội viên').replace(/Đảng viên/g, 'Hội viên');

function storyId(random) {
  const hex = () => Math.floor(random() * 0x1_0000_0000).toString(16).padStart(8, '0');
  const [a, b, c, d] = [hex(), hex(), hex(), hex()];
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${'89ab'[Math.floor(random() * 4)]}${c.slice(1, 4)}-${c.slice(4)}${d}`;
}

const paragraph = (text) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const figureNode = (caption, credit) => ({ type: 'figure', attrs: { mediaId: null, src: null, alt: '', credit: `Ảnh: ${credit}` }, content: [{ type: 'text', text: caption }] });

/** One story, in the shape the store writes (schemaVersion 3), from its own seed. */
function makeStory(index, random) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  const storySeed = seed * 31 + index * 7919;
  const id = storyId(random);
  const bodyWords = 250 + Math.floor(random() * 600);
  const texts = generateParagraphs(storySeed, bodyWords).map(clean);
  const sapo = clean(generateParagraphs(storySeed + 1, 35).join(' '));
  const bylines = random() < 0.2 ? [pick(reporters), pick(reporters)] : [pick(reporters)];
  const figures = 1 + (random() < 0.4 ? 1 : 0);
  const blocks = [];
  texts.forEach((text, i) => {
    if (i > 0 && i % 8 === 0) blocks.push({ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: clean(generateHeading(storySeed + 10 + i)) }] });
    blocks.push(paragraph(text));
    if ((i === 1 || (i === 5 && figures === 2)) && i < texts.length - 1) blocks.push(figureNode(`${clean(generateHeading(storySeed + 100 + i))} (${pick(datelines)}).`, pick(reporters)));
  });
  if (!blocks.some((b) => b.type === 'figure')) blocks.push(figureNode(`${clean(generateHeading(storySeed + 99))}.`, pick(reporters)));
  const tags = [...new Set([pick(tagPool), pick(tagPool), ...(random() < 0.5 ? [pick(tagPool)] : [])])];
  const created = Date.UTC(2023, 0, 1) + Math.floor(random() * 880 * 86_400_000);
  const updated = created + Math.floor(random() * 72 * 3_600_000);
  return {
    schemaVersion: 3,
    id,
    kicker: random() < 0.3 ? clean(generateHeading(storySeed + 2)) : '',
    headline: clean(generateHeading(storySeed + 3)),
    sapo,
    body: { type: 'doc', content: blocks },
    status: 'draft',
    category: pick(categories),
    tags,
    bylines,
    dateline: pick(datelines),
    source: random() < 0.15 ? pick(sources) : '',
    ednote: '',
    storyType: random() < 0.6 ? 'tin' : 'bai',
    featuredImage: null,
    createdAt: new Date(created).toISOString(),
    updatedAt: new Date(updated).toISOString(),
    revision: 1 + Math.floor(random() * 8),
    trashedAt: null,
  };
}

function plantInto(story, plant, text, random) {
  if (plant.where === 'headline') story.headline = text;
  else if (plant.where === 'tag') story.tags = [...story.tags, text];
  else if (plant.where === 'caption') {
    const figure = story.body.content.find((b) => b.type === 'figure');
    figure.content = [{ type: 'text', text }];
  } else {
    const paragraphs = story.body.content.filter((b) => b.type === 'paragraph');
    const target = paragraphs[Math.floor(random() * paragraphs.length)];
    target.content = [{ type: 'text', text: `${target.content[0].text} ${text}` }];
  }
}

/** Phrases of 1–4 words from the corpus, some folded, some with the last word unfinished. */
function sampleQuery(story, random) {
  const texts = story.body.content.filter((b) => b.type === 'paragraph').map((b) => b.content[0].text);
  const words = texts[Math.floor(random() * texts.length)].split(/[\s,.:;…()]+/).filter((w) => /\p{L}/u.test(w));
  const length = 1 + Math.floor(random() * 4);
  const start = Math.floor(random() * Math.max(1, words.length - length));
  let query = words.slice(start, start + length).join(' ');
  if (random() < 0.5) query = fold(query);
  const last = query.split(' ').at(-1);
  if (random() < 0.3 && last.length > 2) query = query.slice(0, query.length - last.length + 2 + Math.floor(random() * (last.length - 2)));
  return query;
}

/** Writes the corpus; returns the ids (in writing order), the sampled queries and its size. */
export async function writeCorpus(dataDir) {
  const folder = join(dataDir, 'stories');
  await mkdir(folder, { recursive: true });
  const random = mulberry32(seed);
  const plantRandom = mulberry32(seed + 1);
  const queryRandom = mulberry32(seed + 2);
  // Each planted phrase gets stories of its own, drawn without replacement.
  const order = [...Array(storyCount).keys()];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(plantRandom() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const planted = new Map();
  let next = 0;
  for (const plant of plants) for (let k = 0; k < plant.count; k++) planted.set(order[next++], { plant, text: plant.text[k % plant.text.length] });

  const ids = [];
  const seen = new Set();
  const sampled = [];
  let words = 0;
  let bytes = 0;
  let batch = [];
  for (let i = 0; i < storyCount; i++) {
    const story = makeStory(i, random);
    if (seen.has(story.id)) throw new Error(`duplicate story id ${story.id}`);
    seen.add(story.id);
    const plant = planted.get(i);
    if (plant) plantInto(story, plant.plant, plant.text, plantRandom);
    if (i % Math.floor(storyCount / (searchCount - fixedQueries.length)) === 0 && sampled.length < searchCount - fixedQueries.length) sampled.push(sampleQuery(story, queryRandom));
    words += countWords([story.headline, story.kicker, story.sapo, ...story.body.content.map((b) => b.content?.[0]?.text ?? '')].join(' '));
    ids.push(story.id);
    const json = JSON.stringify(story, null, 1);
    bytes += Buffer.byteLength(json);
    batch.push(writeFile(join(folder, `${story.id}.json`), json));
    if (batch.length === 256) {
      await Promise.all(batch);
      batch = [];
    }
  }
  await Promise.all(batch);
  return { ids, sampled, wordsPerStory: words / storyCount, bytes };
}

// ---- The services -----------------------------------------------------------------------------------------

/** Bundles the main process's services and the shared text code for Node from their TypeScript sources. */
async function bundleServices() {
  // Imported here, not at the top: the child processes that open the library load this file too, and their
  // memory must be the services', not Vite's.
  const { build } = await import('vite');
  const entry = (path) => join(repoRoot, path);
  await build({
    root: repoRoot,
    configFile: false,
    logLevel: 'warn',
    build: {
      ssr: true,
      outDir: bundleDir,
      emptyOutDir: true,
      rolldownOptions: {
        input: {
          createServices: entry('electron/services/createServices.ts'),
          createHandlers: entry('electron/api/createHandlers.ts'),
          searchTokens: entry('shared/text/searchTokens.ts'),
          toneMarks: entry('shared/text/toneMarks.ts'),
          foldVietnamese: entry('shared/text/foldVietnamese.ts'),
          storySearchText: entry('shared/story/storySearchText.ts'),
        },
        output: { entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' },
      },
    },
  });
}

async function loadBundle() {
  const load = (name) => import(pathToFileURL(join(bundleDir, `${name}.mjs`)).href);
  const [{ createServices }, { createHandlers }, { searchTokens, hasMarks }, { applyToneStyle }, { foldVietnamese }, { storySearchText }] = await Promise.all(
    ['createServices', 'createHandlers', 'searchTokens', 'toneMarks', 'foldVietnamese', 'storySearchText'].map(load),
  );
  return { createServices, createHandlers, searchTokens, hasMarks, applyToneStyle, foldVietnamese, storySearchText };
}

const resultMarker = '@@library-bench-result ';

/**
 * A fresh Node process standing in for the app's main process: `library.mjs --child open <dataDir>` opens the
 * library and exits once createServices() resolves; `--child main <dataDir> <args.json>` also waits for the search
 * index, notes its memory, then runs the saves and searches. Prints its figures as one JSON line.
 */
async function childRun(mode, dataDir, argsFile) {
  const started = performance.now();
  const lib = await loadBundle();
  const imported = performance.now();
  const services = await lib.createServices({ dataDir, log: quiet });
  const usable = performance.now();
  const result = { importMs: imported - started, usableMs: usable - imported, summaries: services.stories.summaries().length };
  if (mode === 'main') {
    // Since b43ae13 the search index fills behind the opened library (searchReady); before, createServices waited.
    await services.searchReady;
    result.readyMs = performance.now() - imported;
    result.indexed = services.search.size;
    const memory = process.memoryUsage();
    globalThis.gc?.();
    const collected = process.memoryUsage();
    Object.assign(result, { rss: memory.rss, heapUsed: memory.heapUsed, rssAfterGc: collected.rss, heapAfterGc: collected.heapUsed });
    Object.assign(result, await measureInProcess(lib, services, dataDir, JSON.parse(await readFile(argsFile, 'utf8'))));
  }
  process.stdout.write(`${resultMarker}${JSON.stringify(result)}\n`);
  process.exit(0);
}

async function runChild(cleanup, args) {
  const child = cleanup.child(spawn(process.execPath, ['--expose-gc', thisFile, '--child', ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] }));
  let result = null;
  let pending = '';
  child.stdout.on('data', (chunk) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop();
    for (const line of lines) {
      if (line.startsWith(resultMarker)) result = JSON.parse(line.slice(resultMarker.length));
      else console.log(line);
    }
  });
  const code = await new Promise((resolve) => child.once('exit', (c, signal) => resolve(c ?? signal)));
  if (code !== 0 || !result) throw new Error(`the child process (${args[0]}) failed (${code})`);
  return result;
}

// ---- Measurements -----------------------------------------------------------------------------------------

/** Times `fn` on each item in turn; with a budget, stops once it is spent and `min` items are done. */
async function timeEach(items, fn, { budgetMs = Infinity, min = 0 } = {}) {
  const times = [];
  const begun = performance.now();
  for (const [i, item] of items.entries()) {
    if (i >= min && performance.now() - begun > budgetMs) break;
    const started = performance.now();
    await fn(item, i);
    times.push(performance.now() - started);
  }
  return times;
}

/** The body with its last paragraph's text changed, as an autosave after a few keystrokes sends it. */
function editedBody(body, n) {
  const content = body.content.map((block) => block);
  const last = content.findLastIndex((block) => block.type === 'paragraph');
  const text = content[last].content[0].text.replace(/ \(cập nhật \d+\)$/, '');
  content[last] = { ...content[last], content: [{ type: 'text', text: `${text} (cập nhật ${n})` }] };
  return { ...body, content };
}

/** `savedStories` stories spread through the library; `offset` picks another set of the same size. */
const spreadIds = (ids, offset = 0) => Array.from({ length: savedStories }, (_, i) => ids[Math.floor(((i + 0.5) * ids.length) / savedStories) + offset]);

async function benchSaves(handlers, chosen, count = saveCount) {
  const current = new Map();
  for (const id of chosen) current.set(id, await handlers['stories.get']({ id }));
  const times = await timeEach(Array.from({ length: count }, (_, i) => chosen[i % chosen.length]), async (id, n) => {
    const story = current.get(id);
    const saved = await handlers['stories.update']({ id, baseRevision: story.revision, changes: { body: editedBody(story.body, n) } });
    current.set(id, saved);
  }, { budgetMs: saveBudgetMs, min: minSaves });
  return times;
}

const historyDepth = 500;

/**
 * A story's history as StoryHistory keeps it, 500 versions deep: history/<id>/ with a file per version and a
 * versions.jsonl line for each, dated a day apart in the past so the next save starts a version of its own.
 */
async function seedVersions(dataDir, story, count) {
  const folder = join(dataDir, 'history', story.id);
  await mkdir(folder, { recursive: true });
  const text = JSON.stringify(story);
  const lines = [];
  for (let i = 0; i < count; i++) {
    const savedAt = new Date(Date.UTC(2023, 0, 1) + i * 86_400_000).toISOString();
    const versionId = `r${story.revision}-${savedAt.replace(/[-:.]/g, '')}`;
    await writeFile(join(folder, `${versionId}.json`), text);
    lines.push(JSON.stringify({ versionId, revision: story.revision, savedAt, reason: 'autosave', words: 600, since: savedAt }));
  }
  await writeFile(join(folder, 'versions.jsonl'), `${lines.join('\n')}\n`);
}

/** lowdb as its documentation shows it: one JSON file holding the whole library, rewritten on every change. */
async function benchSingleFile(folder, stories) {
  const { Low } = await import('lowdb');
  const { JSONFile } = await import('lowdb/node');
  const db = new Low(new JSONFile(join(folder, 'db.json')), { stories: [] });
  db.data.stories = stories;
  await db.write();
  const size = (await stat(join(folder, 'db.json'))).size;
  const chosen = Array.from({ length: savedStories }, (_, i) => stories[Math.floor(((i + 0.5) * stories.length) / savedStories)].id);
  const times = await timeEach(Array.from({ length: baselineSaveCount }, (_, i) => chosen[i % chosen.length]), async (id, n) => {
    const story = db.data.stories.find((s) => s.id === id);
    story.body = editedBody(story.body, n);
    story.revision += 1;
    story.updatedAt = new Date().toISOString();
    await db.write();
  }, { budgetMs: saveBudgetMs, min: 10 });
  return { times, size };
}

/** Every story file as it is on disk (after the saves), parsed but not validated. */
async function readAllStories(dataDir) {
  const folder = join(dataDir, 'stories');
  const names = (await readdir(folder)).filter((name) => name.endsWith('.json') && !name.startsWith('.'));
  const stories = [];
  for (let i = 0; i < names.length; i += 256) {
    stories.push(...(await Promise.all(names.slice(i, i + 256).map(async (name) => JSON.parse(await readFile(join(folder, name), 'utf8'))))));
  }
  return stories;
}

/** The naive search: every story's folded text in memory, and `includes` for each folded word of the query. */
function makeScan(lib, stories) {
  const texts = stories.map((story) => ({ id: story.id, text: lib.foldVietnamese(`${story.headline}\n${story.kicker}\n${lib.storySearchText(story)}`) }));
  return (query) => {
    const words = lib.foldVietnamese(query).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    if (!words.length) return [];
    return texts.filter(({ text }) => words.every((word) => text.includes(word))).map(({ id }) => id);
  };
}

/** Whether a story holds every word of the query: the exact word (either tone-mark style) if it has marks, else folded. */
function makeJudge(lib, byId) {
  const cache = new Map();
  const wordsOf = (id) => {
    if (!cache.has(id)) {
      const story = byId.get(id);
      const tokens = lib.searchTokens(`${story.headline}\n${story.kicker}\n${lib.storySearchText(story)}`);
      cache.set(id, { exact: new Set(tokens.map((t) => lib.applyToneStyle(t.exact, 'new'))), folded: new Set(tokens.map((t) => t.folded)) });
    }
    return cache.get(id);
  };
  return (query, id) => {
    const words = wordsOf(id);
    return lib.searchTokens(query).every((token) => (lib.hasMarks(token.exact) ? words.exact.has(lib.applyToneStyle(token.exact, 'new')) : words.folded.has(token.folded)));
  };
}

function precisionAt10(search, judge, queries) {
  const perQuery = queries.map((query) => {
    const top = search(query).slice(0, 10);
    const good = top.filter((hit) => judge(query.trim(), hit.id)).length;
    return { query, shown: top.length, good, precision: top.length ? good / top.length : 0 };
  });
  return { perQuery, mean: perQuery.reduce((sum, q) => sum + q.precision, 0) / perQuery.length };
}

/** Saves, searches, the scan and precision, in the process that holds the services (the child). */
async function measureInProcess(lib, services, dataDir, { ids, sampled }) {
  const handlers = lib.createHandlers(services);
  const out = {};

  process.stdout.write(`  saves (${saveCount}, or as many as fit in ${saveBudgetMs / 1000} s)… `);
  // Twenty saves on other stories first, not counted, as the searches below get a warm-up: the JIT and the
  // garbage of the index just built in this process are not what a save costs once the app is running.
  await benchSaves(handlers, spreadIds(ids, 5), 20);
  out.saves = await benchSaves(handlers, spreadIds(ids));
  console.log(`${out.saves.length} saves: p50 ${ms(percentile(out.saves, 50))}, p95 ${ms(percentile(out.saves, 95))}, max ${ms(Math.max(...out.saves))}`);
  // The same saves on ten other stories that each already have 500 versions in their history.
  const deep = spreadIds(ids, 3);
  process.stdout.write(`  the same saves on ${deep.length} stories with ${historyDepth} versions each… `);
  for (const id of deep) await seedVersions(dataDir, await handlers['stories.get']({ id }), historyDepth);
  await services.history.idle();
  out.deepSaves = await benchSaves(handlers, deep);
  await services.history.idle();
  console.log(`${out.deepSaves.length} saves: p50 ${ms(percentile(out.deepSaves, 50))}, p95 ${ms(percentile(out.deepSaves, 95))}, max ${ms(Math.max(...out.deepSaves))}`);
  // Where a save's time goes besides the story file: the search re-index, on its own. (The summaries go to
  // index.journal, one line a save; index.json is rewritten only every 2,000 lines.)
  const sample = await handlers['stories.get']({ id: ids[123] });
  out.reindex = await timeEach(Array.from({ length: 20 }), () => services.search.put(sample), { budgetMs: 3_000, min: 2 });
  out.indexSize = (await stat(join(dataDir, 'index.json'))).size;
  console.log(`    of which: search re-index of one story p50 ${ms(percentile(out.reindex, 50))} (index.json ${round(mb(out.indexSize), 2)} MB, not rewritten by a save)`);

  const stories = await readAllStories(dataDir);
  const byId = new Map(stories.map((story) => [story.id, story]));
  const queries = [...fixedQueries, ...sampled].slice(0, searchCount);
  for (const query of warmUpQueries) services.search.search(query, { limit: listLimit });
  const hits = [];
  out.searches = await timeEach(queries, (query) => {
    hits.push(services.search.search(query, { limit: listLimit }).total);
  });
  const arrangeQueries = queries.filter((_, i) => i % 10 === 0);
  out.handlerSearches = await timeEach(arrangeQueries, (query, i) => handlers['stories.search']({ query, filters: i % 2 ? { category: categories[i % categories.length] } : {}, limit: 200 }));
  const scan = makeScan(lib, stories);
  for (const query of warmUpQueries) scan(query);
  out.scans = await timeEach(queries, (query) => scan(query));
  hits.sort((a, b) => a - b);
  console.log(
    `  ${queries.length} searches: p50 ${ms(percentile(out.searches, 50))}, p95 ${ms(percentile(out.searches, 95))}, max ${ms(Math.max(...out.searches))}; ` +
      `hits per query: median ${percentile(hits, 50)}, max ${hits.at(-1)}`,
  );
  const slowest = queries.map((query, i) => ({ query, time: out.searches[i] })).sort((a, b) => b.time - a.time).slice(0, 5);
  console.log(`    slowest: ${slowest.map((s) => `"${s.query}" ${ms(s.time)}`).join(', ')}`);
  console.log(`    through stories.search (filters, limit 200, highlights), ${arrangeQueries.length} queries: p50 ${ms(percentile(out.handlerSearches, 50))}, p95 ${ms(percentile(out.handlerSearches, 95))}`);
  console.log(`    naive scan of the folded texts: p50 ${ms(percentile(out.scans, 50))}, p95 ${ms(percentile(out.scans, 95))}`);

  const judge = makeJudge(lib, byId);
  const typed = precisionAt10((q) => services.search.search(q, { limit: 10 }).hits, judge, precisionQueries);
  const finished = precisionAt10((q) => services.search.search(`${q} `, { limit: 10 }).hits, judge, precisionQueries);
  out.precision = typed.mean;
  out.precisionFinished = finished.mean;
  console.log(`  precision at 10 over ${precisionQueries.length} queries: as typed ${round(typed.mean, 3)}; with the last word finished (a space after it) ${round(finished.mean, 3)}`);
  for (const [i, q] of typed.perQuery.entries()) {
    const f = finished.perQuery[i];
    if (q.precision < 1 || f.precision < 1) console.log(`    "${q.query}": as typed ${q.good}/${q.shown}, finished ${f.good}/${f.shown}`);
  }
  return out;
}

// ---- The story list in Chromium -----------------------------------------------------------------------------

// Rows are `.story-row` inside `.story-list`; the pane that scrolls is `.story-list-scroll` where the list has its
// own scroller, else the library pane.
const rowSelector = '.story-list .story-row';
const keptBodies = 20;
const hostCopyMarker = 'benchcopy';
/** Ten rows fill the pane at 1280×800; a list that renders its whole page renders all of it in the same commit. */
const shownRows = 10;
/** The scroll stops at the bottom of the pane, or after this many pixels (about 300 rows) if it never ends. */
const maxScroll = 20_000;

/** Runs in the page before the app: notes when the list first holds `rows` rows, and the frame that shows them. */
function watchList({ rows, selector }) {
  window.__list = { inDom: null, shown: null };
  const check = () => {
    if (window.__list.inDom !== null || document.querySelectorAll(selector).length < rows) return;
    window.__list.inDom = performance.now();
    requestAnimationFrame(() => (window.__list.shown = performance.now()));
    observer.disconnect();
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true });
}

/** The web host builds its search index after it answers; waits until `query` finds `expected` stories. */
async function waitForHostIndex(host, query, expected) {
  const { origin, searchParams } = new URL(host.url);
  const started = Date.now();
  for (;;) {
    const response = await fetch(`${origin}/api/stories.search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${searchParams.get('token')}` },
      body: JSON.stringify({ query, limit: 1 }),
    });
    const result = await response.json();
    if (response.ok && result.total === expected) return Date.now() - started;
    if (Date.now() - started > 120_000) throw new Error(`the web host's search index did not fill within 120 s (${JSON.stringify(result).slice(0, 200)})`);
    await sleep(250);
  }
}

/**
 * The web host's own copy of the library: the same index.json (so the same list, row for row) and the same story
 * files, but only the newest stories keep their bodies (the app opens the newest); the others hold a marker word
 * of their own. The host builds its search index from these files after it starts answering, one story after
 * the other in index.json's order; with whole bodies that takes as long as in the measuring process, and the
 * list must be measured with the host idle. Once the last stripped story's marker is found, the index is whole.
 */
async function hostLibrary(cleanup, dataDir) {
  const folder = await cleanup.tempDir('dateline-bench-host-');
  await mkdir(join(folder, 'stories'));
  const index = await readFile(join(dataDir, 'index.json'), 'utf8');
  const { stories: summaries } = JSON.parse(index);
  const newest = [...summaries]
    .filter((s) => s.trashedAt === null)
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id))
    .slice(0, keptBodies)
    .map((s) => s.id);
  const keep = new Set(newest);
  const order = new Map(summaries.map((s, i) => [s.id, i]));
  const marker = (id) => `${hostCopyMarker}${order.get(id)}`;
  const stories = await readAllStories(dataDir);
  for (let i = 0; i < stories.length; i += 256) {
    await Promise.all(
      stories.slice(i, i + 256).map((story) => {
        const copy = keep.has(story.id) ? story : { ...story, body: { type: 'doc', content: [paragraph(marker(story.id))] } };
        return writeFile(join(folder, 'stories', `${story.id}.json`), JSON.stringify(copy, null, 1));
      }),
    );
  }
  await writeFile(join(folder, 'index.json'), index);
  return { folder, lastMarker: marker(summaries.findLast((s) => !keep.has(s.id)).id) };
}

/** Scrolls the list pane down with the wheel, to its bottom or `maxScroll`; returns the rAF intervals meanwhile. */
async function scrollFrames(page) {
  await page.evaluate(() => {
    const pane = document.querySelector('.story-list-scroll') ?? document.querySelector('.library-pane');
    for (const marked of document.querySelectorAll('[data-bench-scroller]')) marked.removeAttribute('data-bench-scroller');
    pane.setAttribute('data-bench-scroller', '');
  });
  const scroller = page.locator('[data-bench-scroller]');
  await scroller.evaluate((pane) => (pane.scrollTop = 0));
  await sleep(500);
  const box = await scroller.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 300));
  await scroller.evaluate((pane) => {
    const deltas = [];
    const work = [];
    let last = null;
    window.__frames = { deltas, work, running: true, pane };
    const tick = (now) => {
      if (last !== null) deltas.push(now - last);
      last = now;
      // A message posted now is handled after this frame's scroll handlers, rAF callbacks, style, layout and
      // paint, and after React's render task queued by the scroll: its arrival ends the frame's main-thread work.
      const channel = new MessageChannel();
      channel.port1.onmessage = () => work.push(performance.now() - now);
      channel.port2.postMessage(0);
      if (window.__frames.running) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const started = Date.now();
  for (;;) {
    await page.mouse.wheel(0, 120);
    const { top, max } = await page.evaluate(() => ({ top: window.__frames.pane.scrollTop, max: window.__frames.pane.scrollHeight - window.__frames.pane.clientHeight }));
    if (top >= max - 1 || top >= maxScroll) break;
    if (Date.now() - started > 90_000) throw new Error(`the list pane did not reach the bottom within 90 s (at ${top} of ${max} px)`);
  }
  await sleep(300);
  return page.evaluate(() => {
    window.__frames.running = false;
    const pane = window.__frames.pane;
    return { deltas: window.__frames.deltas, work: window.__frames.work, scrolled: pane.scrollTop, height: pane.scrollHeight, rows: document.querySelectorAll('.story-list .story-row').length };
  });
}

async function benchList(cleanup, dataDir) {
  const copy = await hostLibrary(cleanup, dataDir);
  const hostStarted = performance.now();
  const host = await startWebHost(cleanup, copy.folder);
  const hostUp = performance.now() - hostStarted;
  const hostIndexed = hostUp + (await waitForHostIndex(host, `${copy.lastMarker} `, 1));
  await sleep(1_000);
  const browser = await launchChromium(cleanup);
  const context = await browser.newContext({ viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  cleanup.defer(() => context.close());
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.addInitScript(watchList, { rows: shownRows, selector: rowSelector });
  const renders = [];
  for (let run = 0; run < 4; run++) {
    await page.goto(host.url);
    await page.waitForFunction(() => window.__list?.shown != null, null, { timeout: 60_000 });
    renders.push(await page.evaluate(() => window.__list.shown));
    await sleep(300);
  }
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await sleep(500);
  const firstPage = await page.locator(rowSelector).count();
  const scroll = await scrollFrames(page);
  if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
  await context.close();
  return { hostUp, hostIndexed, renders, firstPage, scroll };
}

// ---- The benchmark ----------------------------------------------------------------------------------------------


function printTable(rows) {
  const header = ['figure', 'Dateline', 'baseline', 'target'];
  const all = [header, ...rows];
  const widths = header.map((_, column) => Math.max(...all.map((row) => row[column].length)));
  console.log('');
  for (const [i, row] of all.entries()) {
    console.log(`  ${row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('   ')}`);
    if (i === 0) console.log(`  ${widths.map((w) => '-'.repeat(w)).join('   ')}`);
  }
}

export async function benchLibrary() {
  const cleanup = cleanupStack();
  try {
    await bundleServices();
    const dataDir = await cleanup.tempDir('dateline-bench-library-');

    let started = performance.now();
    process.stdout.write(`writing ${storyCount.toLocaleString('en')} stories… `);
    const corpus = await writeCorpus(dataDir);
    console.log(`${round(corpus.wordsPerStory, 0)} words per story, ${round(corpus.bytes / storyCount / 1024, 1)} KB per file, ${round((performance.now() - started) / 1000, 1)} s`);
    const argsFile = join(await cleanup.tempDir('dateline-bench-args-'), 'args.json');
    await writeFile(argsFile, JSON.stringify({ ids: corpus.ids, sampled: corpus.sampled }));

    // Every open is a fresh Node process: the JIT is cold as when the app starts (the OS file cache is warm).
    console.log('opening the library (each open a fresh process)…');
    const first = await runChild(cleanup, ['open', dataDir]);
    console.log(`  first open, builds index.json from the story files: ${ms(first.usableMs)}`);
    const main = await runChild(cleanup, ['main', dataDir, argsFile]);
    if (main.indexed !== storyCount || main.summaries !== storyCount) throw new Error(`the open indexed ${main.indexed} stories and listed ${main.summaries}`);
    const later = [main, await runChild(cleanup, ['open', dataDir]), await runChild(cleanup, ['open', dataDir])];
    const usable = later.map((o) => o.usableMs);
    console.log(`  later opens, createServices() resolved: ${usable.map(ms).join(', ')} (bundle import before each: ${ms(main.importMs)})`);
    console.log(`  search index whole (open 2): ${ms(main.readyMs)}`);
    console.log(
      `  memory with the search index whole: RSS ${round(mb(main.rss), 0)} MB, heap ${round(mb(main.heapUsed), 0)} MB; ` +
        `after a full GC RSS ${round(mb(main.rssAfterGc), 0)} MB, heap ${round(mb(main.heapAfterGc), 0)} MB`,
    );

    process.stdout.write(`single-file lowdb baseline (${baselineSaveCount} saves, or as many as fit in ${saveBudgetMs / 1000} s)… `);
    const baselineDir = await cleanup.tempDir('dateline-bench-lowdb-');
    const baseline = await benchSingleFile(baselineDir, await readAllStories(dataDir));
    console.log(`${baseline.times.length} saves to one ${round(mb(baseline.size), 0)} MB file: p50 ${ms(percentile(baseline.times, 50))}, p95 ${ms(percentile(baseline.times, 95))}`);

    let list = null;
    try {
      console.log('story list in Chromium, through the web host…');
      list = await benchList(cleanup, dataDir);
      console.log(
        `  web host answering after ${ms(list.hostUp)}; its search index whole after ${ms(list.hostIndexed)} ` +
          `(waited for, so the list is measured in a settled app; in its copy only the ${keptBodies} newest stories keep their bodies)`,
      );
      console.log(`  first rows on screen (≥ ${shownRows} rows, the frame after): ${list.renders.map(ms).join(', ')} (the first load is not counted); ${list.firstPage} rows in the DOM once loaded`);
      const describe = (run) =>
        `${run.deltas.length} frames over ${run.scrolled} of ${run.height} px, ${run.rows} rows in the DOM at the end: p50 ${ms(percentile(run.deltas, 50))}, ` +
        `p95 ${ms(percentile(run.deltas, 95))}, max ${ms(Math.max(...run.deltas))}, ${run.deltas.filter((d) => d > 25).length} longer than 25 ms; ` +
        `main-thread work per frame p50 ${ms(percentile(run.work, 50))}, p95 ${ms(percentile(run.work, 95))}, max ${ms(Math.max(...run.work))}`;
      console.log(`  wheel scroll from the top: ${describe(list.scroll)}`);
    } catch (error) {
      console.error(`  the story list could not be measured: ${error?.message ?? error}`);
    }

    const p = percentile;
    const figures = {
      'library.first_open_ms': { value: round(first.usableMs, 0), unit: 'ms' },
      'library.open.p50_ms': { value: round(p(usable, 50), 0), unit: 'ms' },
      'library.search_ready_ms': { value: round(main.readyMs, 0), unit: 'ms' },
      'main.rss_mb': { value: round(mb(main.rss), 0), unit: 'MB' },
      'store.save.p50_ms': { value: round(p(main.saves, 50), 1), unit: 'ms' },
      'store.save.p95_ms': { value: round(p(main.saves, 95), 1), unit: 'ms' },
      'store.save.single_file_p50_ms': { value: round(p(baseline.times, 50), 1), unit: 'ms' },
      'store.save.single_file_p95_ms': { value: round(p(baseline.times, 95), 1), unit: 'ms' },
      'store.save.ratio_vs_single_file': { value: round(p(baseline.times, 50) / p(main.saves, 50), 2), unit: 'ratio' },
      'store.save.p95_ms_with_500_versions': { value: round(p(main.deepSaves, 95), 1), unit: 'ms' },
      'search.p50_ms': { value: round(p(main.searches, 50), 2), unit: 'ms' },
      'search.p95_ms': { value: round(p(main.searches, 95), 2), unit: 'ms' },
      'search.handler.p95_ms': { value: round(p(main.handlerSearches, 95), 2), unit: 'ms' },
      'search.scan_p50_ms': { value: round(p(main.scans, 50), 2), unit: 'ms' },
      'search.ratio_vs_scan': { value: round(p(main.scans, 50) / p(main.searches, 50), 2), unit: 'ratio' },
      'search.precision_at_10': { value: round(main.precision, 3), unit: 'share' },
      'search.precision_at_10_finished': { value: round(main.precisionFinished, 3), unit: 'share' },
    };
    if (list) {
      figures['list.render_ms'] = { value: round(p(list.renders.slice(1), 50), 0), unit: 'ms' };
      figures['list.scroll_frame.p95_ms'] = { value: round(p(list.scroll.work, 95), 1), unit: 'ms' };
      figures['list.scroll_raf_interval.p95_ms'] = { value: round(p(list.scroll.deltas, 95), 1), unit: 'ms' };
    }

    const f = (name, format = ms) => (figures[name] ? format(figures[name].value) : '—');
    const times = (v) => `${v}×`;
    printTable([
      ['library.first_open_ms (builds index.json)', f('library.first_open_ms'), '', ''],
      [`library.open.p50_ms (${usable.length} opens, usable)`, f('library.open.p50_ms'), '', '< 300 ms'],
      ['library.search_ready_ms (search index whole)', f('library.search_ready_ms'), '', ''],
      ['main.rss_mb (Node process, index whole)', f('main.rss_mb', (v) => `${v} MB`), '', ''],
      ['store.save.p50_ms', f('store.save.p50_ms'), `${ms(p(baseline.times, 50))} lowdb, one file`, ''],
      ['store.save.p95_ms', f('store.save.p95_ms'), `${ms(p(baseline.times, 95))} lowdb, one file`, '< 15 ms'],
      ['store.save.ratio_vs_single_file', f('store.save.ratio_vs_single_file', times), '', '≥ 20×'],
      ['store.save.p95_ms_with_500_versions', f('store.save.p95_ms_with_500_versions'), `${round(p(main.deepSaves, 95) / p(main.saves, 95), 2)}× store.save.p95_ms`, '≤ 1.5×'],
      ['search.p50_ms', f('search.p50_ms'), `${ms(p(main.scans, 50))} scan`, ''],
      ['search.p95_ms', f('search.p95_ms'), `${ms(p(main.scans, 95))} scan`, '< 5 ms'],
      ['search.handler.p95_ms (stories.search)', f('search.handler.p95_ms'), '', ''],
      ['search.ratio_vs_scan', f('search.ratio_vs_scan', times), '', ''],
      ['search.precision_at_10 (as typed)', f('search.precision_at_10', String), '', ''],
      ['search.precision_at_10_finished', f('search.precision_at_10_finished', String), '', ''],
      ['list.render_ms (first rows on screen)', f('list.render_ms'), '', ''],
      ['list.scroll_frame.p95_ms (main-thread work)', f('list.scroll_frame.p95_ms'), '', '< 16 ms'],
      ['list.scroll_raf_interval.p95_ms (vsync 16.7)', f('list.scroll_raf_interval.p95_ms'), '', ''],
    ]);
    return figures;
  } finally {
    await cleanup.run();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv[2] === '--child') await childRun(process.argv[3], process.argv[4], process.argv[5]);
  else console.log(await benchLibrary());
}
