/**
 * The app's language reaches what React does not render: zod's schema messages (global configuration) and the
 * desktop menu, which the host rebuilds when told (once per change).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Lang } from '../../../core/i18n/lang';
import { setZodLanguage } from '../../../core/i18n/zodLocale';
import type { Host } from '../../../renderer/host/Host';
import { applyHostLanguage } from '../../../renderer/host/language';

afterEach(() => setZodLanguage('en'));

function fakeHost(): { host: Pick<Host, 'setLanguage'>; told: Lang[] } {
  const told: Lang[] = [];
  const host = {
    setLanguage: async (lang: Lang) => {
      told.push(lang);
    },
  } satisfies Pick<Host, 'setLanguage'>;
  return { host, told };
}

describe('applyHostLanguage', () => {
  it('sets zod’s language and tells the host once per change', () => {
    const { host, told } = fakeHost();
    applyHostLanguage('zh-CN', host);
    expect(z.number().safeParse('x').error?.issues[0]?.message).toBe('无效输入：期望 数字，实际接收 string');
    applyHostLanguage('zh-CN', host);
    applyHostLanguage('en', host);
    expect(z.number().safeParse('x').error?.issues[0]?.message).toBe(
      'Invalid input: expected number, received string',
    );
    expect(told).toEqual(['zh-CN', 'en']);
  });

  it('a host without a menu (the browser) is fine', () => {
    expect(() => applyHostLanguage('zh-CN', {})).not.toThrow();
  });
});
