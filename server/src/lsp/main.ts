// Entry of dist/server.js. The transport comes from the command line:
// `--stdio` (any LSP client), `--node-ipc` (VS Code's TransportKind.ipc) or
// `--socket=PORT`.
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { startServer } from './server';

startServer(createConnection(ProposedFeatures.all));
