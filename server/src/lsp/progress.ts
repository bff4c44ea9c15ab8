// Server-initiated work-done progress (`window/workDoneProgress/create`, then
// `$/progress` begin/report/end). The library's reporter cannot put a message
// on `end`, so the notifications are sent here directly. Reports are
// throttled; when the client lacks the capability every call is a no-op.
import {
  WorkDoneProgress,
  WorkDoneProgressCreateRequest,
  type Connection,
  type WorkDoneProgressBegin,
  type WorkDoneProgressEnd,
  type WorkDoneProgressReport,
} from 'vscode-languageserver/node';

export interface Progress {
  report(done: number, total: number): void;
  end(message: string): void;
}

const REPORT_EVERY_MS = 100;
let nextToken = 0;

export async function beginProgress(args: { connection: Connection; enabled: boolean; title: string }): Promise<Progress> {
  const { connection } = args;
  const token = `kbuild-analyzer/${process.pid}/${nextToken++}`;
  const created =
    args.enabled &&
    (await connection.sendRequest(WorkDoneProgressCreateRequest.type, { token }).then(
      () => true,
      () => false,
    ));
  if (!created) return { report: () => undefined, end: () => undefined };
  const send = (value: WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd) =>
    void connection.sendProgress(WorkDoneProgress.type, token, value);
  send({ kind: 'begin', title: args.title, percentage: 0, cancellable: false });
  let lastReport = 0;
  return {
    report(done, total) {
      const now = Date.now();
      if (now - lastReport < REPORT_EVERY_MS && done < total) return;
      lastReport = now;
      const percentage = total === 0 ? 100 : Math.floor((done * 100) / total);
      send({ kind: 'report', message: `${done}/${total}`, percentage });
    },
    end(message) {
      send({ kind: 'end', message });
    },
  };
}
