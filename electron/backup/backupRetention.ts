import { zonedDateKey } from '../../shared/text/vietnameseDate';

/** How a backup came to be: the daily run, "Sao lưu ngay", or the copy of the library a restore replaced. */
export type BackupOrigin = 'auto' | 'manual' | 'before-restore';

export interface BackupName {
  fileName: string;
  createdAt: Date;
  origin: BackupOrigin;
}

/**
 * `dateline-backup-2024-05-14T01-34-23-456Z-auto.zip`. The time is in the name, not read from the file's mtime,
 * because a USB stick's FAT file system keeps mtimes in local time at two-second steps. Only names of exactly
 * this shape are ever listed, restored or deleted: anything else in the folder belongs to the reporter.
 */
const namePattern = /^dateline-backup-(\d{4})-(\d{2})-(\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-(auto|manual|before-restore)\.zip$/;

export function backupFileName(at: Date, origin: BackupOrigin): string {
  return `dateline-backup-${at.toISOString().replace(/[:.]/g, '-')}-${origin}.zip`;
}

export function parseBackupName(fileName: string): BackupName | null {
  const match = namePattern.exec(fileName);
  if (!match) return null;
  const [, y, mo, d, h, mi, s, ms, origin] = match;
  const createdAt = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`);
  if (Number.isNaN(createdAt.getTime()) || backupFileName(createdAt, origin as BackupOrigin) !== fileName) return null;
  return { fileName, createdAt, origin: origin as BackupOrigin };
}

/** The backups among `fileNames` (names of any other shape are left out), newest first. */
export function backupsIn(fileNames: readonly string[]): BackupName[] {
  return fileNames
    .map(parseBackupName)
    .filter((b): b is BackupName => b !== null)
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.fileName.localeCompare(a.fileName));
}

/** How many days, and then weeks, of automatic backups are kept (see planRetention). */
const retention = { daily: 7, weekly: 4 };

export interface RetentionPlan {
  /** Automatic backups kept, and why. */
  keep: Map<string, 'daily' | 'weekly'>;
  /** Automatic backups to delete, oldest first. */
  remove: string[];
}

/**
 * Which automatic backups to keep: the newest of each of the last 7 calendar days that have one, then the
 * newest of each of the 4 ISO weeks before those days. Days and weeks are the newsroom's (`timeZone`), so
 * a backup at 06:30 in Hà Nội belongs to that day, not to the UTC day before.
 *
 * Only automatic backups take part. A backup the reporter asked for, or the copy of the library a restore
 * replaced, is never deleted by the app; and a name that does not match this feature's pattern is not a backup
 * at all, so it is neither kept nor removed: it is left alone.
 */
export function planRetention(fileNames: readonly string[], timeZone: string): RetentionPlan {
  const autos = backupsIn(fileNames).filter((b) => b.origin === 'auto');
  const keep = new Map<string, 'daily' | 'weekly'>();
  const days = new Set<string>();
  const weeks = new Set<string>();
  for (const backup of autos) {
    const day = zonedDateKey(backup.createdAt, timeZone);
    if (days.has(day)) continue;
    if (days.size < retention.daily) {
      days.add(day);
      keep.set(backup.fileName, 'daily');
      continue;
    }
    days.add(day);
    const week = isoWeekKey(day);
    if (weeks.has(week) || weeks.size >= retention.weekly) continue;
    // A week whose newer days are dailies still gets its weekly copy from the days before them.
    weeks.add(week);
    keep.set(backup.fileName, 'weekly');
  }
  const remove = autos.filter((b) => !keep.has(b.fileName)).map((b) => b.fileName).reverse();
  return { keep, remove };
}

/** `2024-W20`: the ISO 8601 week (Monday to Sunday, week 1 holds the year's first Thursday) of a calendar day. */
export function isoWeekKey(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  const weekday = date.getUTCDay() || 7;
  // The Thursday of this week decides which year the week belongs to.
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((date.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${date.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}
