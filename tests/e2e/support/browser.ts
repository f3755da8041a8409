import { chromium, type Browser } from 'playwright-core';

export const SHOTS_DIR = process.env['ABS_SHOTS_DIR'] ?? '/tmp/shots';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
