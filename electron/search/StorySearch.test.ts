import { beforeEach, describe, expect, it } from 'vitest';
import { summarizeStory, type Story } from '../../shared/story/storySchema';
import { makeStory } from '../../tests/support/seedLibrary';
import { StorySearch, type SearchFilters } from './StorySearch';

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const story = (id: string, headline: string, text: string, extra: Partial<Story> = {}) =>
  makeStory({ id: `${id}-0000-4000-8000-000000000000`.slice(0, 36), headline, sapo: '', tags: [], bylines: [], category: '', dateline: '', body: { type: 'doc', content: [paragraph(text)] }, ...extra });

/** 300 stories of ordinary newsroom filler, plus the few each test looks for. */
const filler = [
  'Ủy ban nhân dân tỉnh tổ chức hội nghị tổng kết công tác năm và triển khai nhiệm vụ năm tới.',
  'Các đại biểu thảo luận về phát triển kinh tế, xây dựng nông thôn mới và chăm lo đời sống nhân dân.',
  'Lực lượng chức năng tăng cường kiểm tra, xử lý vi phạm trật tự an toàn giao thông dịp cuối năm.',
  'Ngành giáo dục chuẩn bị cho kỳ thi tốt nghiệp với nhiều giải pháp đồng bộ.',
  'Doanh nghiệp trên địa bàn đẩy mạnh sản xuất, mở rộng thị trường xuất khẩu.',
];
let search: StorySearch;
let summaries: ReturnType<typeof summarizeStory>[];
const targets = {
  quangNinh: story('aaaaaaa1', 'Quảng Ninh thông xe đường ven biển', 'Tuyến đường dài 16 km.'),
  dangVien: story('aaaaaaa2', 'Kết nạp đảng viên mới', 'Đảng bộ thành phố kết nạp 500 đảng viên trẻ.', { category: 'Chính trị', tags: ['Xây dựng Đảng'], bylines: ['Lương Cường'] }),
  dangVien2: story('aaaaaaa3', 'Sinh hoạt chi bộ', 'Mỗi đảng viên phải gương mẫu.', { category: 'Xã hội' }),
  dangVienFalse: story('aaaaaaa4', 'Bệnh viện quá tải', 'Nhiều người đang viện phí cao, đang chờ khám.'),
  hoa: story('aaaaaaa5', 'Hòa giải tranh chấp đất đai', 'Các bên đồng ý hòa giải.'),
  hoaOld: story('aaaaaaa6', 'Giữ gìn hoà bình', 'Hoà bình là khát vọng.'),
  hoaFlower: story('aaaaaaa7', 'Hoa nở sớm ở Đà Lạt', 'Hoa anh đào nở rộ.'),
  ninhKieu: story('aaaaaaa8', 'Lũ lớn ở Cần Thơ', 'Nước lên nhanh ở bến Ninh Kiều.'),
};

beforeEach(() => {
  search = new StorySearch();
  const all: Story[] = Object.values(targets);
  for (let i = 0; i < 300 - all.length; i++) all.push(story(`f${String(i).padStart(7, '0')}`, `Tin số ${i}`, filler[i % filler.length]!));
  for (const s of all) search.put(s);
  summaries = all.map(summarizeStory);
});

const ids = (query: string) => search.search(query).hits.map((hit) => hit.id);

