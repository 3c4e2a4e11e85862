// The VS Code client of `sparkmigrate lsp`: starts the server (found by
// serverPath.ts), hands it the settings (settings.ts) with the LLM API key
// from SecretStorage, and adds the commands and the status bar item. All
// analysis is the server's; this file only moves requests and shows results.
import * as fs from "fs";
import * as os from "os";
import * as vscode from "vscode";
import {
  CodeAction as ProtocolCodeAction,
  CodeActionRequest,
  CodeActionResolveRequest,
  DidChangeConfigurationNotification,
  DocumentDiagnosticReportKind,
  DocumentDiagnosticRequest,
  ExecuteCommandRequest,
  LanguageClient,
  LanguageClientOptions,
  RevealOutputChannelOn,
  ServerOptions,
  State,
} from "vscode-languageclient/node";

import { SOURCE, countFindings, pushIsRedundant } from "./diagnostics";
import { ExplainResult, markdown, summary, utf16Column } from "./explain";
import { redact } from "./redact";
import { resolveServerPath } from "./serverPath";
import {
  SECTION,
  ServerSettings,
  initializationOptions,
  readRawSettings,
  settingsChangeAction,
  shapeSettings,
} from "./settings";
import { fromInputBox, looksLikeTraceback, prefill } from "./traceback";

const SECRET_KEY = "sparkmigrate.llm.apiKey";
const LLM_TITLE = "Migrate to Spark Connect with";
const MIGRATE_ROUNDS = 5;
const NOTEBOOK_CELL = "vscode-notebook-cell";

/** An output channel that masks the API key in everything written to it. */
class RedactingOutputChannel implements vscode.OutputChannel {
  constructor(
    private readonly inner: vscode.OutputChannel,
    private readonly secrets: () => (string | undefined)[],
  ) {}
  get name(): string {
    return this.inner.name;
  }
  append(value: string): void {
    this.inner.append(redact(value, this.secrets()));
  }
  appendLine(value: string): void {
    this.inner.appendLine(redact(value, this.secrets()));
  }
  replace(value: string): void {
    this.inner.replace(redact(value, this.secrets()));
  }
  clear(): void {
    this.inner.clear();
  }
  show(columnOrPreserveFocus?: vscode.ViewColumn | boolean, preserveFocus?: boolean): void {
    if (typeof columnOrPreserveFocus === "boolean") this.inner.show(columnOrPreserveFocus);
    else this.inner.show(columnOrPreserveFocus, preserveFocus);
  }
  hide(): void {
    this.inner.hide();
  }
  dispose(): void {
    this.inner.dispose();
  }
}

