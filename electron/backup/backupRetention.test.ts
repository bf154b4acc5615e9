import { describe, expect, it } from 'vitest';
import { zonedDateKey } from '../../shared/text/vietnameseDate';
import { backupFileName, backupsIn, isoWeekKey, parseBackupName, planRetention } from './backupRetention';

const zone = 'Asia/Ho_Chi_Minh';
const day = 86_400_000;

/** One automatic backup a day at 08:05 in Hà Nội (01:05 UTC), for `count` days ending on `last`. */
function dailyBackups(count: number, last = Date.UTC(2024, 4, 14, 1, 5)): string[] {
  return Array.from({ length: count }, (_, i) => backupFileName(new Date(last - (count - 1 - i) * day), 'auto'));
}

describe('backup names', () => {
  it('round-trips a name and refuses anything else', () => {
    const name = backupFileName(new Date('2024-05-14T01:34:23.456Z'), 'manual');
    expect(name).toBe('dateline-backup-2024-05-14T01-34-23-456Z-manual.zip');
    expect(parseBackupName(name)).toEqual({ fileName: name, createdAt: new Date('2024-05-14T01:34:23.456Z'), origin: 'manual' });
    for (const other of ['my-backup.zip', `${name}.tmp`, `.${name}`, name.replace('.zip', '.ZIP'), 'dateline-backup-2024-13-44T01-34-23-456Z-auto.zip', `../${name}`, `x/${name}`]) {
      expect(parseBackupName(other), other).toBeNull();
    }
  });

  it('lists the backups in a folder newest first, and nothing else', () => {
    const older = backupFileName(new Date('2024-05-13T01:00:00Z'), 'auto');
    const newer = backupFileName(new Date('2024-05-14T01:00:00Z'), 'manual');
    expect(backupsIn(['notes.txt', older, `.${newer}.tmp`, newer]).map((b) => b.fileName)).toEqual([newer, older]);
  });
});

describe('ISO weeks', () => {
  it('follows ISO 8601 across year ends', () => {
    expect(isoWeekKey('2024-05-14')).toBe('2024-W20');
    expect(isoWeekKey('2021-01-03')).toBe('2020-W53');
    expect(isoWeekKey('2021-01-04')).toBe('2021-W01');
    expect(isoWeekKey('2024-12-30')).toBe('2025-W01');
    expect(isoWeekKey('2024-05-19')).toBe('2024-W20'); // a Sunday closes its week
  });

  it('counts days on the newsroom clock', () => {
    expect(zonedDateKey(new Date('2024-05-13T23:30:00Z'), zone)).toBe('2024-05-14');
    expect(zonedDateKey(new Date('2024-05-13T23:30:00Z'), 'UTC')).toBe('2024-05-13');
    // 06:30 and 17:00 on 14 May in Hà Nội: one newsroom day, two UTC days.
    const early = backupFileName(new Date('2024-05-13T23:30:00Z'), 'auto');
    const late = backupFileName(new Date('2024-05-14T10:00:00Z'), 'auto');
    expect(planRetention([early, late], zone).remove).toEqual([early]);
    expect(planRetention([early, late], 'UTC').remove).toEqual([]);
  });
});

describe('planRetention', () => {
  it('keeps exactly 7 daily and 4 weekly copies out of 60 daily backups', () => {
    const names = dailyBackups(60);
    const plan = planRetention(names, zone);
    const daily = [...plan.keep].filter(([, why]) => why === 'daily').map(([name]) => name);
    const weekly = [...plan.keep].filter(([, why]) => why === 'weekly').map(([name]) => name);
    expect(daily).toEqual(names.slice(-7).reverse());
    expect(weekly).toHaveLength(4);
    expect(plan.remove).toHaveLength(60 - 11);
    expect(new Set([...plan.remove, ...plan.keep.keys()]).size).toBe(60);

    // Each weekly copy is the newest backup of its own ISO week among those older than the dailies.
    const weekOf = (name: string) => isoWeekKey(zonedDateKey(parseBackupName(name)!.createdAt, zone));
    const older = names.slice(0, -7);
    expect(new Set(weekly.map(weekOf)).size).toBe(4);
    for (const name of weekly) {
      const sameWeek = older.filter((other) => weekOf(other) === weekOf(name));
      expect(name).toBe(sameWeek.at(-1));
    }
    // …and they are the four most recent such weeks.
    const weeksBeforeDailies = [...new Set(older.map(weekOf))].reverse().slice(0, 4);
    expect(weekly.map(weekOf)).toEqual(weeksBeforeDailies);
  });

  it('is stable: applying the plan and planning again removes nothing more', () => {
    const names = dailyBackups(60);
    const kept = names.filter((name) => !planRetention(names, zone).remove.includes(name));
    expect(planRetention(kept, zone).remove).toEqual([]);
  });

  it('keeps one backup per day when the app made several', () => {
    const morning = backupFileName(new Date('2024-05-14T01:00:00Z'), 'auto');
    const evening = backupFileName(new Date('2024-05-14T12:00:00Z'), 'auto');
    const plan = planRetention([morning, evening], zone);
    expect([...plan.keep.keys()]).toEqual([evening]);
    expect(plan.remove).toEqual([morning]);
  });

  it('never removes a name outside its pattern, nor a backup the reporter asked for', () => {
    const foreign = ['ảnh chụp.zip', 'dateline-backup-old.zip', 'dateline-backup-2024-05-14T01-05-00-000Z-auto.zip.tmp', 'notes.txt'];
    const manual = backupFileName(new Date('2023-01-01T00:00:00Z'), 'manual');
    const beforeRestore = backupFileName(new Date('2023-01-02T00:00:00Z'), 'before-restore');
    const plan = planRetention([...dailyBackups(60), ...foreign, manual, beforeRestore], zone);
    for (const name of [...foreign, manual, beforeRestore]) {
      expect(plan.remove).not.toContain(name);
      expect(plan.keep.has(name)).toBe(false);
    }
    expect(plan.remove).toHaveLength(49);
  });

  it('keeps everything while there are fewer backups than the policy allows', () => {
    expect(planRetention(dailyBackups(5), zone).remove).toEqual([]);
  });
});