describe('StorySearch', () => {
  it('finds "Quảng Ninh" when typed without marks', () => {
    expect(ids('quang ninh')[0]).toBe(targets.quangNinh.id);
    expect(ids('QUẢNG NINH')[0]).toBe(targets.quangNinh.id);
  });

  it('finds "đảng viên" for "dang vien", with the phrase above stories where the words merely appear', () => {
    const found = ids('dang vien');
    expect(found.slice(0, 3)).toEqual(expect.arrayContaining([targets.dangVien.id, targets.dangVien2.id]));
    expect(found.indexOf(targets.dangVien.id)).toBeLessThan(found.indexOf(targets.dangVienFalse.id) === -1 ? Infinity : found.indexOf(targets.dangVienFalse.id));
  });

  it('matches "Đảng" to "đảng" whatever the case, and ranks a headline hit above a body hit', () => {
    const found = ids('Đảng');
    expect(found).toContain(targets.dangVien2.id);
    expect(found[0]).toBe(targets.dangVien.id);
  });

  it('finds only the exact spelling for "hòa", counting the old placement "hoà" as the same, and every spelling for "hoa"', () => {
    expect(ids('hòa ').sort()).toEqual([targets.hoa.id, targets.hoaOld.id].sort());
    expect(ids('hoà ').sort()).toEqual([targets.hoa.id, targets.hoaOld.id].sort());
    expect(ids('hoa ')).toEqual(expect.arrayContaining([targets.hoa.id, targets.hoaOld.id, targets.hoaFlower.id]));
  });

  it('finds a story as the reporter types, from a prefix of the last word', () => {
    expect(ids('ninh ki')).toEqual([targets.ninhKieu.id]);
    expect(ids('can t')[0]).toBe(targets.ninhKieu.id);
    expect(ids('xyzzy')).toEqual([]);
  });

  it('follows an edit: new words are found and removed words are not', () => {
    search.put({ ...targets.quangNinh, body: { type: 'doc', content: [paragraph('Cầu Bạch Đằng nối liền hai bờ.')] } });
    expect(ids('bach dang ')).toEqual([targets.quangNinh.id]);
    expect(ids('16 km ')).not.toContain(targets.quangNinh.id);
    search.remove(targets.quangNinh.id);
    expect(ids('quang ninh ')).toEqual([]);
  });

  it('keeps the newer revision when an older one arrives late, as from a background build', () => {
    search.put({ ...targets.quangNinh, revision: 5, headline: 'Cầu Bãi Cháy sửa chữa' });
    search.put({ ...targets.quangNinh, revision: 4 });
    expect(ids('bai chay ')).toEqual([targets.quangNinh.id]);
    expect(ids('thong xe duong ven bien ')).not.toContain(targets.quangNinh.id);
  });

  it('marks where the query stands in the headline', () => {
    expect(search.search('quang ninh ').hits[0]!.id).toBe(targets.quangNinh.id);
    expect(StorySearch.highlights(targets.quangNinh.headline, 'quang ninh ')).toEqual([
      [0, 5],
      [6, 10],
    ]);
    // The word still being typed is marked where a headline word begins with it.
    expect(StorySearch.highlights(targets.quangNinh.headline, 'QUẢNG N')).toEqual([
      [0, 5],
      [6, 10],
    ]);
  });

  it('combines a search with filters: the intersection, counted before the limit', () => {
    const byId = new Map(summaries.map((s) => [s.id, s]));
    const filtered = (filters: SearchFilters, limit?: number) => {
      const passes = StorySearch.filterTest(filters);
      return search.search('dang vien ', { limit, accept: (id) => passes(byId.get(id)!) });
    };
    expect(filtered({ category: 'Chính trị' }).hits.map((s) => s.id)).toEqual([targets.dangVien.id]);
    expect(filtered({ tags: ['Xây dựng Đảng'] }).hits.map((s) => s.id)).toEqual([targets.dangVien.id]);
    expect(filtered({ author: 'luong cuong' }).hits.map((s) => s.id)).toEqual([targets.dangVien.id]);
    expect(filtered({}, 1)).toMatchObject({ total: 3, hits: [{ id: targets.dangVien.id }] });
    expect(summaries.filter(StorySearch.filterTest({ category: 'Xã hội' })).map((s) => s.id)).toEqual([targets.dangVien2.id]);
  });
});

