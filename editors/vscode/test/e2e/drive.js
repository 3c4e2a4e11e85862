// Drives a real VS Code (code-server, with the sparkmigrate .vsix installed)
// in headless Chromium through playwright-core, as a person would: opens a
// PySpark file, waits for the squiggles and the status bar count, hovers a
// finding, applies a quick fix, stores an LLM API key, runs "Migrate with
// LLM", "Migrate this file" and "Migrate from exception" from the command
// palette, and opens the logs. Every step is recorded (what was seen, a
// screenshot, or the error) in a JSON file that test/python/test_vscode_e2e.py
// asserts on; a failing step does not stop the steps that do not depend on it.
//
//   node drive.js CONFIG.json
// CONFIG: {url, workspace, artifacts, results, apiKey, traceback, chromium}
// Nothing here reaches beyond 127.0.0.1: the browser resolves no other host.
"use strict";

const fs = require("fs");
const path = require("path");
const { chromium } = require("playwright-core");

const config = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const results = { steps: {}, order: [], screenshots: [], console: [] };
const STEP_TIMEOUT = 30000;

function save() {
  fs.writeFileSync(config.results, JSON.stringify(results, null, 2));
}

async function poll(what, fn, timeout = STEP_TIMEOUT, interval = 150) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await fn();
      if (last) return last;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (last: ${String(last)})`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

async function main() {
  const browser = await chromium.launch({
    executablePath: config.chromium || "/usr/bin/chromium",
    args: [
      // Only loopback resolves: nothing can leave the machine.
      "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 });
  const origin = new URL(config.url).origin;
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin });
  const page = await context.newPage();
  page.on("console", (m) => {
    if (m.type() === "error" && results.console.length < 50) results.console.push(m.text().slice(0, 300));
  });

  let shot = 0;
  async function screenshot(name) {
    const file = path.join(config.artifacts, `${String(++shot).padStart(2, "0")}-${name}.png`);
    await page.screenshot({ path: file });
    results.screenshots.push(file);
    return file;
  }

  async function step(name, fn) {
    const record = { ok: false };
    results.steps[name] = record;
    results.order.push(name);
    const started = Date.now();
    try {
      Object.assign(record, (await fn(record)) || {});
      record.ok = true;
    } catch (err) {
      record.error = String(err && err.stack ? err.stack : err);
      try {
        record.screenshot = await screenshot(`${name}-failed`);
        // Close whatever the failed step left open, so the next steps start clean.
        for (let i = 0; i < 3; i++) await page.keyboard.press("Escape");
      } catch {
        /* the page is gone */
      }
    }
    record.seconds = (Date.now() - started) / 1000;
    save();
    return record.ok;
  }

  // --- helpers over the workbench DOM ---------------------------------------------------

  const editorSel = ".editor-group-container.active .monaco-editor:not(.inline-diff)";

  async function editorLines() {
    return page.evaluate((sel) => {
      const editor = document.querySelector(sel);
      if (!editor) return null;
      const lines = [...editor.querySelectorAll(".view-lines .view-line")];
      lines.sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top));
      return lines.map((l) => l.textContent.replace(/\u00a0/g, " "));
    }, editorSel);
  }

  async function editorText() {
    const lines = await editorLines();
    return lines ? lines.join("\n") : "";
  }

  async function squiggles() {
    return page.evaluate((sel) => {
      const editor = document.querySelector(sel);
      if (!editor) return [];
      const out = [];
      for (const el of editor.querySelectorAll(
        ".view-overlays .cdr.squiggly-error, .view-overlays .cdr.squiggly-warning, .view-overlays .cdr.squiggly-info",
      )) {
        const r = el.getBoundingClientRect();
        out.push({ cls: el.className, top: r.top, left: r.left, width: r.width, height: r.height });
      }
      return out;
    }, editorSel);
  }

  async function statusText() {
    return page.evaluate(() => {
      for (const el of document.querySelectorAll(".statusbar-item")) {
        const text = (el.textContent || "").trim();
        if (text.includes("Spark Connect")) return { text, label: el.getAttribute("aria-label") || "" };
      }
      return null;
    });
  }

  async function notifications() {
    return page.evaluate(() =>
      [...document.querySelectorAll(".notifications-toasts .notification-list-item-message")].map((n) =>
        (n.textContent || "").trim(),
      ),
    );
  }

  async function focusEditor() {
    await page.click(`${editorSel} .view-lines`, { position: { x: 5, y: 5 } }).catch(() => undefined);
  }

  async function gotoLine(line, column) {
    await focusEditor();
    await page.keyboard.press("Control+G");
    const input = page.locator(".quick-input-widget input");
    await input.waitFor({ state: "visible" });
    await input.fill(`:${line}:${column}`);
    await page.keyboard.press("Enter");
    await page.waitForTimeout(200);
  }

  async function runCommand(title) {
    await page.keyboard.press("F1");
    const input = page.locator(".quick-input-widget input");
    await input.waitFor({ state: "visible" });
    await input.fill(`>${title}`);
    const row = page.locator(".quick-input-widget .monaco-list-row", { hasText: title }).first();
    await row.waitFor({ state: "visible", timeout: 10000 });
    await page.keyboard.press("Enter");
  }

  async function dismissNotifications() {
    await page.evaluate(() => {
      for (const b of document.querySelectorAll(".notifications-toasts .codicon-notifications-clear"))
        b.dispatchEvent(new MouseEvent("click", { bubbles: true }));
    });
  }

  async function openFile(name) {
    // Through the explorer, as a person would (and whatever has the keyboard focus).
    const row = page.locator(".explorer-folders-view .monaco-list-row", { hasText: name }).first();
    await row.waitFor({ state: "visible" });
    await row.click();
    await poll(`${name} in the editor tab`, async () =>
      page.evaluate(
        (n) => !!document.querySelector(`.editor-group-container.active .tab.active[aria-label*="${n}"]`),
        name,
      ),
    );
  }

  // --- the steps ------------------------------------------------------------------------

  const opened = await step("open", async () => {
    await page.goto(config.url);
    await page.waitForSelector(".monaco-workbench", { timeout: 60000 });
    await poll("the explorer", () => page.locator(".explorer-folders-view").isVisible(), 60000);
    await openFile("job.py");
    await poll("editor text", async () => (await editorText()).includes("SparkSession"));
    return {};
  });
  if (!opened) return;

  await step("diagnostics", async (rec) => {
    const marks = await poll("4 squiggles", async () => {
      const s = await squiggles();
      return s.length >= 4 ? s : null;
    });
    rec.squiggles = marks.length;
    const status = await poll("the status bar count", async () => {
      const s = await statusText();
      return s && /Spark Connect: [1-9]/.test(s.text) ? s : null;
    });
    await page.mouse.move(900, 520);
    await page.waitForTimeout(300);
    return { squiggles: marks.length, status: status.text, statusLabel: status.label, text: await editorText(), screenshot: await screenshot("diagnostics") };
  });

  await step("hover", async () => {
    // The squiggle under `df.rdd.isEmpty()` (line 13): the lowest one on the page.
    const marks = await squiggles();
    marks.sort((a, b) => b.top - a.top);
    const target = marks[0];
    await page.mouse.move(target.left + Math.min(20, target.width / 2), target.top + target.height / 2 - 3);
    const hover = await poll("the hover", async () => {
      const text = await page.evaluate(() => {
        const h = [...document.querySelectorAll(".monaco-hover")].find((e) => e.offsetParent !== null && e.textContent.trim());
        return h ? h.textContent : null;
      });
      return text && /SPK302/.test(text) && text.length > 80 ? text : null;
    });
    await page.waitForTimeout(600); // the hover fades in
    const file = await screenshot("hover");
    await page.mouse.move(900, 520);
    await page.keyboard.press("Escape");
    return { hover, screenshot: file };
  });

  await step("quickfix", async () => {
    await gotoLine(13, 15);
    await page.keyboard.press("Control+.");
    const menu = page.locator(".action-widget");
    await menu.waitFor({ state: "visible", timeout: 15000 });
    const titles = await poll("the quick fixes", async () => {
      const t = await page.evaluate(() =>
        [...document.querySelectorAll(".action-widget .monaco-list-row")].map((r) => (r.textContent || "").trim()),
      );
      return t.length ? t : null;
    });
    const menuShot = await screenshot("quickfix-menu");
    // The menu blocks the pointer while it opens: pick with the keyboard, as most people do.
    for (let i = 0; i < titles.length + 1; i++) {
      const focused = await page.evaluate(() => {
        const row = document.querySelector(".action-widget .monaco-list-row.focused");
        return row ? row.getAttribute("aria-label") || row.textContent : "";
      });
      if (/^SPK302:/.test((focused || "").trim())) break;
      await page.keyboard.press("ArrowDown");
    }
    await page.keyboard.press("Enter");
    const text = await poll("the fixed text", async () => {
      const t = await editorText();
      return t.includes("return df.isEmpty()") ? t : null;
    });
    const status = await poll("the status bar count to drop", async () => {
      const s = await statusText();
      return s && /Spark Connect: 3\b/.test(s.text) ? s : null;
    });
    return { titles, text, status: status.text, menuScreenshot: menuShot, screenshot: await screenshot("quickfix-applied") };
  });

  await step("setApiKey", async () => {
    await runCommand("Spark Connect: Set LLM API key");
    const input = page.locator(".quick-input-widget input");
    await poll("the password box", async () => (await input.getAttribute("type")) === "password");
    const type = await input.getAttribute("type");
    await input.fill(config.apiKey);
    const file = await screenshot("api-key-input");
    await page.keyboard.press("Enter");
    await poll("the confirmation", async () => (await notifications()).some((n) => n.includes("secret storage")));
    await dismissNotifications();
    return { inputType: type, screenshot: file };
  });

  await step("migrateWithLlm", async () => {
    await gotoLine(9, 15);
    await runCommand("Spark Connect: Migrate with LLM");
    const text = await poll(
      "the model's rewrite",
      async () => {
        const t = await editorText();
        return t.includes("spark.createDataFrame(data") ? t : null;
      },
      60000,
    );
    await poll("the applied message", async () => (await notifications()).some((n) => n.includes("validated rewrite")));
    await poll("the progress to close", async () => !(await notifications()).some((n) => n.includes("asking the model")), 5000).catch(() => undefined);
    const file = await screenshot("migrate-with-llm");
    await dismissNotifications();
    return { text, screenshot: file };
  });

  await step("migrateFile", async () => {
    await focusEditor();
    await runCommand("Spark Connect: Migrate this file");
    const text = await poll("the migrated file", async () => {
      const t = await editorText();
      return !/^sc\.setLogLevel/m.test(t) && !t.includes("sparkContext") ? t : null;
    });
    const status = await poll("the status bar at 0", async () => {
      const s = await statusText();
      return s && /Spark Connect: 0/.test(s.text) ? s : null;
    });
    const messages = await poll("the result message", async () => {
      const n = await notifications();
      return n.some((x) => x.includes("applied")) ? n : null;
    });
    await page.waitForTimeout(300);
    const squigglesLeft = (await squiggles()).length;
    const file = await screenshot("migrate-file");
    await page.keyboard.press("Control+S");
    await dismissNotifications();
    return { text, status: status.text, messages, squigglesLeft, screenshot: file };
  });

  await step("migrateFromException", async () => {
    await page.evaluate((t) => navigator.clipboard.writeText(t), config.traceback);
    await runCommand("Spark Connect: Migrate from exception");
    const input = page.locator(".quick-input-widget input");
    const prefilled = await poll("the prefilled input", async () => {
      const v = await input.inputValue();
      return v && v.includes("NOT_IMPLEMENTED") ? v : null;
    });
    const inputShot = await screenshot("exception-input");
    await page.keyboard.press("Enter");
    await poll("report.py opened at the cause", async () =>
      page.evaluate(() => !!document.querySelector('.editor-group-container.active .tab.active[aria-label*="report.py"]')),
    );
    const message = await poll("the explanation", async () => {
      const n = await notifications();
      return n.find((x) => x.includes("NOT_IMPLEMENTED")) || null;
    });
    const selection = await page.evaluate(() => {
      const el = document.querySelector(".editor-group-container.active .monaco-editor .selected-text");
      return !!el;
    });
    await page.waitForTimeout(1200); // the progress notification closes after a short delay
    const status = (await statusText()) || {};
    const file = await screenshot("migrate-from-exception");
    // The details page (markdown preview).
    const details = page.locator(".notifications-toasts .monaco-button", { hasText: "Show details" }).first();
    let preview = false;
    if (await details.isVisible()) {
      await details.click();
      preview = await poll("the details preview", async () =>
        page.evaluate(() => [...document.querySelectorAll(".tab")].some((t) => /Preview/.test(t.getAttribute("aria-label") || ""))),
      ).catch(() => false);
      await page.waitForTimeout(1500);
    }
    const previewShot = await screenshot("exception-details");
    return { prefilled, message, selection, preview, status: status.text, inputScreenshot: inputShot, screenshot: file, previewScreenshot: previewShot };
  });

  await step("exceptionFixed", async () => {
    // The cause's quick fix, then no finding is left on report.py (none stale either).
    await openFile("report.py");
    await gotoLine(5, 12);
    await page.keyboard.press("Control+.");
    await page.locator(".action-widget").waitFor({ state: "visible", timeout: 15000 });
    const titles = await page.evaluate(() =>
      [...document.querySelectorAll(".action-widget .monaco-list-row")].map((r) => (r.getAttribute("aria-label") || r.textContent || "").trim()),
    );
    for (let i = 0; i < titles.length + 1; i++) {
      const focused = await page.evaluate(() => {
        const row = document.querySelector(".action-widget .monaco-list-row.focused");
        return row ? row.getAttribute("aria-label") || row.textContent : "";
      });
      if (/^SPK302:/.test((focused || "").trim())) break;
      await page.keyboard.press("ArrowDown");
    }
    await page.keyboard.press("Enter");
    const text = await poll("the fixed report.py", async () => {
      const t = await editorText();
      return t.includes("if orders.isEmpty():") ? t : null;
    });
    let status;
    try {
      status = await poll("report.py at 0", async () => {
        const s = await statusText();
        return s && /Spark Connect: 0/.test(s.text) ? s : null;
      }, 8000);
    } catch (err) {
      status = (await statusText()) || {};
      status.stale = true;
    }
    const left = await squiggles();
    return { titles, text, status: status.text, stale: !!status.stale, squigglesLeft: left.length, screenshot: await screenshot("exception-fixed") };
  });

  await step("notebook", async () => {
    // A Jupyter notebook: its Python cells are checked together (notebookDocument/* sync), so the
    // last cell's `ctx.parallelize` is flagged because the cell before defines `ctx`.
    await openFile("etl.ipynb");
    const perCell = await poll("squiggles in both code cells", async () => {
      const counts = await page.evaluate(() =>
        [...document.querySelectorAll(".notebook-editor .monaco-editor")].map(
          (editor) => editor.querySelectorAll(".view-overlays .cdr.squiggly-error").length,
        ),
      );
      const marked = counts.filter((n) => n > 0); // the markdown cell's editor, when it has one, has none
      return marked.length >= 2 ? marked : null;
    });
    const marks = perCell.reduce((a, b) => a + b, 0);
    // The status bar counts the active notebook's findings once the notebook has the focus.
    await page.locator(".notebook-editor .monaco-editor .view-lines").first().click();
    const status = await poll("the notebook's count", async () => {
      const s = await statusText();
      return s && /Spark Connect: [1-9]/.test(s.text) ? s : null;
    });
    await page.mouse.move(900, 520);
    return { squiggles: marks, perCell, status: status.text, screenshot: await screenshot("notebook") };
  });

  await step("showLogs", async () => {
    await runCommand("Spark Connect: Show logs");
    await poll("the output panel", async () =>
      page.evaluate(() => {
        const panel = document.querySelector(".part.panel");
        return panel && panel.offsetParent !== null && /Spark Connect/.test(panel.textContent || "");
      }),
    );
    await page.waitForTimeout(500);
    return { screenshot: await screenshot("logs") };
  });

  await step("restart", async () => {
    await runCommand("Spark Connect: Restart server");
    await openFile("job.py");
    const status = await poll("the status bar after the restart", async () => {
      const s = await statusText();
      return s && /Spark Connect: \d/.test(s.text) ? s : null;
    });
    return { status: status.text };
  });

  await browser.close();
}

main()
  .catch((err) => {
    results.fatal = String(err && err.stack ? err.stack : err);
  })
  .finally(() => {
    save();
    process.exit(0);
  });
