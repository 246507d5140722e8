import { APIRequestContext, BrowserContext, Page, expect } from '@playwright/test';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const PASSWORD = 'Correct-Horse-9';
const screenshots = process.env['REGENTRA_E2E_SCREENSHOTS'] ?? '../.artifacts/e2e/screenshots';
const mailFolder = process.env['REGENTRA_E2E_MAIL'] ?? '';

/** A unique organisation for one test: every test signs up its own, as tenants do in production. */
export function newOrganisation(prefix = 'msp') {
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const slug = `${prefix}-${id}`;
  return { name: `Northwind ${id.toUpperCase()}`, slug, email: `ada@${slug}.test`, adminName: 'Ada Admin' };
}

/** Keeps a picture of the screen as a test artifact (.artifacts/e2e/screenshots/NAME.png). */
export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
}

/** Signs up through the sign-up screen and waits for the dashboard. */
export async function signUp(page: Page, org = newOrganisation(), screenshotName?: string) {
  await page.goto('/sign-up');
  await page.getByLabel('Organisation name').fill(org.name);
  await page.getByLabel('Sign-in name (URL slug)').fill(org.slug);
  await page.getByLabel('Your name').fill(org.adminName);
  await page.getByLabel('Email').fill(org.email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  if (screenshotName) await shot(page, screenshotName);
  await page.getByRole('button', { name: 'Create organisation' }).click();
  await expect(page).toHaveURL(/\/dashboard/);
  await expect(page.getByRole('heading', { name: /Good to see you/ })).toBeVisible();
  return org;
}

export async function signIn(page: Page, organization: string, email: string, password = PASSWORD) {
  await page.getByLabel('Organisation').fill(organization);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: /User menu/ }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

/** The XSRF token the browser holds, for API calls made with the page's cookies. */
export async function xsrfToken(context: BrowserContext): Promise<string> {
  const cookie = (await context.cookies()).find((c) => c.name === 'XSRF-TOKEN');
  if (!cookie) throw new Error('The browser holds no XSRF-TOKEN cookie.');
  return decodeURIComponent(cookie.value);
}

/** Calls the API as the signed-in browser does: its cookies and the X-XSRF-TOKEN header. */
export async function apiPost(request: APIRequestContext, context: BrowserContext, url: string, data: unknown) {
  const response = await request.post(url, { data, headers: { 'X-XSRF-TOKEN': await xsrfToken(context) } });
  expect(response.status(), `${url}: ${await response.text()}`).toBeLessThan(300);
  return response.json();
}

/** PUT and GET as the signed-in browser does (see apiPost). */
export async function apiPut(request: APIRequestContext, context: BrowserContext, url: string, data: unknown) {
  const response = await request.put(url, { data, headers: { 'X-XSRF-TOKEN': await xsrfToken(context) } });
  expect(response.status(), `${url}: ${await response.text()}`).toBeLessThan(300);
  return response.json();
}

export async function apiGet(request: APIRequestContext, url: string) {
  const response = await request.get(url);
  expect(response.status(), `${url}: ${await response.text()}`).toBe(200);
  return response.json();
}

/** The first link to `pathPrefix` in the newest email to `to`, from the host's mail pickup folder. */
export async function linkFromMail(to: string, pathPrefix: string): Promise<string> {
  if (!mailFolder) throw new Error('REGENTRA_E2E_MAIL is not set: the test run names the host\'s mail pickup folder.');
  // Up to 30 s: on a loaded two-core machine the host and the browser share the CPUs.
  for (let attempt = 0; attempt < 150; attempt++) {
    const files = readdirSync(mailFolder)
      .filter((f) => f.endsWith('.eml'))
      .map((f) => join(mailFolder, f))
      .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
    for (const file of files) {
      const eml = readFileSync(file, 'utf8');
      if (!new RegExp(`^To:.*${escape(to)}`, 'im').test(eml)) continue;
      // Only a quoted-printable body is decoded: "token=4F…" in a plain body is not an escape.
      const text = /^Content-Transfer-Encoding:\s*quoted-printable/im.test(eml) ? decodeQuotedPrintable(eml) : eml;
      const match = new RegExp(`https?://[^\\s"<>]*${escape(pathPrefix)}[^\\s"<>]*`).exec(text);
      if (match) return match[0];
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const seen = readdirSync(mailFolder).map((f) => `${f}: ${readFileSync(join(mailFolder, f), 'utf8').match(/^To:.*$/im)?.[0] ?? 'no To'}`);
  throw new Error(`No email to ${to} with a link to ${pathPrefix} in ${mailFolder}. Files: ${seen.join('; ') || 'none'}`);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function decodeQuotedPrintable(text: string): string {
  return text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
