/**
 * `dialog`: every call is recorded with its window and options; answers come from a script the test writes
 * (answer('messageBox', 1)), and a call with no scripted answer waits until the test gives one.
 */
export type DialogKind = 'messageBox' | 'openDialog' | 'saveDialog';
/** messageBox: the button index; openDialog: the paths (null = cancelled); saveDialog: the path (null = cancelled). */
export type DialogAnswer = number | string | string[] | null;
type Scripted = DialogAnswer | ((options: Record<string, unknown>) => DialogAnswer);

export interface DialogCall {
  kind: DialogKind;
  window: unknown;
  options: Record<string, unknown>;
  answer?: DialogAnswer;
}

export class DialogDouble {
  readonly calls: DialogCall[] = [];
  readonly errorBoxes: { title: string; content: string }[] = [];
  private readonly script: Record<DialogKind, Scripted[]> = { messageBox: [], openDialog: [], saveDialog: [] };
  private readonly waiting: { call: DialogCall; give: (a: DialogAnswer) => void }[] = [];
  private readonly watchers: (() => void)[] = [];

  /** Scripts the answer to the next unanswered `kind` dialog (a waiting one first). */
  answer(kind: DialogKind, answer: Scripted): void {
    const i = this.waiting.findIndex((w) => w.call.kind === kind);
    if (i >= 0) {
      const [w] = this.waiting.splice(i, 1);
      w!.give(typeof answer === 'function' ? answer(w!.call.options) : answer);
    } else {
      this.script[kind].push(answer);
    }
  }

  /** Resolves with the first recorded call (past or future) of `kind` that matches. */
  async waitForCall(kind: DialogKind, match: (c: DialogCall) => boolean = () => true, timeoutMs = 20_000): Promise<DialogCall> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.calls.find((c) => c.kind === kind && match(c));
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`No ${kind} dialog matched within ${timeoutMs} ms; calls so far: ${JSON.stringify(this.calls.map((c) => [c.kind, c.options.message ?? c.options.title]))}`);
      await new Promise<void>((r) => { this.watchers.push(r); setTimeout(r, 50); });
    }
  }

  private async ask(kind: DialogKind, a: unknown, b: unknown): Promise<DialogAnswer> {
    // Electron's overloads: (options) or (window, options).
    const [window, options] = b === undefined ? [null, a] : [a, b];
    const call: DialogCall = { kind, window, options: options as Record<string, unknown> };
    this.calls.push(call);
    for (const w of this.watchers.splice(0)) w();
    const scripted = this.script[kind].shift();
    const answer = scripted !== undefined
      ? (typeof scripted === 'function' ? scripted(call.options) : scripted)
      : await new Promise<DialogAnswer>((give) => this.waiting.push({ call, give }));
    call.answer = answer;
    return answer;
  }

  async showMessageBox(a: unknown, b?: unknown): Promise<{ response: number; checkboxChecked: boolean }> {
    return { response: Number(await this.ask('messageBox', a, b)), checkboxChecked: false };
  }
  async showOpenDialog(a: unknown, b?: unknown): Promise<{ canceled: boolean; filePaths: string[] }> {
    const paths = (await this.ask('openDialog', a, b)) as string[] | null;
    return paths ? { canceled: false, filePaths: paths } : { canceled: true, filePaths: [] };
  }
  async showSaveDialog(a: unknown, b?: unknown): Promise<{ canceled: boolean; filePath: string }> {
    const p = (await this.ask('saveDialog', a, b)) as string | null;
    return p ? { canceled: false, filePath: p } : { canceled: true, filePath: '' };
  }

  /** Synchronous dialogs cannot wait: they need an answer scripted beforehand. */
  private now(kind: DialogKind, a: unknown, b: unknown): DialogAnswer {
    if (this.script[kind].length === 0) throw new Error(`The electron double has no scripted answer for a synchronous ${kind}`);
    let out: DialogAnswer = null;
    void this.ask(kind, a, b).then((x) => { out = x; });
    return out ?? this.calls[this.calls.length - 1]!.answer ?? null;
  }
  showMessageBoxSync(a: unknown, b?: unknown): number { return Number(this.now('messageBox', a, b)); }
  showOpenDialogSync(a: unknown, b?: unknown): string[] | undefined { return (this.now('openDialog', a, b) as string[] | null) ?? undefined; }
  showSaveDialogSync(a: unknown, b?: unknown): string | undefined { return (this.now('saveDialog', a, b) as string | null) ?? undefined; }

  showErrorBox(title: string, content: string): void {
    this.errorBoxes.push({ title, content });
  }
}
