import type { Browser, BrowserContext, Page } from "@playwright/test";

type Allowance = { url: RegExp; statuses: number[] };

// Chromium's own line for a response with an error status; the response itself is judged instead.
const FAILED_RESOURCE = /^Failed to load resource: the server responded with a status of (\d{3})/;

/**
 * Collects what a test's browser pages did wrong: console errors, uncaught exceptions and
 * responses of status 400 or more that the test did not declare with `allowHttpErrors`.
 * It watches the test's own context and every context or page the test opens from `browser`.
 */
export class BrowserErrors {
  private readonly problems: string[] = [];
  private readonly allowedHttp: Allowance[] = [];
  private readonly allowedConsole: RegExp[] = [];
  private readonly watched = new WeakSet<Page>();

  allowHttpErrors(url: RegExp, statuses: number[]): void {
    this.allowedHttp.push({ url, statuses });
  }

  allowConsoleErrors(text: RegExp): void {
    this.allowedConsole.push(text);
  }

  watchContext(context: BrowserContext): void {
    context.on("page", (page) => this.watchPage(page));
    for (const page of context.pages()) this.watchPage(page);
  }

  watchPage(page: Page): void {
    if (this.watched.has(page)) return;
    this.watched.add(page);
    page.on("pageerror", (error) => this.problems.push(`uncaught exception on ${page.url()}: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() !== "error") return;
      const text = message.text();
      const location = message.location().url;
      const failed = FAILED_RESOURCE.exec(text);
      if (
        failed
          ? this.isAllowedHttp(location, Number(failed[1]))
          : this.allowedConsole.some((pattern) => pattern.test(text))
      )
        return;
      // An unexpected status is reported once, by the response listener.
      if (failed) return;
      this.problems.push(`console error on ${page.url()}: ${text}${location ? ` (${location})` : ""}`);
    });
    page.on("response", (response) => {
      const status = response.status();
      if (status < 400 || this.isAllowedHttp(response.url(), status)) return;
      this.problems.push(`HTTP ${status} for ${response.request().method()} ${response.url()} (on ${page.url()})`);
    });
  }

  /**
   * Makes `browser.newContext` and `browser.newPage` watch what they open until the returned
   * function is called (the browser outlives the test).
   */
  watchBrowser(browser: Browser): () => void {
    const { newContext, newPage } = browser;
    browser.newContext = async (...args: Parameters<Browser["newContext"]>) => {
      const context = await newContext.apply(browser, args);
      this.watchContext(context);

      return context;
    };
    browser.newPage = async (...args: Parameters<Browser["newPage"]>) => {
      const page = await newPage.apply(browser, args);
      this.watchPage(page);

      return page;
    };

    return () => {
      browser.newContext = newContext;
      browser.newPage = newPage;
    };
  }

  list(): string[] {
    return [...this.problems];
  }

  private isAllowedHttp(url: string, status: number): boolean {
    return this.allowedHttp.some((allowance) => allowance.statuses.includes(status) && allowance.url.test(url));
  }
}
