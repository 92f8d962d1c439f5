// Preloaded with `node --import` by `modulesLoadedBy()`: records the URL of every module the
// process loads, one a line, into the file named by DEBRIEF_RECORD_MODULES. ES modules and
// CommonJS imported by them go through the module hooks; CommonJS required directly (the
// `debrief lint` bundle, compromise) through `Module._load`, which the hooks do not see on
// Node 20.
import { appendFileSync } from 'node:fs';
import Module, { register } from 'node:module';
import { pathToFileURL } from 'node:url';

const file = process.env.DEBRIEF_RECORD_MODULES;
register(new URL('./record-module-loads-hooks.mjs', import.meta.url), { data: { file } });

const load = Module._load;
Module._load = function recordLoad(request, parent, isMain, ...rest) {
  if (file) {
    try {
      const path = Module._resolveFilename(request, parent, isMain);
      appendFileSync(file, `${path.startsWith('/') ? pathToFileURL(path).href : path}\n`);
    } catch {
      // Unresolvable: the real load below throws the error the caller expects.
    }
  }
  return load.call(this, request, parent, isMain, ...rest);
};
