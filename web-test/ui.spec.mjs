// Drives the live page (/ushs/ui) in headless Chromium for app's BrowserUiTest, which runs the
// nodes and talks to this script by lines: it writes commands on stdin, this script answers on
// stdout. Every wait is bounded; any failure prints "FAIL <reason>" and exits 1.
//   env USHS_UI_URL (http://host:port/ushs/ui), USHS_TOKEN, CHROMIUM (default /usr/bin/chromium)
//   -> CONNECTED                      the page shows state connected
//   <- SEE id[,id..]                  -> SEEN id[,id..] (rows top down, newest first)
//   <- DOWN                           -> DISCONNECTED   (the page noticed its gateway is gone)
//   <- RESUME id[,id..]               -> RESUMED recovered=<b> count=<n> progress=<p> rows=<ids>
//   <- EARLIEST id[,id..]             -> HISTORY recovered=<b> rows=<ids>   (a second page opened
//                                        with ?from=earliest shows the retained history)
//   <- QUIT                           the script closes the browser and exits 0
import { chromium } from 'playwright-core';
import { createInterface } from 'node:readline';

const WAIT = { timeout: 30000 };
const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
let browser;

async function next() {
  const line = await lines.next();
  if (line.done) throw new Error('stdin closed');
  const [command, arg = ''] = line.value.trim().split(' ');
  return { command, ids: arg ? arg.split(',') : [] };
}

async function rows(page) {
  return page.$$eval('#events tr[data-id]', (trs) => trs.map((tr) => tr.dataset.id).join(','));
}

async function waitRows(page, ids) {
  for (const id of ids) await page.waitForSelector(`#events tr[data-id="${id}"]`, WAIT);
}

/** A new page of the live view with `search`, once it shows the state connected. */
async function open(search) {
  const page = await browser.newPage();
  page.on('console', (m) => process.stderr.write(`[page ${m.type()}] ${m.text()}\n`));
  page.on('pageerror', (e) => process.stderr.write(`[page error] ${e}\n`));
  await page.goto(`${process.env.USHS_UI_URL}${search}#token=${process.env.USHS_TOKEN}`, WAIT);
  await page.waitForSelector('#state[data-state="connected"]', WAIT);
  return page;
}

async function main() {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await open('?backoffMaxMs=2000');
  console.log('CONNECTED');
  for (;;) {
    const { command, ids } = await next();
    if (command === 'SEE') {
      await waitRows(page, ids);
      console.log('SEEN ' + (await rows(page)));
    } else if (command === 'DOWN') {
      await page.waitForSelector('#state[data-state="disconnected"]', WAIT);
      console.log('DISCONNECTED');
    } else if (command === 'RESUME') {
      await waitRows(page, ids);
      await page.waitForSelector('#replay[data-recovered]', WAIT);
      await page.waitForSelector('#state[data-state="connected"]', WAIT);
      const replay = await page.$eval('#replay', (el) => ({ ...el.dataset }));
      const progress = await page.$eval('#deployment-bar', (el) => el.getAttribute('aria-valuenow'));
      console.log(`RESUMED recovered=${replay.recovered} count=${replay.count} progress=${progress} rows=${await rows(page)}`);
    } else if (command === 'EARLIEST') {
      const history = await open('?from=earliest');
      await waitRows(history, ids);
      await history.waitForSelector('#replay[data-recovered]', WAIT);
      const recovered = await history.$eval('#replay', (el) => el.dataset.recovered);
      console.log(`HISTORY recovered=${recovered} rows=${await rows(history)}`);
    } else if (command === 'QUIT') {
      break;
    } else {
      throw new Error('unknown command ' + command);
    }
  }
}

main()
  .then(() => browser.close())
  .then(() => process.exit(0))
  .catch(async (error) => {
    console.log('FAIL ' + String(error && error.message ? error.message : error).split('\n')[0]);
    if (browser) await browser.close().catch(() => {});
    process.exit(1);
  });