class Extension {
  private client: LanguageClient | undefined;
  private apiKey: string | undefined;
  private lastSent: ServerSettings = {};
  private readonly output: RedactingOutputChannel;
  private readonly status: vscode.StatusBarItem;
  private serverPath: string | undefined;
  private starting: Promise<void> | undefined;
  // Notebook cells: vscode-languageclient syncs notebooks (the server asks for notebookDocument/*)
  // but pulls diagnostics only for documents shown in a tab, and a cell is not one (the notebook
  // is), so the cells are pulled here. See pullCell().
  private readonly cellDiagnostics = vscode.languages.createDiagnosticCollection("sparkmigrate-notebook-cells");
  private readonly cellTimers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly context: vscode.ExtensionContext) {
    this.output = new RedactingOutputChannel(vscode.window.createOutputChannel("Spark Connect"), () => [this.apiKey]);
    this.status = vscode.window.createStatusBarItem("sparkmigrate.status", vscode.StatusBarAlignment.Right, 100);
    this.status.name = "Spark Connect";
    context.subscriptions.push(this.output, this.status, this.cellDiagnostics);
  }

  log(message: string): void {
    this.output.appendLine(`[sparkmigrate ${new Date().toLocaleTimeString()}] ${message}`);
  }

  /** The settings as sent to the server, key included. */
  currentSettings(scope?: vscode.Uri): ServerSettings {
    return shapeSettings(readRawSettings(vscode.workspace.getConfiguration(SECTION, scope)), this.apiKey);
  }

  async activate(): Promise<void> {
    const ctx = this.context;
    this.apiKey = (await ctx.secrets.get(SECRET_KEY)) || undefined;
    const command = (id: string, fn: (...args: any[]) => unknown) =>
      ctx.subscriptions.push(vscode.commands.registerCommand(id, fn));
    command("sparkmigrate.restart", () => this.restart());
    command("sparkmigrate.showLogs", () => this.output.show(true));
    command("sparkmigrate.migrateCurrentFile", (uri?: vscode.Uri) => this.migrateFile(uri));
    command("sparkmigrate.migrateWithLlmAtCursor", () => this.migrateWithLlm());
    command("sparkmigrate.migrateFromException", (text?: string) => this.migrateFromException(text));
    command("sparkmigrate.setLlmApiKey", () => this.setApiKey());
    command("sparkmigrate.clearLlmApiKey", () => this.clearApiKey());

    ctx.subscriptions.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration(SECTION)) return;
        if (e.affectsConfiguration(`${SECTION}.path`)) void this.restart();
        else void this.settingsChanged();
      }),
      ctx.secrets.onDidChange(async (e) => {
        if (e.key !== SECRET_KEY) return;
        this.apiKey = (await ctx.secrets.get(SECRET_KEY)) || undefined;
        await this.settingsChanged();
      }),
      vscode.languages.onDidChangeDiagnostics(() => this.updateStatus()),
      vscode.window.onDidChangeActiveTextEditor(() => this.updateStatus()),
      vscode.window.onDidChangeActiveNotebookEditor(() => this.updateStatus()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => void this.restart()),
      vscode.workspace.onDidOpenTextDocument((doc) => this.scheduleCell(doc)),
      vscode.workspace.onDidChangeTextDocument((e) => this.scheduleCell(e.document)),
      vscode.workspace.onDidCloseTextDocument((doc) => {
        this.cellDiagnostics.delete(doc.uri);
        this.updateStatus();
      }),
    );
    await this.start();
  }

  private async start(): Promise<void> {
    if (this.starting) return this.starting;
    this.starting = this.doStart().finally(() => (this.starting = undefined));
    return this.starting;
  }

  private async doStart(): Promise<void> {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    // In an untrusted workspace VS Code drops the workspace's value of this restricted
    // setting (package.json capabilities.untrustedWorkspaces): only the user's is read.
    const configured = vscode.workspace.getConfiguration(SECTION).get<string>("path") ?? "";
    const bundled = this.context.asAbsolutePath("bundled/sparkmigrate");
    try {
      // A .vsix may lose the executable bit on some unzip paths.
      if (fs.existsSync(bundled)) fs.accessSync(bundled, fs.constants.X_OK);
    } catch {
      try {
        fs.chmodSync(bundled, 0o755);
      } catch {
        /* reported below if it cannot run */
      }
    }
    const resolved = resolveServerPath({
      configured,
      extensionPath: this.context.extensionPath,
      pathEnv: process.env.PATH,
      workspaceFolder: folder,
      home: os.homedir(),
      isExecutable: (file) => {
        try {
          if (!fs.statSync(file).isFile()) return false;
          fs.accessSync(file, fs.constants.X_OK);
          return true;
        } catch {
          return false;
        }
      },
    });
    for (const warning of resolved.warnings) {
      this.log(warning);
      void vscode.window.showWarningMessage(`Spark Connect: ${warning}`);
    }
    if (!resolved.path) {
      this.log(resolved.error ?? "no server");
      this.setStatus("error", resolved.error);
      const open = "Open settings";
      void vscode.window.showErrorMessage(`Spark Connect: ${resolved.error}`, open).then((choice) => {
        if (choice === open) void vscode.commands.executeCommand("workbench.action.openSettings", "sparkmigrate.path");
      });
      return;
    }
    this.serverPath = resolved.path;
    this.log(`server: ${resolved.path} (${resolved.source})`);

    const serverOptions: ServerOptions = {
      command: resolved.path,
      args: ["lsp"],
      options: { cwd: folder ?? os.homedir(), env: { ...process.env } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [
        { scheme: "file", language: "python" },
        { scheme: "untitled", language: "python" },
        { scheme: "vscode-notebook-cell", language: "python" },
      ],
      outputChannel: this.output,
      traceOutputChannel: this.output,
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      // Evaluated at every (re)start, so a new key or setting is picked up.
      initializationOptions: () => {
        this.lastSent = this.currentSettings();
        return initializationOptions(this.lastSent);
      },
      middleware: {
        // See diagnostics.ts: a push for a file the pulled diagnostics cover would show
        // each finding twice and stay after the fix.
        handleDiagnostics: (uri, diagnostics, next) => {
          const provider = this.client?.initializeResult?.capabilities.diagnosticProvider;
          const redundant = pushIsRedundant({
            pull: !!provider,
            workspacePull: !!provider && "workspaceDiagnostics" in provider && !!provider.workspaceDiagnostics,
            open: vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()),
            inWorkspace: !!vscode.workspace.getWorkspaceFolder(uri),
          });
          if (!redundant) next(uri, diagnostics);
        },
        workspace: {
          configuration: async (params, token, next) => {
            const answer = await next(params, token);
            if (!Array.isArray(answer)) return answer;
            return params.items.map((item, i) => {
              if (item.section !== SECTION) return answer[i];
              const scope = item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined;
              const settings = this.currentSettings(scope);
              if (!scope) this.lastSent = settings;
              return settings;
            });
          },
        },
      },
    };
    const client = new LanguageClient("sparkmigrate", "Spark Connect (sparkmigrate)", serverOptions, clientOptions);
    this.client = client;
    client.onDidChangeState((e) => {
      if (this.client !== client) return;
      if (e.newState === State.Running) this.updateStatus();
      else if (e.newState === State.Starting) this.setStatus("starting");
      else this.setStatus("error", "The sparkmigrate server stopped: see Spark Connect: Show logs");
    });
    this.setStatus("starting");
    try {
      await client.start();
      this.updateStatus();
      this.pullAllCells();
    } catch (err) {
      this.log(`could not start the server: ${String(err)}`);
      this.setStatus("error", String(err));
    }
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.cellDiagnostics.clear();
    if (!client) return;
    try {
      await client.stop(5000);
    } catch (err) {
      this.log(`stopping the server: ${String(err)}`);
    }
    await client.dispose().catch(() => undefined);
  }

  async restart(): Promise<void> {
    this.log("restarting the server");
    await this.stop();
    await this.start();
  }

  /** A setting or the key changed: tell the server, or restart when a value went away. */
  private async settingsChanged(): Promise<void> {
    const next = this.currentSettings();
    const action = settingsChangeAction(this.lastSent, next);
    if (action === "none") return;
    if (action === "restart" || !this.client || !this.client.isRunning()) {
      await this.restart();
      return;
    }
    // The server pulls the new values with workspace/configuration (the middleware above).
    this.lastSent = next;
    await this.client.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    this.pullAllCells(500); // after the server has pulled and applied the new settings
  }

  // --- notebook cells ---------------------------------------------------------------

  private isCell(doc: vscode.TextDocument): boolean {
    return doc.uri.scheme === NOTEBOOK_CELL && doc.languageId === "python";
  }

  private scheduleCell(doc: vscode.TextDocument, delay = 150): void {
    if (!this.isCell(doc)) return;
    // The server analyses a notebook's Python cells as one document (notebookDocument/* sync), so
    // a change in one cell can change another's findings: every cell of the notebook is pulled.
    const notebook = vscode.workspace.notebookDocuments.find((nb) =>
      nb.getCells().some((cell) => cell.document.uri.toString() === doc.uri.toString()),
    );
    const cells = notebook ? notebook.getCells().map((cell) => cell.document).filter((d) => this.isCell(d)) : [doc];
    for (const cell of cells) {
      const key = cell.uri.toString();
      clearTimeout(this.cellTimers.get(key));
      // The delay lets the client's notebook didOpen/didChange reach the server first.
      this.cellTimers.set(
        key,
        setTimeout(() => {
          this.cellTimers.delete(key);
          void this.pullCell(cell);
        }, delay),
      );
    }
  }

  private pullAllCells(delay = 150): void {
    for (const doc of vscode.workspace.textDocuments) this.scheduleCell(doc, delay);
  }

  /** textDocument/diagnostic for one cell, into cellDiagnostics (only when the server is pulled at all). */
  private async pullCell(doc: vscode.TextDocument): Promise<void> {
    const client = this.client;
    if (!client || !client.isRunning() || !client.initializeResult?.capabilities.diagnosticProvider) return;
    if (doc.isClosed) return;
    try {
      const report = await client.sendRequest(DocumentDiagnosticRequest.type, {
        textDocument: { uri: client.code2ProtocolConverter.asUri(doc.uri) },
      });
      if (doc.isClosed || client !== this.client) return;
      if (report.kind === DocumentDiagnosticReportKind.Full) {
        this.cellDiagnostics.set(doc.uri, await client.protocol2CodeConverter.asDiagnostics(report.items));
        this.updateStatus();
      }
    } catch (err) {
      this.log(`diagnostics of ${doc.uri.toString()}: ${String(err)}`);
    }
  }

  // --- status bar -------------------------------------------------------------

  private setStatus(state: "starting" | "error", detail?: string): void {
    if (state === "starting") {
      this.status.text = "$(sync~spin) Spark Connect";
      this.status.tooltip = "Starting the sparkmigrate server";
      this.status.command = "sparkmigrate.showLogs";
    } else {
      this.status.text = "$(error) Spark Connect";
      this.status.tooltip = detail ?? "The sparkmigrate server is not running";
      this.status.command = "sparkmigrate.showLogs";
    }
    this.status.show();
  }

  /** The documents whose findings the status bar counts: the active file, or all cells of the active notebook. */
  private activeDocuments(): vscode.Uri[] {
    const notebook = vscode.window.activeNotebookEditor?.notebook;
    if (notebook) return notebook.getCells().map((cell) => cell.document.uri);
    const editor = vscode.window.activeTextEditor;
    if (editor && editor.document.languageId === "python") return [editor.document.uri];
    return [];
  }

  updateStatus(): void {
    if (!this.client || this.client.state !== State.Running) return;
    const docs = this.activeDocuments();
    if (!docs.length) {
      this.status.hide();
      return;
    }
    let count = 0;
    for (const uri of docs) count += countFindings(vscode.languages.getDiagnostics(uri));
    this.status.text = count ? `$(warning) Spark Connect: ${count}` : "$(check) Spark Connect: 0";
    this.status.tooltip =
      (count === 1
        ? "1 Spark Connect finding in this file: click for the Problems panel"
        : `${count} Spark Connect findings in this file: click for the Problems panel`) +
      (this.serverPath ? `\nServer: ${this.serverPath}` : "");
    this.status.command = "workbench.actions.view.problems";
    this.status.show();
  }

  // --- commands ---------------------------------------------------------------

  private async runningClient(): Promise<LanguageClient | undefined> {
    if (this.starting) await this.starting;
    if (!this.client) await this.start();
    const client = this.client;
    if (!client || !client.isRunning()) {
      void vscode.window.showErrorMessage("Spark Connect: the sparkmigrate server is not running (see Show logs).");
      return undefined;
    }
    return client;
  }

  private pythonEditor(): vscode.TextEditor | undefined {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== "python") {
      void vscode.window.showInformationMessage("Spark Connect: open a Python file first.");
      return undefined;
    }
    return editor;
  }

  async migrateFile(uri?: vscode.Uri): Promise<void> {
    const editor = this.pythonEditor();
    if (!editor) return;
    const client = await this.runningClient();
    if (!client) return;
    const document = uri ?? editor.document.uri;
    try {
      // One server round applies the fixes of the findings it sees; a fix can make
      // another possible (once `sc.setLogLevel` is gone, `sc = spark.sparkContext` can
      // go too), so go round again, as `sparkmigrate fix` does, until nothing changes.
      let total = 0;
      let notApplied = false;
      for (let round = 0; round < MIGRATE_ROUNDS; round++) {
        const result = (await client.sendRequest(ExecuteCommandRequest.type, {
          command: "sparkmigrate.migrateFile",
          arguments: [{ uri: client.code2ProtocolConverter.asUri(document) }],
        })) as { applied?: boolean; edits?: number } | null;
        const edits = result?.edits ?? 0;
        if (!edits) break;
        if (!result?.applied) {
          notApplied = true;
          break;
        }
        total += edits;
      }
      if (total)
        void vscode.window.showInformationMessage(
          `Spark Connect: applied ${total} ${total === 1 ? "fix" : "fixes"}. ` +
            "What is left needs judgement (Migrate with LLM, or by hand).",
        );
      else if (notApplied) void vscode.window.showWarningMessage("Spark Connect: the edit was not applied.");
      else
        void vscode.window.showInformationMessage(
          "Spark Connect: nothing in this file has a mechanical fix. Try Migrate with LLM on a finding.",
        );
    } catch (err) {
      this.log(`migrateFile: ${String(err)}`);
      void vscode.window.showErrorMessage(`Spark Connect: ${errorText(err)}`);
    }
  }

  async migrateWithLlm(): Promise<void> {
    const editor = this.pythonEditor();
    if (!editor) return;
    const client = await this.runningClient();
    if (!client) return;
    const document = editor.document;
    const position = editor.selection.active;
    const ours = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === SOURCE);
    let here = ours.filter((d) => d.range.contains(position));
    if (!here.length) here = ours.filter((d) => d.range.start.line <= position.line && position.line <= d.range.end.line);
    if (!here.length) {
      void vscode.window.showInformationMessage("Spark Connect: no finding under the cursor.");
      return;
    }
    const c2p = client.code2ProtocolConverter;
    const range = here[0].range;
    let actions: (ProtocolCodeAction | { command: string })[] | null;
    try {
      actions = await client.sendRequest(CodeActionRequest.type, {
        textDocument: c2p.asTextDocumentIdentifier(document),
        range: c2p.asRange(range),
        context: { diagnostics: await c2p.asDiagnostics(here), only: ["quickfix"] },
      });
    } catch (err) {
      void vscode.window.showErrorMessage(`Spark Connect: ${errorText(err)}`);
      return;
    }
    const candidates = (actions ?? []).filter(
      (a): a is ProtocolCodeAction => "title" in a && typeof a.title === "string" && a.title.startsWith(LLM_TITLE),
    );
    const action =
      candidates.find((a) => a.diagnostics?.some((d) => d.code === here[0].code)) ?? candidates[0];
    if (!action) {
      const open = "Open settings";
      const key = "Set API key";
      const choice = await vscode.window.showInformationMessage(
        "Spark Connect: no model is configured. Set sparkmigrate.llm.backend and sparkmigrate.llm.model " +
          "(or [tool.sparkmigrate.llm] in pyproject.toml), and the key with Spark Connect: Set LLM API key.",
        open,
        key,
      );
      if (choice === open) void vscode.commands.executeCommand("workbench.action.openSettings", "sparkmigrate.llm");
      if (choice === key) void this.setApiKey();
      return;
    }
    const version = document.version;
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Spark Connect: ${action.title}`, cancellable: true },
      async (progress, token) => {
        progress.report({ message: "asking the model; the rewrite is validated before it is applied" });
        try {
          if (action.edit || action.data === undefined) {
            if (action.edit) await this.applyProtocolEdit(client, action.edit);
            else if (action.command)
              await client.sendRequest(
                ExecuteCommandRequest.type,
                { command: action.command.command, arguments: action.command.arguments },
                token,
              );
            return;
          }
          const resolved = await client.sendRequest(CodeActionResolveRequest.type, action, token);
          if (token.isCancellationRequested) return;
          if (!resolved.edit) return; // the server said why (window/showMessage)
          if (document.version !== version) {
            void vscode.window.showWarningMessage("Spark Connect: the file changed meanwhile; run the command again.");
            return;
          }
          const applied = await this.applyProtocolEdit(client, resolved.edit);
          if (applied) void vscode.window.showInformationMessage("Spark Connect: applied the validated rewrite.");
        } catch (err) {
          if (token.isCancellationRequested) return;
          this.log(`migrateWithLlm: ${String(err)}`);
          void vscode.window.showErrorMessage(`Spark Connect: ${errorText(err)}`);
        }
      },
    );
  }

  private async applyProtocolEdit(client: LanguageClient, edit: ProtocolCodeAction["edit"]): Promise<boolean> {
    if (!edit) return false;
    const workspaceEdit = await client.protocol2CodeConverter.asWorkspaceEdit(edit);
    return vscode.workspace.applyEdit(workspaceEdit);
  }

  async migrateFromException(argument?: string): Promise<void> {
    let text = typeof argument === "string" ? argument : "";
    if (!text) {
      const editor = vscode.window.activeTextEditor;
      const selected = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection) : "";
      if (looksLikeTraceback(selected)) text = selected;
    }
    if (!text) {
      let clipboard = "";
      try {
        clipboard = await vscode.env.clipboard.readText();
      } catch {
        /* no clipboard access (a browser without permission) */
      }
      const value = await vscode.window.showInputBox({
        title: "Spark Connect: Migrate from exception",
        prompt:
          "The Spark error or traceback (prefilled from the clipboard when it holds one; line breaks show as ⏎). " +
          "You can also select a traceback in an editor before running this command.",
        placeHolder: "[JVM_ATTRIBUTE_NOT_SUPPORTED] Attribute `sparkContext` is not supported in Spark Connect …",
        value: prefill(clipboard),
        ignoreFocusOut: true,
      });
      if (!value || !value.trim()) return;
      text = fromInputBox(value);
    }
    const client = await this.runningClient();
    if (!client) return;
    let result: ExplainResult | null = null;
    try {
      result = (await vscode.window.withProgress(
        {
          location: vscode.ProgressLocation.Notification,
          title: "Spark Connect: looking for the cause of the exception",
          cancellable: true,
        },
        (_progress, token) =>
          client.sendRequest(
            ExecuteCommandRequest.type,
            { command: "sparkmigrate.explainException", arguments: [text] },
            token,
          ),
      )) as ExplainResult | null;
    } catch (err) {
      this.log(`explainException: ${String(err)}`);
      void vscode.window.showErrorMessage(`Spark Connect: ${errorText(err)}`);
      return;
    }
    if (!result) return;
    const first = result.findings?.[0];
    if (first) {
      try {
        const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(first.filename));
        const line = Math.max(0, first.location.row - 1);
        const endLine = Math.max(line, first.end_location.row - 1);
        const start = new vscode.Position(line, utf16Column(doc.lineAt(Math.min(line, doc.lineCount - 1)).text, first.location.column));
        const end = new vscode.Position(
          endLine,
          utf16Column(doc.lineAt(Math.min(endLine, doc.lineCount - 1)).text, first.end_location.column),
        );
        await vscode.window.showTextDocument(doc, { selection: new vscode.Range(start, end) });
      } catch (err) {
        this.log(`could not open ${first.filename}: ${String(err)}`);
      }
    }
    const details = "Show details";
    const docs = first?.url ? "Rule docs" : undefined;
    const choice = await vscode.window.showInformationMessage(
      `Spark Connect: ${summary(result)}`,
      ...[details, docs].filter((x): x is string => !!x),
    );
    if (choice === details) await this.showMarkdown(markdown(result));
    else if (choice === docs && first?.url) void vscode.env.openExternal(vscode.Uri.parse(first.url));
  }

  private async showMarkdown(content: string): Promise<void> {
    const doc = await vscode.workspace.openTextDocument({ language: "markdown", content });
    try {
      await vscode.commands.executeCommand("markdown.showPreview", doc.uri);
    } catch {
      await vscode.window.showTextDocument(doc);
    }
  }

  async setApiKey(): Promise<void> {
    const key = await vscode.window.showInputBox({
      title: "Spark Connect: Set LLM API key",
      prompt:
        "The API key of the model backend (sparkmigrate.llm.backend). Kept in VS Code's secret storage, " +
        "never in settings; sent only to the sparkmigrate server.",
      password: true,
      ignoreFocusOut: true,
      validateInput: (v) => (v.trim() && v.trim().length < 4 ? "That is too short to be an API key." : undefined),
    });
    if (key === undefined) return;
    if (!key.trim()) {
      await this.clearApiKey();
      return;
    }
    this.apiKey = key.trim();
    await this.context.secrets.store(SECRET_KEY, this.apiKey);
    await this.settingsChanged();
    void vscode.window.showInformationMessage("Spark Connect: the API key is stored in VS Code's secret storage.");
  }

  async clearApiKey(): Promise<void> {
    this.apiKey = undefined;
    await this.context.secrets.delete(SECRET_KEY);
    await this.settingsChanged();
    void vscode.window.showInformationMessage("Spark Connect: the API key was removed.");
  }
}

function errorText(err: unknown): string {
  if (err && typeof err === "object" && "message" in err) return String((err as { message: unknown }).message);
  return String(err);
}

let extension: Extension | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  extension = new Extension(context);
  await extension.activate();
}

export async function deactivate(): Promise<void> {
  await extension?.stop();
  extension = undefined;
}
