// One evaluation's view of the file system, remembered: make reads each
// directory once and answers later $(wildcard) from its cache (dir.c), and
// Kbuild's .cmd files ask for the same `$(wildcard include/config/…)`
// hundreds of times. File texts are not kept here (the parse cache is).
import type { FileStat, Host } from './host';

export function cachingHost(host: Host): Host {
  const stats = new Map<string, FileStat | undefined>();
  const dirs = new Map<string, string[]>();
  const cached: Host = {
    readFile: (path) => host.readFile(path),
    stat(path) {
      if (stats.has(path)) return stats.get(path);
      const s = host.stat(path);
      stats.set(path, s);
      return s;
    },
    readDir(path) {
      let names = dirs.get(path);
      if (!names) dirs.set(path, (names = host.readDir(path)));
      return names;
    },
  };
  if (host.shell) {
    const shell = host.shell.bind(host);
    cached.shell = (command, cwd) => {
      // A command may create or remove files (Kbuild's `$(shell mkdir -p …)`): forget what was seen.
      stats.clear();
      dirs.clear();
      return shell(command, cwd);
    };
  }
  return cached;
}
