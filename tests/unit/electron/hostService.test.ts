import { mkdir, mkdtemp, open, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createHostService, type HostDeps } from '../../../electron/main/hostService';
import { CHANNELS } from '../../../electron/shared/channels';
import { APP_ORIGIN } from '../../../electron/main/trustedUrl';
import { menuSpec } from '../../../electron/main/menu';
import type { Lang } from '../../../core/i18n/lang';
import { MENU_COMMANDS } from '../../../renderer/host/Host';

const APP = 'app://workbench/index.html';

async function setup(
  dialogs: { open?: (string | null)[]; save?: (string | null)[]; openMany?: string[][] } = {},
) {
  const dir = await mkdtemp(join(tmpdir(), 'abs-host-'));
  const titles: string[] = [];
  const langs: Lang[] = [];
  const opens = [...(dialogs.open ?? [])];
  const saves = [...(dialogs.save ?? [])];
  const openMany = [...(dialogs.openMany ?? [])];
  const deps: HostDeps = {
    fs: {
      open: (p, f, m) => open(p, f, m),
      rename,
      unlink,
      readFile: async (p) => new Uint8Array(await readFile(p)),
      stat,
      mkdir,
    },
    showOpenDialog: async () => opens.shift() ?? null,
    showOpenFiles: async () => openMany.shift() ?? [],
    showSaveDialog: async () => saves.shift() ?? null,
    setTitle: (t) => titles.push(t),
    setLanguage: (l) => langs.push(l),
    userDataDir: join(dir, 'userData'),
    randomId: randomUUID,
    trustedOrigins: [APP_ORIGIN],
  };
  return { dir, titles, langs, host: createHostService(deps) };
}

describe('host service: sender and payload checks', () => {
  it('refuses calls from frames that are not the app', async () => {
    const { host } = await setup();
    for (const url of [
      'https://example.com.attacker.com/',
      'app://workbench.evil/',
      undefined,
      'file:///x',
    ]) {
      await expect(host.handle(url, CHANNELS.recentFiles, [])).rejects.toThrow(/untrusted frame/);
    }
  });

  it('refuses unknown channels, including prototype names', async () => {
    const { host } = await setup();
    for (const ch of ['fs:read', '__proto__', 'constructor', 'toString', 42]) {
      await expect(host.handle(APP, ch, [])).rejects.toThrow(/unknown IPC channel/);
    }
  });

  it('refuses malformed payloads before touching anything', async () => {
    const { host, titles } = await setup();
    await expect(host.handle(APP, CHANNELS.setTitle, [{ toString: () => 'x' }])).rejects.toThrow(
      /invalid IPC/,
    );
    await expect(host.handle(APP, CHANNELS.openRecent, ['../../etc/passwd'])).rejects.toThrow(/invalid IPC/);
    await expect(host.handle(APP, CHANNELS.openProject, ['/etc/passwd'])).rejects.toThrow(/invalid IPC/);
    await expect(
      host.handle(APP, CHANNELS.exportFile, ['../../.bashrc', new Uint8Array([1]), 'text/plain']),
    ).rejects.toThrow(/invalid IPC/);
    await expect(
      host.handle(APP, CHANNELS.saveProject, [
        '{}',
        { saveAs: false, token: null, suggestedName: 'a/b.absproj' },
      ]),
    ).rejects.toThrow(/invalid IPC/);
    await expect(
      host.handle(APP, CHANNELS.saveProject, [
        '{}',
        { saveAs: false, token: null, suggestedName: 'a.absproj', path: '/etc/x' },
      ]),
    ).rejects.toThrow(/invalid IPC/);
    expect(titles).toEqual([]);
  });

  it('a token it did not issue opens nothing', async () => {
    const { host } = await setup();
    await expect(host.handle(APP, CHANNELS.openRecent, [randomUUID()])).rejects.toThrow(/unknown file token/);
  });
});

