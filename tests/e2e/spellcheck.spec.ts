import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, storyPage, test, waitUntilSaved, writeNewStory } from './webHostFixture';

// Every test ends its text with a full stop, so the caret is never inside the last word: the word being typed is
// not judged until the reporter moves on.

test('a misspelling is underlined, and a suggestion from its menu replaces it, undoably', async ({ page, host }) => {
  await writeNewStory(page, host, 'Du lịch biển đảo');
  const { editor, bodyText } = storyPage(page);
  // Typed mostly key by key, the misspelling committed whole as an input method would.
  await page.keyboard.type('Cả ');
  await page.keyboard.insertText('nghành');
  await page.keyboard.type(' du lịch đều khởi sắc.');

  const misspelled = editor.locator('.spelling-error');
  await expect(misspelled).toHaveText(['nghành']);
  await expect(editor).toHaveAttribute('spellcheck', 'false');

  await misspelled.click({ button: 'right' });
  const menu = page.getByRole('menu', { name: 'Chính tả: nghành' });
  await expect(menu).toBeVisible();
  const suggestion = menu.getByRole('menuitem', { name: 'ngành', exact: true });
  await expect(suggestion).toBeVisible();
  await expect(suggestion).toBeFocused();
  await expect(menu.getByRole('menuitem', { name: 'Thêm vào từ điển tòa soạn' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('spelling-menu.png') });

  await suggestion.click();
  await expect(menu).toBeHidden();
  await expect(bodyText).toHaveText(['Cả ngành du lịch đều khởi sắc.']);
  await expect(editor).toBeFocused();
  await expect(misspelled).toHaveCount(0);

  await page.keyboard.press('Control+z');
  await expect(bodyText).toHaveText(['Cả nghành du lịch đều khởi sắc.']);
  await waitUntilSaved(page);
});

test('switching the spellchecker off in the settings takes the underlines away, and on brings them back', async ({ page, host }) => {
  await writeNewStory(page, host, 'Thời tiết');
  const { editor } = storyPage(page);
  await page.keyboard.type('Trời nắng nghành.');
  const misspelled = editor.locator('.spelling-error');
  await expect(misspelled).toHaveText(['nghành']);
  await page.getByRole('button', { name: 'Cài đặt' }).click();
  const settings = page.getByRole('dialog', { name: 'Cài đặt tòa soạn' });
  const toggle = settings.getByRole('checkbox', { name: 'Gạch chân lỗi chính tả khi gõ' });
  await expect(toggle).toBeChecked();
  // The box follows the saved setting, so it turns once the setting is saved.
  await toggle.click();
  await expect(toggle).not.toBeChecked();
  await expect(misspelled).toHaveCount(0);
  await toggle.click();
  await expect(toggle).toBeChecked();
  await expect(misspelled).toHaveText(['nghành']);
});

test('the menu opens from the keyboard and Escape closes it', async ({ page, host }) => {
  await writeNewStory(page, host, 'Thời tiết');
  const { editor } = storyPage(page);
  await page.keyboard.type('Trời nắng nghành.');
  await expect(editor.locator('.spelling-error')).toHaveText(['nghành']);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Shift+F10');
  const menu = page.getByRole('menu', { name: 'Chính tả: nghành' });
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('menuitem', { name: 'ngành', exact: true })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(editor).toBeFocused();
});

test('a correct news sentence is not underlined in either tone-mark style, nor are names, numbers and foreign words', async ({ page, host }) => {
  await writeNewStory(page, host, 'Bí thư Tỉnh ủy làm việc');
  const { editor } = storyPage(page);
  await page.keyboard.type('Bí thư Tỉnh ủy khẳng định hòa bình.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Bí thư Tỉnh uỷ khẳng định hoà bình.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Sức khỏe và sức khoẻ của người dân Hà Nội, Thủy và Thuỷ.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Dịch COVID-19 trên Facebook và Google, UBND cấp 2.000 tỷ đồng lúc 08:34.');
  await page.keyboard.press('Enter');
  // A known misspelling last: once it is underlined, everything above has been checked too.
  await page.keyboard.type('Cuối cùng là nghành.');
  await expect(editor.locator('.spelling-error')).toHaveText(['nghành']);
});

test('a word added to the newsroom dictionary loses its underline and stays accepted after a reload', async ({ page, host }) => {
  await writeNewStory(page, host, 'Cà phê miền núi');
  const { editor, headline } = storyPage(page);
  // Bắc Kạn is a province, but dictionary-vi 3 does not spell "kạn".
  await page.keyboard.type('Tỉnh Bắc Kạn trồng cà phê, nghành chính.');
  const misspelled = editor.locator('.spelling-error');
  await expect(misspelled).toHaveText(['Kạn', 'nghành']);

  await misspelled.first().click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Thêm vào từ điển tòa soạn' }).click();
  await expect(page.getByRole('menu')).toBeHidden();
  await expect(misspelled).toHaveText(['nghành']);
  // settings.json is written just after the menu closes; until then there may be no file at all.
  const savedDictionary = async () => JSON.parse(await readFile(join(host.dataDir, 'settings.json'), 'utf8').catch(() => '{}')).dictionary;
  await expect.poll(savedDictionary).toEqual(['Kạn']);
  await waitUntilSaved(page);

  await page.reload();
  await expect(headline).toHaveText('Cà phê miền núi');
  // Once "nghành" is underlined again, the paragraph has been checked, and "Kạn" was accepted.
  await expect(editor.locator('.spelling-error')).toHaveText(['nghành']);
});
