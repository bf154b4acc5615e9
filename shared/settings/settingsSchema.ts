import { z } from 'zod';
import { timeZoneSchema } from '../schedule/timeZoneSchema';

export const languageSchema = z.enum(['vi', 'en']);
export type Language = z.infer<typeof languageSchema>;

/** Which tone-mark placement the newsroom prints: "hòa, thúy, khỏe" (new) or "hoà, thuý, khoẻ" (old). */
export const toneStyleSchema = z.enum(['new', 'old']);


/** A folder as an absolute path (POSIX, a Windows drive or a UNC share), or empty for none. */
const fullPathOrEmpty = (message: string) =>
  z
    .string()
    .trim()
    .max(1000)
    .refine((path) => path === '' || /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(path), { message });

export const settingsSchema = z.object({
  language: languageSchema,
  toneStyle: toneStyleSchema,
  /** The newsroom's clock, for every time shown or picked; a reporter abroad still works in it. */
  timeZone: timeZoneSchema,
  /** The chuyên mục a story can be filed under, in the order the reporter keeps them. */
  categories: z.array(z.string().trim().min(1).max(200)).max(200),
  /** Whether misspelled syllables are underlined as the reporter types. */
  spellcheck: z.boolean(),
  /** The newsroom's own words the spellchecker accepts (names, loanwords), as the reporter added them. */
  dictionary: z.array(z.string().trim().min(1).max(100)).max(20_000),
  /**
   * Where the daily backups go (a USB drive, say), as an absolute path; empty means the default, a folder beside
   * the data folder. The backup service refuses a folder inside the library.
   */
  backupFolder: fullPathOrEmpty('the backup folder must be a full path'),
  /** The longest headline and sapo, in characters, the pre-publish checklist lets through without a warning. */
  headlineMaxLength: z.number().int().min(20).max(500),
  sapoMaxLength: z.number().int().min(50).max(5_000),
  /**
   * The paper's WordPress site, reached through its REST API with an Application Password. The password is
   * never kept here (settings.json is plain text): see electron/publish/PublishingCredentials.
   */
  wordpressTarget: z
    .object({
      enabled: z.boolean(),
      /** The site's address, e.g. `https://baotinh.vn`. */
      url: z.union([z.literal(''), z.url({ protocol: /^https?$/ }).max(500)]),
      user: z.string().trim().max(200),
    })
    .strict(),
  /** A folder each story is written to as HTML and images, e.g. on a synced or USB drive; a full path. */
  folderTarget: z
    .object({
      enabled: z.boolean(),
      path: fullPathOrEmpty('the folder must be a full path'),
    })
    .strict(),
  /** How long before a story's deadline the reporter is reminded, in minutes. */
  deadlineReminderMinutes: z.number().int().min(0).max(24 * 60),
});
export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Settings = {
  language: 'vi',
  toneStyle: 'new',
  timeZone: 'Asia/Ho_Chi_Minh',
  categories: ['Thời sự', 'Chính trị', 'Kinh tế', 'Xã hội', 'Văn hóa', 'Giáo dục', 'Y tế', 'Thể thao', 'Pháp luật', 'Quốc tế'],
  // A settings.json written before these existed has neither; SettingsStore fills them in from here.
  spellcheck: true,
  dictionary: [],
  backupFolder: '',
  // About what a Vietnamese front page shows whole: a tít of ≤ 100 characters, a sapo of ≤ 300.
  headlineMaxLength: 100,
  sapoMaxLength: 300,
  wordpressTarget: { enabled: false, url: '', user: '' },
  folderTarget: { enabled: false, path: '' },
  deadlineReminderMinutes: 30,
};