describe('StorySearch with marks typed', () => {
  const marked = {
    phrase: story('bbbbbbb1', 'Kết nạp đảng viên mới', 'Chi bộ kết nạp đảng viên trẻ.'),
    capital: story('bbbbbbb2', 'Sinh hoạt chi bộ', 'Đảng viên phải gương mẫu.'),
    scattered: story('bbbbbbb3', 'Đại hội chi bộ', 'Báo cáo của Đảng bộ; mỗi đoàn viên góp ý.'),
    dangVien: story('bbbbbbb4', 'Bệnh viện quá tải', 'Người bệnh đang viện dẫn quy định.'),
    dangKy: story('bbbbbbb5', 'Mở cổng đăng ký', 'Sinh viên đăng ký học phần.'),
    code: story('bbbbbbb6', 'Hồ sơ mã DANG VIENX24', 'Đã nộp.'),
    hoaNew: story('bbbbbbb7', 'Hòa giải ở cơ sở', 'Tổ hòa giải họp.'),
    hoaOld: story('bbbbbbb8', 'Giữ gìn hoà bình', 'Hoà bình là khát vọng.'),
    hoan: story('bbbbbbb9', 'Hoàn thành cao tốc', 'Dự án hoàn thành sớm.'),
    flower: story('bbbbbbba', 'Hoa nở sớm', 'Hoa anh đào nở rộ.'),
  };
  let index: StorySearch;
  const found = (query: string) => index.search(query).hits.map((hit) => hit.id).sort();
  const of = (...keys: (keyof typeof marked)[]) => keys.map((key) => marked[key].id).sort();

  beforeEach(() => {
    index = new StorySearch();
    for (const s of Object.values(marked)) index.put(s);
    for (let i = 0; i < 50; i++) index.put(story(`e${String(i).padStart(7, '0')}`, `Tin số ${i}`, filler[i % filler.length]!));
  });

  it('lists for "đảng viên" only the stories that spell both words so, capitalised or not, as typed or finished', () => {
    for (const query of ['đảng viên', 'đảng viên ', 'ĐẢNG VIÊN', 'Đảng viên ']) {
      expect(found(query), query).toEqual(of('phrase', 'capital', 'scattered'));
      expect(index.search(query).fallback).toBeUndefined();
    }
    // The phrase still ranks above the words apart.
    expect(index.search('đảng viên').hits.at(-1)!.id).toBe(marked.scattered.id);
  });

  it('completes an unfinished marked word only to words spelt so', () => {
    expect(found('đảng vi')).toEqual(of('phrase', 'capital', 'scattered'));
    expect(found('đảng viê')).toEqual(of('phrase', 'capital', 'scattered'));
    expect(found('đăng k')).toEqual(of('dangKy'));
    expect(found('đang việ')).toEqual(of('dangVien'));
    // Typed in the old placement, "hoà" may still become "hoàn"; in the new one, "hòa" cannot.
    expect(found('hoà')).toEqual(of('hoaNew', 'hoaOld', 'hoan'));
    expect(found('hòa')).toEqual(of('hoaNew', 'hoaOld'));
    expect(found('hòa ')).toEqual(of('hoaNew', 'hoaOld'));
  });

  it('matches folded, as before, a word typed without marks, beside one typed with them', () => {
    expect(found('dang vien ')).toEqual(of('phrase', 'capital', 'scattered', 'dangVien', 'dangKy'));
    expect(found('dang vien')).toEqual(of('phrase', 'capital', 'scattered', 'dangVien', 'dangKy', 'code'));
    expect(found('đăng vien ')).toEqual(of('dangKy'));
    expect(found('hoa ')).toEqual(of('hoaNew', 'hoaOld', 'flower'));
  });

  it('falls back to the folded match, and says so, only when no story spells the marked words so', () => {
    const result = index.search('đảng viênx');
    expect(result.fallback).toBe('folded');
    expect(result.hits.map((hit) => hit.id)).toEqual([marked.code.id]);
    expect(index.search('đẳng viên ')).toMatchObject({ fallback: 'folded', total: 5 });
    // Those that spell more of the words as typed ("viên") come first.
    expect(index.search('đẳng viên ').hits.at(-1)!.id).toBe(marked.dangVien.id);
    expect(index.search('dang vien').fallback).toBeUndefined();
    expect(index.search('xyzzý')).toEqual({ hits: [], total: 0 });
  });

  it('decides the fallback among the stories the filters let through', () => {
    const onlyDangKy = (id: string) => id === marked.dangKy.id;
    expect(index.search('đảng viên', { accept: onlyDangKy })).toMatchObject({ fallback: 'folded', hits: [{ id: marked.dangKy.id }] });
  });

  it('highlights a marked word only where it is spelt so, unless the search fell back', () => {
    const text = 'Đảng viên đăng ký, đang viện dẫn; hoà giải';
    const marks = (query: string, fallback?: 'folded') => StorySearch.highlights(text, query, fallback).map(([start, end]) => text.slice(start, end));
    expect(marks('đảng viên ')).toEqual(['Đảng', 'viên']);
    expect(marks('đảng viê')).toEqual(['Đảng', 'viên']);
    expect(marks('đảng vi')).toEqual(['Đảng', 'viên', 'viện']);
    expect(marks('dang vien ')).toEqual(['Đảng', 'viên', 'đăng', 'đang', 'viện']);
    expect(marks('đảng viên ', 'folded')).toEqual(['Đảng', 'viên', 'đăng', 'đang', 'viện']);
    expect(marks('hòa')).toEqual(['hoà']);
    expect(StorySearch.highlights('Hoàn thành hòa giải', 'hoà')).toEqual([
      [0, 4],
      [11, 14],
    ]);
    expect(StorySearch.highlights('Hoàn thành hòa giải', 'hòa')).toEqual([[11, 14]]);
  });
});
