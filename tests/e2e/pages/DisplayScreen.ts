import type { Locator, Page } from '@playwright/test';

/**
 * The hall display (/display). `fakeSpeech` (before the page loads) swaps the browser's speech for a
 * recorder with one Chinese voice, so a test can read what the hall would have heard.
 */
export class DisplayScreen {
  constructor(readonly page: Page) {}

  static async fakeSpeech(page: Page) {
    await page.addInitScript(() => {
      const w = window as unknown as { __spoken: string[] };
      w.__spoken = [];
      class FakeUtterance {
        onend: (() => void) | null = null;
        onerror: (() => void) | null = null;
        voice: unknown = null;
        lang = '';
        rate = 1;
        constructor(readonly text: string) {}
      }
      const voice = { lang: 'zh-CN', name: '测试普通话', default: true, localService: true, voiceURI: 'test' };
      Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: FakeUtterance, configurable: true, writable: true });
      Object.defineProperty(window, 'speechSynthesis', {
        configurable: true,
        value: {
          getVoices: () => [voice],
          speak: (u: FakeUtterance) => {
            if (u.text) w.__spoken.push(u.text);
            setTimeout(() => u.onend?.(), 30);
          },
          cancel() {},
          addEventListener() {},
          removeEventListener() {},
        },
      });
    });
  }

  spoken(): Promise<string[]> {
    return this.page.evaluate(() => (window as unknown as { __spoken: string[] }).__spoken);
  }

  counter(n: number): Locator {
    return this.page.getByTestId(`display-counter-${n}`);
  }

  counterNumber(n: number): Locator {
    return this.counter(n).getByTestId('display-number');
  }

  recent(): Locator {
    return this.page.getByTestId('display-recent');
  }

  waiting(): Locator {
    return this.page.getByTestId('display-waiting');
  }

  soundButton(): Locator {
    return this.page.getByRole('button', { name: '点击开启语音播报' });
  }

  /**
   * From now on, the time (Date.now) at which counter `n` first shows each number, recorded in the
   * page by a MutationObserver: the display's side of the latency measurement.
   */
  async watchCounter(n: number) {
    await this.page.evaluate((n) => {
      const w = window as unknown as { __shown: Record<string, number> };
      w.__shown = {};
      const read = () => {
        const text = document.querySelector(`[data-testid="display-counter-${n}"] [data-testid="display-number"]`)?.textContent?.trim();
        if (text && !(text in w.__shown)) w.__shown[text] = Date.now();
      };
      new MutationObserver(read).observe(document.body, { subtree: true, childList: true, characterData: true });
      read();
    }, n);
  }

  shownAt(number: string): Promise<number | null> {
    return this.page.evaluate((number) => (window as unknown as { __shown: Record<string, number> }).__shown[number] ?? null, number);
  }
}