describe('host service: files', () => {
  it('saves through the dialog, then re-saves to the same file by token, atomically', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'abs-save-'));
    const target = join(dir, 'deal.absproj');
    const withDialog = await setup({ save: [target] });
    const first = (await withDialog.host.handle(APP, CHANNELS.saveProject, [
      '{"v":1}',
      { saveAs: false, token: null, suggestedName: 'deal.absproj' },
    ])) as { token: string; name: string };
    expect(first.name).toBe('deal.absproj');
    expect(first.token).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(first)).not.toContain(dir);
    await withDialog.host.handle(APP, CHANNELS.saveProject, [
      '{"v":2}',
      { saveAs: false, token: first.token, suggestedName: 'deal.absproj' },
    ]);
    expect(await readFile(target, 'utf8')).toBe('{"v":2}');
    const recents = (await withDialog.host.handle(APP, CHANNELS.recentFiles, [])) as {
      token: string;
      name: string;
    }[];
    expect(recents).toEqual([{ token: first.token, name: 'deal.absproj' }]);
    const reopened = (await withDialog.host.handle(APP, CHANNELS.openRecent, [first.token])) as {
      bytes: Uint8Array;
    };
    expect(new TextDecoder().decode(reopened.bytes)).toBe('{"v":2}');
  });

  it('a cancelled dialog is null, not an error', async () => {
    const { host } = await setup();
    expect(await host.handle(APP, CHANNELS.openProject, [])).toBeNull();
    expect(await host.handle(APP, CHANNELS.openTape, [])).toBeNull();
    expect(await host.handle(APP, CHANNELS.exportFile, ['r.xlsx', new Uint8Array([1, 2]), 'x'])).toBe(false);
  });

  it('tapes open read-only: no token comes back', async () => {
    const { dir } = await setup();
    const tape = join(dir, 'tape.csv');
    await writeFile(tape, 'id,balance\n1,100\n');
    const { host } = await setup({ open: [tape] });
    const opened = (await host.handle(APP, CHANNELS.openTape, [])) as { token: unknown; name: string };
    expect(opened.token).toBeNull();
    expect(opened.name).toBe('tape.csv');
  });

  it('servicer reports open several at once, read-only; a cancelled dialog is an empty list', async () => {
    const { dir } = await setup();
    const a = join(dir, 'report-01.json');
    const b = join(dir, 'report-02.csv');
    await writeFile(a, '{"period":1}');
    await writeFile(b, '期数,2\n');
    const { host } = await setup({ openMany: [[a, b]] });
    const opened = (await host.handle(APP, CHANNELS.openReports, [])) as { token: unknown; name: string }[];
    expect(opened.map((f) => [f.name, f.token])).toEqual([
      ['report-01.json', null],
      ['report-02.csv', null],
    ]);
    expect(await host.handle(APP, CHANNELS.openReports, [])).toEqual([]);
    await expect(host.handle(APP, CHANNELS.openReports, ['x'])).rejects.toThrow();
  });

  it('autosave survives until cleared (crash recovery)', async () => {
    const { host } = await setup();
    expect(await host.handle(APP, CHANNELS.readAutosave, [])).toBeNull();
    await host.handle(APP, CHANNELS.writeAutosave, ['{"unsaved":true}']);
    expect(await host.handle(APP, CHANNELS.readAutosave, [])).toBe('{"unsaved":true}');
    await host.handle(APP, CHANNELS.writeAutosave, [null]);
    expect(await host.handle(APP, CHANNELS.readAutosave, [])).toBeNull();
  });

  it('ignores a corrupted recent-files list instead of failing', async () => {
    const { host, dir } = await setup();
    await mkdir(join(dir, 'userData'), { recursive: true });
    await writeFile(join(dir, 'userData', 'recent-files.json'), '{"__proto__": {"polluted": 1}}');
    expect(await host.handle(APP, CHANNELS.recentFiles, [])).toEqual([]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('strips control characters from window titles', async () => {
    const { host, titles } = await setup();
    await host.handle(APP, CHANNELS.setTitle, ['Deal\u0007\nname']);
    expect(titles).toEqual(['Deal  name']);
  });
});

describe('menu', () => {
  it('has every renderer command once, with the documented shortcuts', () => {
    const items = menuSpec(false).flatMap((m) => m.items);
    const commands = items.flatMap((i) => ('command' in i ? [i] : []));
    expect(commands.map((c) => c.command).sort()).toEqual([...MENU_COMMANDS].sort());
    const acc = Object.fromEntries(commands.map((c) => [c.command, c.accelerator]));
    expect(acc).toMatchObject({
      new: 'CmdOrCtrl+N',
      open: 'CmdOrCtrl+O',
      save: 'CmdOrCtrl+S',
      saveAs: 'CmdOrCtrl+Shift+S',
      undo: 'CmdOrCtrl+Z',
      redo: 'CmdOrCtrl+Shift+Z',
      run: 'CmdOrCtrl+Enter',
    });
  });

  it('offers dev tools only in development', () => {
    const roles = (dev: boolean) =>
      menuSpec(dev).flatMap((m) => m.items.flatMap((i) => ('role' in i ? [i.role] : [])));
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('toggleDevTools');
  });
});

describe("menu in the app's language", () => {
  const labels = (lang: Lang) =>
    menuSpec(true, lang).flatMap((m) => [
      m.label,
      ...m.items.flatMap((i) => ('label' in i ? [i.label] : [])),
    ]);

  it('is in English by default, with the labels it always had', () => {
    expect(menuSpec(false).map((m) => m.label)).toEqual(['File', 'Edit', 'Deal', 'View']);
    expect(labels('en')).toEqual(
      expect.arrayContaining(['New Project', 'Open…', 'Save As…', 'Export Tranche Report…']),
    );
  });

  it('is in Chinese for zh-CN, platform items included, commands and shortcuts unchanged', () => {
    const zh = menuSpec(true, 'zh-CN');
    expect(zh.map((m) => m.label)).toEqual(['文件', '编辑', '交易', '视图']);
    expect(labels('zh-CN')).toEqual(
      expect.arrayContaining([
        '新建项目',
        '打开…',
        '另存为…',
        '导出证券档次报告…',
        '撤销',
        '退出',
        '复制',
        '放大',
      ]),
    );
    // No label is left in English.
    for (const label of labels('zh-CN')) expect(label, label).not.toMatch(/[A-Za-z]/);
    const strip = (spec: ReturnType<typeof menuSpec>) =>
      spec.map((m) =>
        m.items.map((i) => ('command' in i ? [i.command, i.accelerator] : 'role' in i ? i.role : '-')),
      );
    expect(strip(zh)).toEqual(strip(menuSpec(true, 'en')));
  });

  it('the renderer names the language through the host; anything else is refused', async () => {
    const { host, langs } = await setup();
    await host.handle(APP, CHANNELS.setLanguage, ['zh-CN']);
    await host.handle(APP, CHANNELS.setLanguage, ['en']);
    expect(langs).toEqual(['zh-CN', 'en']);
    await expect(host.handle(APP, CHANNELS.setLanguage, ['fr'])).rejects.toThrow(/invalid IPC payload/);
    await expect(host.handle('https://evil.example/', CHANNELS.setLanguage, ['en'])).rejects.toThrow(
      /untrusted/,
    );
    expect(langs).toEqual(['zh-CN', 'en']);
  });
});
